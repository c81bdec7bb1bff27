package org.rxledger.core.remit;

import java.time.Instant;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One imported payment as the remittances list and {@code rxledger remit list} show it, with the
 * figures that prove it balances: {@code amount = claimsPaid − providerAdjustments} (835 TR3:
 * BPR02 = ΣCLP04 − ΣPLB). {@code postingHeldReason} says why automatic posting left the payment for a
 * clerk; null when it did not (or once the payment was posted).
 */
public record RemittanceListRow(long paymentId, long fileId, String fileName, Instant importedAt, String payerName,
                                String traceNumber, String method, LocalDate paymentDate, Money amount,
                                int claimCount, MatchCounts matches, Money claimsPaid, Money providerAdjustments,
                                PaymentStatus status, String postingHeldReason) {

    /** Claim payments tied to a claim, automatically or by a person. */
    public int matchedCount() {
        return matches.matched();
    }

    /** BPR02 = ΣCLP04 − ΣPLB, recomputed from the stored rows. */
    public boolean balanced() {
        return amount.equals(claimsPaid.minus(providerAdjustments));
    }

    /** Whether automatic posting left this payment for a clerk. */
    public boolean postingHeld() {
        return postingHeldReason != null && status == PaymentStatus.IMPORTED;
    }
}
