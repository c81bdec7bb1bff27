package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report aging --as-of D}: third-party receivables open on D (ledger entries effective on or
 * before D), aged from the date of service (DOMAIN.md §4.5). Sheet "By payer" is payer × bucket with open
 * claims and credits (money owed back); sheet "Open claims" lists each claim with its age and bucket.
 * Without {@code --as-of} the report ages as of the day it is generated.
 */
public final class AgingXlsxWriter implements Report {

    static final List<Column> SUMMARY;
    static final List<Column> DETAIL = List.of(Column.text("Payer", 30), Column.text("Plan", 24), Column.text("Rx", 12),
            Column.integer("Fill"), Column.date("DOS"), Column.integer("Days"), Column.text("Bucket", 9),
            Column.money("Expected"), Column.money("Open balance"));

    static final List<Column> SHORT_DENIED = List.of(Column.text("Payer", 30), Column.text("Rx", 12),
            Column.integer("Fill"), Column.date("DOS"), Column.integer("Days"), Column.text("Bucket", 9),
            Column.text("Status", 10), Column.money("Expected"), Column.money("Paid (net)"), Column.money("Still owed"));

    static {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("Payer", 30));
        for (AgingBucket b : AgingBucket.values()) {
            c.add(Column.money(b.label()));
        }
        c.add(Column.money("Total open"));
        c.add(Column.count("Open claims"));
        c.add(Column.money("Credits"));
        c.add(Column.count("Credit claims"));
        SUMMARY = List.copyOf(c);
    }

    @Override
    public String name() {
        return "aging";
    }

    @Override
    public String title() {
        return "Third-party aging by payer (days from date of service, --as-of)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        LocalDate asOf = request.period().asOf() != null ? request.period().asOf() : request.generatedAt().toLocalDate();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("As of", asOf.toString());
        params.put("Aged from", "date of service");
        ReconciliationService service = new ReconciliationService(transactions);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            List<ReconciliationService.PayerAging> payers = service.aging(asOf);
            table.startTable("By payer", "Third-party aging by payer", params, request.generatedAt(), SUMMARY);
            for (ReconciliationService.PayerAging a : payers) {
                Object[] values = new Object[SUMMARY.size()];
                int i = 0;
                values[i++] = a.payerName();
                for (AgingBucket b : AgingBucket.values()) {
                    values[i++] = a.bucket(b);
                }
                values[i++] = a.total();
                values[i++] = a.openClaims();
                values[i++] = a.credits();
                values[i] = a.creditClaims();
                table.row(values);
            }
            rows.put("By payer", (long) payers.size());
            table.startTable("Open claims", "Open third-party claims", params, request.generatedAt(), DETAIL);
            long[] claims = {0};
            service.openClaims(asOf, a -> {
                var c = a.claim();
                table.row(c.payerName(), c.planName(), c.rx(), c.fill(), c.dateOfService(), a.days(),
                        a.claim().balance().isNegative() ? "credit" : a.bucket().label(), c.expected(), c.balance());
                claims[0]++;
            });
            rows.put("Open claims", claims[0]);
            // their receivable was closed by the remittance's adjustments, so only this sheet shows them (issue 20)
            table.startTable("Short-paid and denied", "Short-paid and denied claims (closed on the receivable, still "
                    + "worth working)", params, request.generatedAt(), SHORT_DENIED);
            long[] shortDenied = {0};
            service.shortPaidAndDenied(asOf, s -> {
                var c = s.claim();
                table.row(c.payerName(), c.rx(), c.fill(), c.dateOfService(), s.days(), s.bucket().label(),
                        s.status() == org.rxledger.core.recon.ReconStatus.DENIED ? "denied" : "short-paid", c.expected(),
                        c.paid(), s.owed());
                shortDenied[0]++;
            });
            rows.put("Short-paid and denied", shortDenied[0]);
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("third-party aging as of %s, %,d payers, %,d open claims, "
                + "%,d short-paid or denied", asOf, rows.get("By payer"), rows.get("Open claims"),
                rows.get("Short-paid and denied")), rows);
    }
}
