package org.rxledger.core.recon;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.rxledger.core.money.Money;

/** Port: set-based reconciliation reads (one query each, aggregated in the database). */
public interface ReconRepository {

    /**
     * A claim with a receivable (paid adjudication, active — or reversed at the counter but paid anyway)
     * and the aggregates of its matched claim payments.
     *
     * @param expected  plan paid (509-F9) while the adjudication is active; zero once reversed or rebilled
     * @param paid      Σ CLP04 of matched claim payments (reversals negative)
     * @param lines     matched claim payments
     * @param reversals matched CLP02 = 22 lines
     * @param denials   matched lines that deny: CLP02 = 4, or nothing paid with a CO/PI/OA adjustment
     */
    record ClaimTotals(long claimId, String rx, int fill, LocalDate dateOfService, String payerName, Money expected,
                       Money paid, int lines, int reversals, int denials) {
    }

    /** A claim's third-party receivable balance on the ledger (non-zero only). */
    record OpenReceivable(long claimId, String payerName, LocalDate dateOfService, Money balance) {
    }

    /** Every claim with a receivable, ordered by Rx, fill, date of service; streamed. */
    void claimTotals(Consumer<ClaimTotals> sink);

    /** Every claim whose THIRD_PARTY_RECEIVABLE balance is not zero; streamed. */
    void openReceivables(Consumer<OpenReceivable> sink);
}
