package org.rxledger.core.claim;

/** Where a rejected claim's follow-up stands in the reject work queue. */
public enum FollowUpStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    /** Waiting on someone else: a prior authorization, the prescriber, the patient's new card. */
    WAITING("Waiting"),
    /** Fixed by a rebill (the item names the new claim). */
    RESOLVED("Resolved"),
    /** Nothing more to do without a rebill (patient paid cash, Rx not picked up, …). */
    CLOSED("Closed");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}
