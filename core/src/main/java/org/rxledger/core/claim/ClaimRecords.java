package org.rxledger.core.claim;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;

/**
 * The claims as the claims screen reads them: the list, one claim with everything it refers to, and one claim as
 * printed on paper, each in one read transaction, so that the screen never reads a repository itself and the
 * tests read what the screen reads (ScreensUseUseCasesTest).
 */
public final class ClaimRecords {

    private final Transactions transactions;

    public ClaimRecords(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * One claim with its reference data (any of which may be absent when the directory no longer has it), its
     * ledger entries in posting order and its billing steps.
     */
    public record Facts(Claim claim, Patient patient, Prescriber prescriber, Drug drug, Plan plan, Payer payer,
                        List<LedgerEntry> entries, List<FillHistory.Step> history) {
        public Facts {
            Objects.requireNonNull(claim, "claim");
            entries = List.copyOf(entries);
            history = List.copyOf(history);
        }
    }

    /** Every claim, identifiers masked as the signed-in person may see them. */
    public List<ClaimSummary> summaries() {
        return transactions.read(tx -> tx.port(ClaimRepository.class).summaries(tx.identifierMask()));
    }

    /** @throws RxLedgerException not found when the claim is no longer in the database (a list shown before a change) */
    public Facts facts(long claimId) {
        return transactions.read(tx -> {
            Claim c = tx.port(ClaimRepository.class).find(claimId)
                    .orElseThrow(() -> RxLedgerException.notFound("claim " + claimId + " is no longer in the database"));
            ReferenceRepository reference = tx.port(ReferenceRepository.class);
            Plan plan = reference.plan(c.planId()).orElse(null);
            return new Facts(c, reference.patient(c.patientId()).orElse(null),
                    reference.prescriber(c.prescriberId()).orElse(null), reference.drug(c.drugId()).orElse(null), plan,
                    plan == null ? null : reference.payer(plan.payerId()).orElse(null),
                    tx.port(LedgerRepository.class).forClaim(claimId), FillHistory.of(tx, claimId));
        });
    }

    /** What a UCF sheet or a DMR receipt of the claim prints. */
    public PaperClaim paper(long claimId) {
        return transactions.read(tx -> PaperClaim.load(tx, claimId));
    }

    /** The store's clock: "today" for a reversal is the day the use cases see. */
    public Clock clock() {
        return transactions.clock();
    }
}
