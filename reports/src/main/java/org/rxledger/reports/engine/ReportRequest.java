package org.rxledger.reports.engine;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.rxledger.core.reporting.ReportPeriod;

/**
 * The parameters of one report run: its period, the generation time printed in the title block, and whether the
 * person has asked to stop (Cancel in the Reports area), which the table writers check as rows stream in.
 */
public record ReportRequest(ReportPeriod period, LocalDateTime generatedAt, BooleanSupplier cancelled) {

    public ReportRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** A run nobody cancels (the command line, tests). */
    public ReportRequest(ReportPeriod period, LocalDateTime generatedAt) {
        this(period, generatedAt, () -> false);
    }
}
