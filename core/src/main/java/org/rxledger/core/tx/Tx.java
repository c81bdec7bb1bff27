package org.rxledger.core.tx;

import java.time.Clock;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.exceptions.ExceptionRepository;
import org.rxledger.core.claim.RejectQueueRepository;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.payer.PayerRepository;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.recon.ReconRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportPublications;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.security.Actor;
import org.rxledger.core.security.AccountRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.sync.Journal;

/**
 * The repositories of one database transaction. A use case receives a {@code Tx}, does all its
 * writes through it, and either all of them commit or none do (ARCHITECTURE.md rule 3).
 */
public interface Tx {

    Actor actor();

    Clock clock();

    ReferenceRepository reference();

    ClaimRepository claims();

    LedgerRepository ledger();

    RemittanceRepository remittances();

    Journal journal();

    AuditTrail audit();

    AuditCaseRepository auditCases();

    DepositRepository deposits();
    /** Match decisions, per-payer remittance settings (issue 5). */
    MatchRepository matches();

    /** Posting reads and the posting log of remittances (issue 5). */
    PostingRepository postings();

    /** Set-based reconciliation reads (issue 5). */
    ReconRepository recon();
    /** The reject follow-up work queue (issue 3). */
    RejectQueueRepository rejectQueue();
    /** Read-only, set-based queries behind the Excel reports. */
    ReportingRepository reporting();
    /** The exceptions work queue's reads and its append-only action log (issue 5). */
    ExceptionRepository exceptions();

    /** The office's accounts (issue 16). */
    AccountRepository accounts();

    /** The accounting of disclosures (issue 16). */
    DisclosureLog disclosures();
    /** The payer directory (issue 14). */
    PayerRepository payers();
    /** The record of each 835 import attempt that makes imports crash-consistent (issue 23). */
    ImportPublications importPublications();

    /** Medicare MFP refunds: price list, payer roles, refunds received, disputes (issue 24). */
    org.rxledger.core.mfp.MfpRepository mfp();
}
