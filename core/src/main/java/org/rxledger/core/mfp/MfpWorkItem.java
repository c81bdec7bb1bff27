package org.rxledger.core.mfp;

/**
 * Why an MFP refund needs a person (docs/mfp.md, "Work"): the MFP counterpart of the exceptions queue's categories.
 * MTF claim payments are not the plans' and never reach that queue; these are worked in the MFP refunds tab.
 */
public enum MfpWorkItem {
    /** Nothing received by the due date: chase the manufacturer, or dispute. */
    NOT_RECEIVED("Not received by its due date"),
    /** Received below expected by more than the tolerance: dispute the shortfall. */
    SHORT("Short refund"),
    /** A refund kept for a claim the pharmacy reversed: it is owed back. */
    REVERSED_CLAIM("Refund for a reversed claim"),
    /** The same refund paid twice (a second payment of the full amount without a reversal between). */
    DUPLICATE("Duplicate refund"),
    /** Received more than expected, not by a duplicate. */
    OVERPAID("Overpaid refund");

    private final String label;

    MfpWorkItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
