package org.rxledger.core.remit;

import org.rxledger.core.money.Money;

/**
 * One imported payment as the import reports it: what the clerk checks against the deposit, and why it was
 * not posted automatically ({@code postingHeldReason}, null when it was posted or its payer is "review first").
 */
public record PaymentSummary(long paymentId, String payerName, String traceNumber, Money amount, int claimCount,
                             MatchCounts matches, String postingHeldReason) {

    /** Claim payments tied to a claim, automatically or by a person. */
    public int matchedCount() {
        return matches.matched();
    }
}
