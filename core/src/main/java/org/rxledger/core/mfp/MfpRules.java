package org.rxledger.core.mfp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        return state(expected, received, Money.ZERO, lastPaidOn, due, asOf, claimReversed);
    }

    /**
     * As {@link #state(Money, Money, LocalDate, LocalDate, LocalDate, boolean)}, with what was written off: a written-off
     * refund is settled unless money arrived afterwards beyond what was expected.
     */
    public static RefundState state(Money expected, Money received, Money writtenOff, LocalDate lastPaidOn, LocalDate due,
                                    LocalDate asOf, boolean claimReversed) {
        if (claimReversed) {
            return RefundState.REVERSED;
        }
        if (!writtenOff.isZero()) {
            return received.plus(writtenOff).minus(expected).isGreaterThan(TOLERANCE) ? RefundState.OVERPAID
                    : RefundState.WRITTEN_OFF;
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

    /**
     * The work a refund needs, or null: by its state, and a duplicate when more than expected was received because
     * one receipt repeats an earlier one's amount with no reversal between (the MTF paid the same claim twice).
     */
    public static MfpWorkItem workItem(RefundState state, List<RefundReceipt> receipts) {
        return switch (state) {
            case MISSING -> MfpWorkItem.NOT_RECEIVED;
            case SHORT -> MfpWorkItem.SHORT;
            case REVERSED -> MfpWorkItem.REVERSED_CLAIM;
            case OVERPAID -> repeats(receipts) ? MfpWorkItem.DUPLICATE : MfpWorkItem.OVERPAID;
            case EXPECTED, PAID, LATE, WRITTEN_OFF -> null;
        };
    }

    private static boolean repeats(List<RefundReceipt> receipts) {
        List<Money> kept = new ArrayList<>();
        for (RefundReceipt r : receipts) {
            if (r.kind() == RefundKind.REVERSAL) {
                kept.remove(r.amount().negate());
            } else if (kept.contains(r.amount())) {
                return true;
            } else {
                kept.add(r.amount());
            }
        }
        return false;
    }
}
