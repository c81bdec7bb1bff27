package org.rxledger.reports.xlsx;

import java.util.List;

/** Test-only access for the XLSX benchmark in another package. */
public final class BenchmarkAccess {

    public static final List<Column> COLUMNS = List.of(Column.text("Rx", 10), Column.integer("Fill"), Column.date("DOS"),
            Column.text("Patient", 24), Column.text("Payer", 22), Column.text("NDC", 13), Column.decimal("Qty"),
            Column.integer("Days"), Column.money("Gross due"), Column.money("Plan paid"), Column.money("Patient pay"),
            Column.text("Auth #", 14));

    private BenchmarkAccess() {
    }

    public static XlsxReportWriter writer() {
        return new XlsxReportWriter();
    }
}
