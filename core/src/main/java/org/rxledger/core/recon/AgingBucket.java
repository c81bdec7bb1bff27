package org.rxledger.core.recon;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Third-party aging buckets, days from date of service (DOMAIN.md §4.5). */
public enum AgingBucket {
    D0_14("0–14", 0, 14),
    D15_30("15–30", 15, 30),
    D31_45("31–45", 31, 45),
    D46_60("46–60", 46, 60),
    D61_90("61–90", 61, 90),
    D91_120("91–120", 91, 120),
    OVER_120(">120", 121, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    AgingBucket(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public static AgingBucket of(LocalDate dateOfService, LocalDate asOf) {
        long days = Math.max(0, ChronoUnit.DAYS.between(dateOfService, asOf));
        for (AgingBucket b : values()) {
            if (days >= b.from && days <= b.to) {
                return b;
            }
        }
        return OVER_120;
    }
}
