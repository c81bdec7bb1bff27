package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.mfp.RefundState;
import org.rxledger.core.money.Money;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report mfp-manufacturers --from --to}: how each manufacturer pays the MFP refunds of the fills
 * dispensed in the period (date of service), states judged as of {@code --as-of} or the day it is generated
 * (docs/mfp.md). A fill the pharmacy reversed is owed nothing, so its expected amount counts as 0.00 and a refund
 * kept for it shows as a negative shortfall (money owed back).
 */
public final class MfpManufacturersXlsxWriter implements Report {

    static final List<Column> SUMMARY = List.of(Column.text("Manufacturer", 30), Column.count("Fills"),
            Column.money("Expected"), Column.money("Received"), Column.money("Shortfall"), Column.count("Paid late"),
            Column.count("Short"), Column.count("Missing"), Column.count("Disputes open"));

    @Override
    public String name() {
        return "mfp-manufacturers";
    }

    @Override
    public String title() {
        return "MFP refunds per manufacturer (fills by date of service, --from/--to)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        ReportPeriod period = request.period();
        LocalDate asOf = period.asOf() != null ? period.asOf() : request.generatedAt().toLocalDate();
        Map<String, String> params = ReportParameters.of("Dispensed", period);
        params.put("as of", asOf.toString());
        Map<String, List<MfpRefund>> byManufacturer = new TreeMap<>();
        new MfpService(transactions).refunds(asOf).stream().filter(r -> period.contains(r.dateOfService()))
                .forEach(r -> byManufacturer.computeIfAbsent(r.manufacturer(), m -> new ArrayList<>()).add(r));
        long fills = 0;
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            table.startTable("By manufacturer", "MFP refunds per manufacturer", params, request.generatedAt(), SUMMARY);
            for (Map.Entry<String, List<MfpRefund>> e : byManufacturer.entrySet()) {
                List<MfpRefund> refunds = e.getValue();
                Money expected = Money.sum(refunds.stream().map(MfpManufacturersXlsxWriter::owed).toList());
                Money received = Money.sum(refunds.stream().map(MfpRefund::received).toList());
                table.row(e.getKey(), (long) refunds.size(), expected, received, expected.minus(received),
                        count(refunds, RefundState.LATE), count(refunds, RefundState.SHORT),
                        count(refunds, RefundState.MISSING), refunds.stream().filter(MfpRefund::disputed).count());
                fills += refunds.size();
            }
            table.writeTo(target);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("By manufacturer", (long) byManufacturer.size());
        return new ReportOutcome(target, String.format("MFP refunds of %,d fills from %,d manufacturers", fills,
                byManufacturer.size()), rows);
    }

    /** What the manufacturer owes for the fill: nothing once the pharmacy reversed the claim. */
    private static Money owed(MfpRefund r) {
        return r.state() == RefundState.REVERSED ? Money.ZERO : r.expected();
    }

    private static long count(List<MfpRefund> refunds, RefundState state) {
        return refunds.stream().filter(r -> r.state() == state).count();
    }
}
