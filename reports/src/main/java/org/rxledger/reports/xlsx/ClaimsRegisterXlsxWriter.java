package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.claim.ClaimSummary;

/** The claims register: one row per adjudicated claim, with totals of billed and paid amounts. */
public final class ClaimsRegisterXlsxWriter {

    static final List<Column> COLUMNS = List.of(
            Column.text("Rx", 10), Column.integer("Fill"), Column.date("DOS"), Column.text("Patient", 24),
            Column.text("Payer", 22), Column.text("Plan", 22), Column.text("BIN", 8), Column.text("NDC", 13),
            Column.text("Drug", 28), Column.decimal("Qty"), Column.integer("Days"), Column.text("Status", 10),
            Column.text("Rejects", 10), Column.money("Gross due"), Column.money("Plan paid"),
            Column.money("Patient pay"), Column.text("Auth #", 14), Column.text("Channel", 11));

    /**
     * Writes {@code claims} (already filtered by the caller) with the date range shown in the title
     * block; either bound may be null for "open".
     */
    public void write(Iterable<ClaimSummary> claims, LocalDate from, LocalDate to, LocalDateTime generatedAt, Path target)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", from == null ? "(first claim)" : from.toString());
        params.put("To", to == null ? "(last claim)" : to.toString());
        try (XlsxReportWriter xlsx = new XlsxReportWriter()) {
            xlsx.startTable("Claims", "Claims register", params, generatedAt, COLUMNS);
            for (ClaimSummary c : claims) {
                xlsx.row(c.rxNumber(), c.fillNumber(), c.dateOfService(), c.patientName(), c.payerName(), c.planName(),
                        c.bin(), c.ndc(), c.drugName(), c.quantity(), c.daysSupply(), c.status().label(),
                        c.rejectCodes(), c.grossAmountDue(), c.planPaid(), c.patientPay(), c.authorizationNumber(),
                        c.channel().name());
            }
            xlsx.writeTo(target);
        }
    }
}
