package org.rxledger.core.recon;

import java.util.List;
import org.rxledger.core.money.Money;

/**
 * A claim's reconciliation: expected = plan paid at adjudication (509-F9); paid = the net of every
 * matched claim payment, reversals negative (DOMAIN.md §4.3).
 */
public record ClaimReconciliation(Money expected, Money paid, ReconStatus status) {

    public Money variance() {
        return paid.minus(expected);
    }

    public static ClaimReconciliation of(Money expected, List<RemitLine> lines) {
        Money paid = Money.sum(lines.stream().map(RemitLine::paid).toList());
        return new ClaimReconciliation(expected, paid, status(expected, paid, lines));
    }

    static ReconStatus status(Money expected, Money paid, List<RemitLine> lines) {
        return status(expected, paid, lines.size(), lines.stream().anyMatch(RemitLine::reversal),
                lines.stream().anyMatch(RemitLine::denied));
    }

    /** The same rules from aggregates (a set-based query's row): line count, any reversal, any denial. */
    public static ReconStatus status(Money expected, Money paid, int lines, boolean anyReversal, boolean anyDenial) {
        if (lines == 0) {
            return ReconStatus.UNPAID;
        }
        if (paid.isZero()) {
            if (anyReversal) {
                return ReconStatus.REVERSED;
            }
            if (expected.isZero()) {
                return ReconStatus.PAID; // nothing was due from the plan (e.g. a deductible): zero paid is right
            }
            if (anyDenial) {
                return ReconStatus.DENIED;
            }
            // matched, but zero paid without a denial: nothing of the receivable has come in
            return ReconStatus.UNDERPAID;
        }
        int cmp = paid.compareTo(expected);
        if (cmp == 0) {
            return ReconStatus.PAID;
        }
        return cmp > 0 ? ReconStatus.OVERPAID : ReconStatus.UNDERPAID;
    }
}
