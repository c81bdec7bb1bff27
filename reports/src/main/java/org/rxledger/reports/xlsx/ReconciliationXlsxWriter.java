package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.RollForwardLine;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report reconciliation --from D1 --to D2}: the daily reconciliation of every business day in
 * the range that had activity (DOMAIN.md §4.4). Sheets: "Days" (all payers per day: claims, payments, posted,
 * deposits, roll-forward, closed or not), "By payer" (one row per day × payer with its roll-forward), "PLB by
 * code", "Variances". Opening and closing balances are point-in-time values: they have no total.
 * Without --from/--to the range is the first to the last day with any activity.
 */
public final class ReconciliationXlsxWriter implements Report {

    static final List<Column> DAYS;
    static final List<Column> BY_PAYER;
    static final List<Column> PLB = List.of(Column.date("Date"), Column.text("Payer", 30), Column.text("PLB code", 10),
            Column.count("Items"), Column.money("Amount"));
    /** No totals: a category's amount is signed its own way (deposits − payments against payments without deposit), so a grand total adds what cannot be added (issue 20). */
    static final List<Column> VARIANCES = List.of(Column.date("Date"), Column.text("Payer", 30),
            Column.text("Category", 28), Column.integer("Count"), balance("Amount"));

    static {
        List<Column> days = new ArrayList<>(List.of(Column.date("Date"), Column.count("Claims adjudicated"),
                Column.money("Expected (509-F9)"), Column.count("Payments"), Column.money("Received (BPR02)"),
                Column.money("Posted"), Column.money("Deposits")));
        days.addAll(rollForward());
        days.add(Column.text("Closed", 8));
        DAYS = List.copyOf(days);
        List<Column> payer = new ArrayList<>(List.of(Column.date("Date"), Column.text("Payer", 30),
                Column.count("Claims adjudicated"), Column.money("Expected (509-F9)"), Column.count("Payments"),
                Column.money("Received (BPR02)"), Column.money("Posted"), Column.money("To claims"),
                Column.money("Unapplied"), Column.money("PLB taken")));
        payer.addAll(rollForward());
        BY_PAYER = List.copyOf(payer);
    }

    private static List<Column> rollForward() {
        List<Column> c = new ArrayList<>();
        c.add(balance("Opening A/R"));
        for (RollForwardLine l : RollForwardLine.values()) {
            c.add(Column.money(l.label()));
        }
        c.add(balance("Closing A/R"));
        c.add(balance("Ledger closing"));
        c.add(Column.money("Difference"));
        return c;
    }

    /** A balance at a point in time: money, but summing it over days would mean nothing. */
    private static Column balance(String header) {
        return new Column(header, ColumnType.MONEY, Math.max(13, header.length() + 2), false);
    }

    @Override
    public String name() {
        return "reconciliation";
    }

    @Override
    public String title() {
        return "Daily reconciliation per business day and payer with the A/R roll-forward (--from/--to)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        DailyReconciliationService service = new DailyReconciliationService(transactions);
        LocalDate from = request.period().from();
        LocalDate to = request.period().to();
        if (from == null || to == null) {
            LocalDate[] range = service.activityRange().orElse(null);
            LocalDate today = request.generatedAt().toLocalDate();
            from = from != null ? from : range == null ? today : range[0];
            to = to != null ? to : range == null ? today : range[1];
            if (to.isBefore(from)) {
                to = from;
            }
        }
        List<DailyReconciliation> days = service.days(from, to);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Business days from", from.toString());
        params.put("to", to.toString());
        params.put("Payments by", "BPR16 date");
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            table.startTable("Days", "Daily reconciliation, all payers", params, request.generatedAt(), DAYS);
            for (DailyReconciliation d : days) {
                DailyReconciliation.PayerDay t = d.total();
                List<Object> v = new ArrayList<>(List.of(d.date(), t.claims(), t.expected(), t.payments(), t.received(),
                        t.posted(), d.deposited()));
                v.addAll(rollForward(t.rollForward()));
                v.add(d.closed() ? "yes" : "no");
                table.row(v.toArray());
            }
            rows.put("Days", (long) days.size());

            table.startTable("By payer", "Daily reconciliation by payer", params, request.generatedAt(), BY_PAYER);
            long payerRows = 0;
            for (DailyReconciliation d : days) {
                for (DailyReconciliation.PayerDay p : d.payers()) {
                    List<Object> v = new ArrayList<>(List.of(d.date(), p.payer(), p.claims(), p.expected(), p.payments(),
                            p.received(), p.posted(), p.cashToClaims(), p.unapplied(), p.plbTaken()));
                    v.addAll(rollForward(p.rollForward()));
                    table.row(v.toArray());
                    payerRows++;
                }
            }
            rows.put("By payer", payerRows);

            table.startTable("PLB by code", "Provider-level adjustments by code (positive = taken from the payment)", params,
                    request.generatedAt(), PLB);
            long plbRows = 0;
            for (DailyReconciliation d : days) {
                for (DailyReconciliation.PlbTotal p : d.plb()) {
                    table.row(d.date(), p.payer(), p.code(), p.items(), p.amount());
                    plbRows++;
                }
            }
            rows.put("PLB by code", plbRows);

            table.startTable("Variances", "Variances by category", params, request.generatedAt(), VARIANCES);
            long varianceRows = 0;
            for (DailyReconciliation d : days) {
                for (DailyReconciliation.Variance v : d.variances()) {
                    table.row(d.date(), v.payer(), v.category().label(), v.count(), v.amount());
                    varianceRows++;
                }
            }
            rows.put("Variances", varianceRows);
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("daily reconciliation %s to %s, %,d days, %,d payer rows, %,d variances",
                from, to, rows.get("Days"), rows.get("By payer"), rows.get("Variances")), rows);
    }

    private static List<Object> rollForward(DailyReconciliation.RollForward rf) {
        List<Object> v = new ArrayList<>();
        v.add(rf.opening());
        for (RollForwardLine l : RollForwardLine.values()) {
            v.add(rf.movement(l));
        }
        v.add(rf.computedClosing());
        v.add(rf.closing());
        v.add(rf.difference());
        return v;
    }
}
