package org.rxledger.core.claim;

/** What a clerk sees in the claims browser: the response status folded with the lifecycle. */
public enum ClaimStatus {
    PAID("Paid"), CAPTURED("Captured"), REJECTED("Rejected"), REVERSED("Reversed"), REBILLED("Rebilled"),
    DUPLICATE("Duplicate"), OTHER("Other");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ClaimStatus of(ResponseStatus response, Lifecycle lifecycle) {
        if (lifecycle == Lifecycle.REVERSED) {
            return REVERSED;
        }
        if (lifecycle == Lifecycle.REBILLED) {
            return REBILLED;
        }
        return switch (response) {
            case PAID -> PAID;
            case CAPTURED -> CAPTURED;
            case REJECTED -> REJECTED;
            case DUPLICATE_OF_PAID, DUPLICATE_OF_CAPTURED, DUPLICATE_OF_APPROVED -> DUPLICATE;
            default -> OTHER;
        };
    }
}
