package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report denials}: claims denied on an 835 (CLP02 = 4, or paid 0 with a CAS reason
 * other than patient responsibility; by payment date) and NCPDP rejects (response status R; by date
 * of service). Sheet "By code and payer" counts them per source, code and payer with billed and
 * paid sums; sheet "Denied claims" lists each one.
 */
public final class DenialsXlsxWriter implements Report {

    static final List<Column> SUMMARY = List.of(Column.text("Source", 16), Column.text("Code", 9),
            Column.text("Description", 52), Column.text("Payer", 26), Column.count("Claims"), Column.money("Billed"),
            Column.money("Paid"));
    static final List<Column> DETAIL = List.of(Column.text("Source", 16), Column.text("Code", 9),
            Column.text("Description", 52), Column.text("Payer", 26), Column.date("Date"), Column.text("Rx-fill", 14),
            Column.date("DOS"), Column.money("Billed"), Column.money("Paid"), Column.text("Trace / auth #", 18));

    @Override
    public String name() {
        return "denials";
    }

    @Override
    public String title() {
        return "Denials by code and payer (835 denials by payment date, NCPDP rejects by date of service)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        ReportPeriod period = request.period();
        Map<String, String> params = ReportParameters.of("Date", period);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            transactions.read(tx -> {
                var data = tx.port(ReportingRepository.class);
                table.startTable("By code and payer", "Denials by code and payer", params, request.generatedAt(), SUMMARY);
                rows.put("By code and payer", data.denialsByCodeAndPayer(period, g -> table.row(g.source().label(),
                        g.code(), g.description(), g.payerName(), g.count(), g.billed(), g.paid())));
                table.startTable("Denied claims", "Denied and rejected claims", params, request.generatedAt(), DETAIL);
                rows.put("Denied claims", data.denials(period, d -> table.row(d.source().label(), d.code(),
                        d.description(), d.payerName(), d.date(), d.rxFill(), d.dateOfService(), d.billed(), d.paid(),
                        d.reference())));
                return null;
            });
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("denials, %,d claims in %,d code/payer groups",
                rows.get("Denied claims"), rows.get("By code and payer")), rows);
    }
}
