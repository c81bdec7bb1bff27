package org.rxledger.core.reporting;

import java.time.LocalDate;

/**
 * The date parameters of a report. Each report says which date it filters on (date of service,
 * payment date …); {@code asOf} is the cut-off for point-in-time reports (aging). Any bound may be
 * null for "open".
 */
public record ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf) {

    public static final ReportPeriod ALL = new ReportPeriod(null, null, null);

    public ReportPeriod {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** True when {@code date} lies within [from, to]. */
    public boolean contains(LocalDate date) {
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
