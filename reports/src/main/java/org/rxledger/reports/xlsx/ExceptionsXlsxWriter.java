package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.money.Money;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report exceptions}: the exceptions work queue (DOMAIN.md §4.3) as it stands now, items
 * filtered by the date they arose. Sheet "By category" counts open and resolved items per category with
 * the open items' amounts; "Open items" lists each open item with why and the next step; "Resolved" lists
 * the resolved ones with their note. No PHI: Rx-fill, CLP01 and trace numbers only.
 */
public final class ExceptionsXlsxWriter implements Report {

    static final List<Column> SUMMARY = List.of(Column.text("Category", 28), Column.count("Open"),
            Column.count("Resolved"), Column.money("Expected (open)"), Column.money("Paid (open)"),
            Column.money("Difference (open)"));
    static final List<Column> OPEN = List.of(Column.text("Key", 24), Column.text("Category", 26),
            Column.text("Payer", 26), Column.text("Rx-fill / CLP01", 18), Column.text("Trace", 16), Column.date("Arose"),
            Column.integer("Age (days)"), Column.money("Expected"), Column.money("Paid"), Column.money("Difference"),
            Column.text("Owner", 12), Column.text("Why", 70), Column.text("Next step", 70));
    static final List<Column> RESOLVED = List.of(Column.text("Key", 24), Column.text("Category", 26),
            Column.text("Payer", 26), Column.text("Rx-fill / CLP01", 18), Column.text("Trace", 16), Column.date("Arose"),
            Column.money("Expected"), Column.money("Paid"), Column.money("Difference"), Column.text("Owner", 12),
            Column.text("Resolution note", 70));

    @Override
    public String name() {
        return "exceptions";
    }

    @Override
    public String title() {
        return "Exceptions work queue by category (open and resolved items, by the date each arose)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        ReportPeriod period = request.period();
        Map<String, String> params = ReportParameters.of("Arose", period);
        params.put("as of", java.time.LocalDate.now(transactions.clock()).toString());
        List<ExceptionItem> items = new ExceptionQueue(transactions).items().stream()
                .filter(i -> period.from() == null && period.to() == null || period.contains(i.arose())).toList();
        List<ExceptionItem> open = items.stream().filter(ExceptionItem::open).toList();
        List<ExceptionItem> resolved = items.stream().filter(i -> !i.open()).toList();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            table.startTable("By category", "Exceptions by category", params, request.generatedAt(), SUMMARY);
            long groups = 0;
            for (ExceptionCategory c : ExceptionCategory.values()) {
                List<ExceptionItem> o = open.stream().filter(i -> i.category() == c).toList();
                long r = resolved.stream().filter(i -> i.category() == c).count();
                if (o.isEmpty() && r == 0) {
                    continue;
                }
                table.row(c.label(), (long) o.size(), r, sum(o, ExceptionItem::expected), sum(o, ExceptionItem::paid),
                        sum(o, ExceptionItem::difference));
                groups++;
            }
            rows.put("By category", groups);
            table.startTable("Open items", "Open exceptions", params, request.generatedAt(), OPEN);
            for (ExceptionItem i : open) {
                table.row(i.key(), i.category().label(), i.payer(), i.reference(), i.trace(), i.arose(), i.age(),
                        i.expected(), i.paid(), i.difference(), i.owner(), i.reason(), i.nextStep());
            }
            rows.put("Open items", (long) open.size());
            table.startTable("Resolved", "Resolved exceptions", params, request.generatedAt(), RESOLVED);
            for (ExceptionItem i : resolved) {
                table.row(i.key(), i.category().label(), i.payer(), i.reference(), i.trace(), i.arose(), i.expected(),
                        i.paid(), i.difference(), i.owner(), i.note());
            }
            rows.put("Resolved", (long) resolved.size());
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("exceptions, %,d open and %,d resolved in %,d categories",
                open.size(), resolved.size(), rows.get("By category")), rows);
    }

    private static Money sum(List<ExceptionItem> items, java.util.function.Function<ExceptionItem, Money> f) {
        List<Money> values = new ArrayList<>();
        items.forEach(i -> values.add(f.apply(i)));
        return Money.sum(values);
    }
}
