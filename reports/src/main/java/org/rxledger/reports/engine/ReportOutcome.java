package org.rxledger.reports.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A written report: the file, a one-line summary ("remittance detail: 3 payments, 12 claims") and
 * the number of data rows per table, in sheet order.
 */
public record ReportOutcome(Path file, String summary, Map<String, Long> rows) {

    public ReportOutcome {
        rows = Map.copyOf(rows);
    }
}
