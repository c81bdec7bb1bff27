package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.mfp.RefundState;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report mfp-aging --as-of D}: the MFP refunds still owed on D (docs/mfp.md), aged by days past
 * each refund's due date — the 14-day clock, not the date of service, is what makes a manufacturer late. Sheet
 * "By manufacturer" is manufacturer × bucket with counts; "Open refunds" lists each fill still owed. A fill is
 * still owed when it is expected, short or missing; a reversed fill (money owed back) and an overpaid one are
 * not receivables and stay out, as in the outstanding total of {@code rxledger mfp refunds}.
 */
public final class MfpAgingXlsxWriter implements Report {

    /** Days past the due date; a refund due today is 0 days past due, not late yet (docs/mfp.md). */
    enum Bucket {
        NOT_DUE("Not due", Long.MIN_VALUE, -1), DAYS_0_14("0–14", 0, 14), DAYS_15_30("15–30", 15, 30),
        DAYS_31_60("31–60", 31, 60), OVER_60(">60", 61, Long.MAX_VALUE);

        final String label;
        private final long min;
        private final long max;

        Bucket(String label, long min, long max) {
            this.label = label;
            this.min = min;
            this.max = max;
        }

        static Bucket of(long daysPastDue) {
            for (Bucket b : values()) {
                if (daysPastDue >= b.min && daysPastDue <= b.max) {
                    return b;
                }
            }
            throw new IllegalStateException("no bucket for " + daysPastDue);
        }
    }

    static final Set<RefundState> OWED = EnumSet.of(RefundState.EXPECTED, RefundState.SHORT, RefundState.MISSING);

    static final List<Column> SUMMARY;
    static final List<Column> DETAIL = List.of(Column.text("Manufacturer", 30), Column.text("Rx", 12),
            Column.integer("Fill"), Column.date("DOS"), Column.text("NDC", 13), Column.decimal("Quantity"),
            Column.money("Expected"), Column.money("Received"), Column.money("Shortfall"), Column.date("Due"),
            Column.integer("Days past due"), Column.text("State", 10));

    static {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("Manufacturer", 30));
        for (Bucket b : Bucket.values()) {
            c.add(Column.money(b.label));
            c.add(Column.count(b.label + " count"));
        }
        c.add(Column.money("Total owed"));
        c.add(Column.count("Refunds owed"));
        SUMMARY = List.copyOf(c);
    }

    @Override
    public String name() {
        return "mfp-aging";
    }

    @Override
    public String title() {
        return "MFP refunds still owed by manufacturer (days past the refund's due date, --as-of)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        LocalDate asOf = request.period().asOf() != null ? request.period().asOf() : request.generatedAt().toLocalDate();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("As of", asOf.toString());
        params.put("Aged from", "due date (date of service + 14 days)");
        List<MfpRefund> owed = new MfpService(transactions).refunds(asOf).stream()
                .filter(r -> OWED.contains(r.state()) && r.shortfall().isPositive())
                .sorted(Comparator.comparing(MfpRefund::manufacturer).thenComparing(MfpRefund::due)
                        .thenComparing(MfpRefund::rxNumber).thenComparingInt(MfpRefund::fillNumber))
                .toList();
        Map<String, List<MfpRefund>> byManufacturer = new TreeMap<>();
        owed.forEach(r -> byManufacturer.computeIfAbsent(r.manufacturer(), m -> new ArrayList<>()).add(r));
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            table.startTable("By manufacturer", "MFP refund aging by manufacturer", params, request.generatedAt(), SUMMARY);
            for (Map.Entry<String, List<MfpRefund>> e : byManufacturer.entrySet()) {
                Object[] values = new Object[SUMMARY.size()];
                int i = 0;
                values[i++] = e.getKey();
                for (Bucket b : Bucket.values()) {
                    List<MfpRefund> in = e.getValue().stream().filter(r -> bucket(r, asOf) == b).toList();
                    values[i++] = shortfall(in);
                    values[i++] = (long) in.size();
                }
                values[i++] = shortfall(e.getValue());
                values[i] = (long) e.getValue().size();
                table.row(values);
            }
            rows.put("By manufacturer", (long) byManufacturer.size());
            table.startTable("Open refunds", "MFP refunds still owed", params, request.generatedAt(), DETAIL);
            for (MfpRefund r : owed) {
                table.row(r.manufacturer(), r.rxNumber(), r.fillNumber(), r.dateOfService(), r.ndc(), r.quantity(),
                        r.expected(), r.received(), r.shortfall(), r.due(), daysPastDue(r, asOf), r.state().label());
            }
            rows.put("Open refunds", (long) owed.size());
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("MFP refund aging as of %s, %,d manufacturers, %,d refunds owed, "
                + "%s outstanding", asOf, byManufacturer.size(), owed.size(), shortfall(owed)), rows);
    }

    static long daysPastDue(MfpRefund r, LocalDate asOf) {
        return ChronoUnit.DAYS.between(r.due(), asOf);
    }

    static Bucket bucket(MfpRefund r, LocalDate asOf) {
        return Bucket.of(daysPastDue(r, asOf));
    }

    private static Money shortfall(List<MfpRefund> refunds) {
        return Money.sum(refunds.stream().map(MfpRefund::shortfall).toList());
    }
}
