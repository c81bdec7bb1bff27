package org.rxledger.core.remit;

/**
 * How a payment's claim payments stand against the billed claims (issue 14, "show the match rate"):
 * matched automatically, matched or confirmed by a person, waiting for a person (several candidates
 * or a conflicting key), or tied to no claim. The four add up to the payment's claim count.
 */
public record MatchCounts(int automatic, int manual, int waiting, int unmatched) {

    public static final MatchCounts NONE = new MatchCounts(0, 0, 0, 0);

    public MatchCounts {
        if (automatic < 0 || manual < 0 || waiting < 0 || unmatched < 0) {
            throw new IllegalArgumentException("negative match count");
        }
    }

    /** Counts of one status as stored in {@code remit_claim.match_status}. */
    public static MatchCounts of(MatchStatus status, int count) {
        return switch (status) {
            case MATCHED -> new MatchCounts(count, 0, 0, 0);
            case MANUAL -> new MatchCounts(0, count, 0, 0);
            case NEEDS_REVIEW -> new MatchCounts(0, 0, count, 0);
            case UNMATCHED -> new MatchCounts(0, 0, 0, count);
        };
    }

    public MatchCounts plus(MatchCounts other) {
        return new MatchCounts(automatic + other.automatic, manual + other.manual, waiting + other.waiting,
                unmatched + other.unmatched);
    }

    public int total() {
        return automatic + manual + waiting + unmatched;
    }

    /** Tied to a claim, automatically or by a person. */
    public int matched() {
        return automatic + manual;
    }

    /** Whole percent of the claim payments matched automatically, rounded down; 0 for none. */
    public int automaticPercent() {
        return total() == 0 ? 0 : (int) (100L * automatic / total());
    }

    /**
     * For a clerk: "98 % matched automatically (490 of 500), 6 waiting for a clerk, 4 unmatched";
     * parts that are zero are left out, and a payment without claim payments says so.
     */
    public String describe() {
        if (total() == 0) {
            return "no claim payments";
        }
        StringBuilder words = new StringBuilder()
                .append(automaticPercent()).append(" % matched automatically (")
                .append(String.format("%,d of %,d", automatic, total())).append(')');
        if (manual > 0) {
            words.append(String.format(", %,d by a person", manual));
        }
        if (waiting > 0) {
            words.append(String.format(", %,d waiting for a clerk", waiting));
        }
        if (unmatched > 0) {
            words.append(String.format(", %,d unmatched", unmatched));
        }
        return words.toString();
    }
}
