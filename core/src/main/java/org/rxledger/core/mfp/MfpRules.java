package org.rxledger.core.mfp;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** The refund rules in plain Java (docs/mfp.md), tested without a database. */
public final class MfpRules {

    /**
     * The prompt-payment window: a manufacturer pays within 14 days of the MTF Data Module sending it the claim
     * data (docs/mfp.md, "The 14-day clock", and the public sources named there).
     */
    public static final int PAYMENT_WINDOW_DAYS = 14;

    /**
     * A refund counts as short (or over) only beyond one cent: a manufacturer rounding per unit rather than
     * per claim may differ by a cent on a legitimate payment.
     */
    public static final Money TOLERANCE = Money.ofCents(1);

    private MfpRules() {
    }

    /** The due date of a refund whose clock started on {@code clockStart}. */
    public static LocalDate due(LocalDate clockStart) {
        return clockStart.plusDays(PAYMENT_WINDOW_DAYS);
    }

    /**
     * @param received     the net of every refund payment recorded for the fill (reversals negative)
     * @param lastPaidOn   the date of the latest refund payment, null when none
     * @param claimReversed the pharmacy reversed the claim itself
     */
    public static RefundState state(Money expected, Money received, LocalDate lastPaidOn, LocalDate due, LocalDate asOf,
                                    boolean claimReversed) {
        if (claimReversed) {
            return RefundState.REVERSED;
        }
        if (received.isZero()) {
            return asOf.isAfter(due) ? RefundState.MISSING : RefundState.EXPECTED;
        }
        Money difference = received.minus(expected);
        if (difference.negate().isGreaterThan(TOLERANCE)) {
            return RefundState.SHORT;
        }
        if (difference.isGreaterThan(TOLERANCE)) {
            return RefundState.OVERPAID;
        }
        return lastPaidOn != null && lastPaidOn.isAfter(due) ? RefundState.LATE : RefundState.PAID;
    }

    /** A claim payment's kind: a reversal by CLP02 22 or a negative amount; else original first, adjustment after. */
    public static RefundKind kind(String clp02, Money paid, boolean earlierReceipts) {
        if ("22".equals(clp02) || paid.isNegative()) {
            return RefundKind.REVERSAL;
        }
        return earlierReceipts ? RefundKind.ADJUSTMENT : RefundKind.ORIGINAL;
    }
}
