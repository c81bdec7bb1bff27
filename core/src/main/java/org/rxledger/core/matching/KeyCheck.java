package org.rxledger.core.matching;

/** How one key compared between the remitted claim and a stored claim. */
public record KeyCheck(MatchKey key, Outcome outcome, String remitted, String stored) {

    public enum Outcome {
        AGREED, DISAGREED, NOT_AVAILABLE
    }

    public int points() {
        return switch (outcome) {
            case AGREED -> key.agreeWeight();
            case DISAGREED -> -key.disagreePenalty();
            case NOT_AVAILABLE -> 0;
        };
    }

    /** "date of service agreed (2025-03-03)" / "NDC disagreed: remit 123…, claim 456…" */
    public String describe() {
        return switch (outcome) {
            case AGREED -> key.label() + " agreed (" + stored + ")";
            case DISAGREED -> key.label() + " disagreed: remittance " + remitted + ", claim " + stored;
            case NOT_AVAILABLE -> key.label() + " not available";
        };
    }
}
