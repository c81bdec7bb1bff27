package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report claims}: one row per adjudicated claim with date of service in the period,
 * with totals of billed and paid amounts.
 */
public final class ClaimsRegisterXlsxWriter implements Report {

    static final List<Column> COLUMNS = List.of(
            Column.text("Rx", 10), Column.integer("Fill"), Column.date("DOS"), Column.text("Patient", 24),
            Column.text("Payer", 22), Column.text("Plan", 22), Column.text("BIN", 8), Column.text("NDC", 13),
            Column.text("Drug", 28), Column.decimal("Qty"), Column.integer("Days"), Column.text("Status", 10),
            Column.text("Rejects", 10), Column.money("Gross due"), Column.money("Plan paid"),
            Column.money("Patient pay"), Column.text("Auth #", 14), Column.text("Channel", 11));

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public String title() {
        return "Claims register (by date of service)";
    }

    @Override
    public boolean namesPatients() {
        return true;
    }

    @Override
    public List<Long> patientsNamed(Tx tx, ReportPeriod period) {
        return tx.port(ReportingRepository.class).patientsOfClaims(period);
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        ReportPeriod period = request.period();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            table.startTable("Claims", "Claims register", parameters(period.from(), period.to()), request.generatedAt(),
                    COLUMNS);
            long rows = transactions.read(tx -> tx.port(ReportingRepository.class).claimSummaries(period, c -> row(table, c)));
            table.writeTo(target);
            return new ReportOutcome(target, String.format("claims register, %,d claims", rows), Map.of("Claims", rows));
        }
    }

    /**
     * Writes {@code claims} (already filtered by the caller) with the date range shown in the title
     * block; either bound may be null for "open".
     */
    public void write(Iterable<ClaimSummary> claims, LocalDate from, LocalDate to, LocalDateTime generatedAt, Path target)
            throws IOException {
        try (ReportTableWriter table = ReportTableWriter.forTarget(target)) {
            table.startTable("Claims", "Claims register", parameters(from, to), generatedAt, COLUMNS);
            for (ClaimSummary c : claims) {
                row(table, c);
            }
            table.writeTo(target);
        }
    }

    private static Map<String, String> parameters(LocalDate from, LocalDate to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", from == null ? "(first claim)" : from.toString());
        params.put("To", to == null ? "(last claim)" : to.toString());
        return params;
    }

    private static void row(ReportTableWriter table, ClaimSummary c) {
        table.row(c.rxNumber(), c.fillNumber(), c.dateOfService(), c.patientName(), c.payerName(), c.planName(),
                c.bin(), c.ndc(), c.drugName(), c.quantity(), c.daysSupply(), c.status().label(),
                c.rejectCodes(), c.grossAmountDue(), c.planPaid(), c.patientPay(), c.authorizationNumber(),
                c.channel().name());
    }
}
