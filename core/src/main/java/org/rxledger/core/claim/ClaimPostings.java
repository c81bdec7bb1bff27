package org.rxledger.core.claim;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Tx;

/**
 * The ledger effect of adjudications. A paid claim creates its receivables: third-party A/R =
 * plan paid (509-F9); patient pay (505-F5) goes to the patient's account, or to counter cash when
 * it was collected at pick-up; the credit side is prescription sales. Rejected claims move no money.
 */
public final class ClaimPostings {

    public static final String SOURCE_CLAIM = "CLAIM";
    public static final String SOURCE_CLAIM_REVERSAL = "CLAIM_REVERSAL";
    /** The old half of a B3 rebill: the replaced adjudication's receivables negated. */
    public static final String SOURCE_CLAIM_REBILL = "CLAIM_REBILL";
    /** A correction of a stored claim's amounts: the old receivables negated before the new ones are posted. */
    public static final String SOURCE_CLAIM_CORRECTION = "CLAIM_CORRECTION";

    private ClaimPostings() {
    }

    /** Writes the receivables of a stored claim (no-op unless the response created a receivable). */
    public static void postAdjudication(Tx tx, Claim claim, long payerId) {
        adjudicationBatch(tx, claim, payerId).ifPresent(tx.port(LedgerRepository.class)::append);
    }

    /** The receivables of a stored claim as an unwritten batch, or empty when the response creates none. */
    public static Optional<LedgerBatch> adjudicationBatch(Tx tx, Claim claim, long payerId) {
        if (!claim.responseStatus().createsReceivable()) {
            return Optional.empty();
        }
        return adjudicationBatch(tx, claim, payerId, claim.adjudicatedAt().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** As {@link #adjudicationBatch(Tx, Claim, long)}, effective on the given date (a correction's re-post). */
    static Optional<LedgerBatch> adjudicationBatch(Tx tx, Claim claim, long payerId, LocalDate effective) {
        if (!claim.responseStatus().createsReceivable()) {
            return Optional.empty();
        }
        LedgerBatch batch = new LedgerBatch(SOURCE_CLAIM, String.valueOf(claim.id()), effective,
                tx.clock().instant(), tx.actor().user());
        Money patientPay = claim.patientPay();
        batch.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, claim.planPaid(), claim.id(), claim.patientId(), payerId,
                "Plan paid Rx " + claim.rxFill());
        batch.add(claim.patientPayCollected() ? LedgerAccount.COUNTER_CASH : LedgerAccount.PATIENT_RECEIVABLE,
                patientPay, claim.id(), claim.patientId(), payerId, "Patient pay Rx " + claim.rxFill());
        batch.add(LedgerAccount.PRESCRIPTION_SALES, claim.planPaid().plus(patientPay).negate(), claim.id(),
                claim.patientId(), payerId, "Rx sale " + claim.rxFill());
        return Optional.of(batch);
    }
}
