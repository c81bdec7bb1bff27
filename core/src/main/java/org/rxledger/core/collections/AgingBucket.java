package org.rxledger.core.collections;

/** Patient aging by days since the date of service (DOMAIN.md §6.1), as the statement cycle counts them. */
public enum AgingBucket {
    CURRENT("0-30", 0),
    DAYS_31_60("31-60", 31),
    DAYS_61_90("61-90", 61),
    DAYS_91_120("91-120", 91),
    OVER_120("120+", 121);

    private final String label;
    private final int fromDays;

    AgingBucket(String label, int fromDays) {
        this.label = label;
        this.fromDays = fromDays;
    }

    public String label() {
        return label;
    }

    /** The bucket of an item {@code days} old; a date in the future counts as current. */
    public static AgingBucket of(long days) {
        AgingBucket found = CURRENT;
        for (AgingBucket b : values()) {
            if (days >= b.fromDays) {
                found = b;
            }
        }
        return found;
    }
}
