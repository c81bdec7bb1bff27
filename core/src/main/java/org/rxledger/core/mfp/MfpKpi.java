package org.rxledger.core.mfp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * MFP refund figures for a dashboard, over the fills dispensed from {@code from} to {@code to} (dates of service),
 * states judged on {@code asOf}.
 *
 * @param outstanding      what manufacturers still owe on those fills: expected, short and missing refunds (the
 *                         MFP refund receivable's debits), written-off ones not
 * @param outstandingCount how many fills that is
 * @param refunded         fills with a refund received (the days to refund are theirs)
 * @param medianDaysToRefund  days from the clock start (date of service) to the first refund payment; null when none
 * @param averageDaysToRefund the same, averaged, to one decimal; null when none
 */
public record MfpKpi(LocalDate from, LocalDate to, LocalDate asOf, Money outstanding, int outstandingCount,
                     int refunded, BigDecimal medianDaysToRefund, BigDecimal averageDaysToRefund) {

    /** The figures of {@code refunds} (every refund as of {@code asOf}) for fills dispensed in the range. */
    public static MfpKpi of(List<MfpRefund> refunds, LocalDate from, LocalDate to, LocalDate asOf) {
        List<MfpRefund> inRange = refunds.stream()
                .filter(r -> !r.dateOfService().isBefore(from) && !r.dateOfService().isAfter(to)).toList();
        List<MfpRefund> owed = inRange.stream().filter(r -> r.state().owed()).toList();
        List<Long> days = inRange.stream().filter(r -> r.state() != RefundState.REVERSED)
                .map(r -> r.receipts().stream().filter(x -> x.amount().isPositive()).map(RefundReceipt::paidOn)
                        .min(LocalDate::compareTo).map(d -> ChronoUnit.DAYS.between(r.clockStart(), d)).orElse(null))
                .filter(java.util.Objects::nonNull).sorted().toList();
        return new MfpKpi(from, to, asOf, Money.sum(owed.stream().map(MfpRefund::outstanding).toList()), owed.size(),
                days.size(), median(days), average(days));
    }

    private static BigDecimal median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        long twice = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        long sum = days.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
    }
}
