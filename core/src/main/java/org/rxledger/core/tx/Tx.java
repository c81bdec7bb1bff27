package org.rxledger.core.tx;

import java.time.Clock;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.security.Actor;
import org.rxledger.core.security.AuditTrail;
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

    /** Read-only, set-based queries behind the Excel reports. */
    ReportingRepository reporting();
}
