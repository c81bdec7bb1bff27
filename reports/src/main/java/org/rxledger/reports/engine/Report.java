package org.rxledger.reports.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * One Excel report of {@code rxledger report NAME}. An implementation reads its data through
 * {@code transactions.read(tx -> tx.reporting()…)} (set-based, streamed queries in core) and writes
 * the workbook with {@link org.rxledger.reports.xlsx.XlsxReportWriter}, which puts it in place
 * atomically. Add a report by implementing this and listing it in {@link ReportRegistry#standard()}.
 */
public interface Report {

    /** The command-line name: lower case, no spaces ("denials"). */
    String name();

    /** One line for help texts ("Denials by code and payer"). */
    String title();

    /**
     * Writes the workbook to {@code target} (temp file, then moved into place).
     *
     * @return what was written, in a clerk's words, for the CLI and the status bar
     */
    ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException;

    /**
     * The patients this report names for {@code period}, by internal id: a report that names any is a disclosure
     * (issue 16 item 6), needs the permission report-export and is written to the disclosure log. Empty for a
     * report that names no patient.
     */
    default List<Long> patientsNamed(Tx tx, ReportPeriod period) {
        return List.of();
    }

    /** True when the report has patient columns (a disclosure when exported). */
    default boolean namesPatients() {
        return false;
    }
}
