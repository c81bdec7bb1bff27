package org.rxledger.reports.engine;

import java.time.LocalDateTime;
import java.util.Objects;
import org.rxledger.core.reporting.ReportPeriod;

/** The parameters of one report run: its period and the generation time printed in the title block. */
public record ReportRequest(ReportPeriod period, LocalDateTime generatedAt) {

    public ReportRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
