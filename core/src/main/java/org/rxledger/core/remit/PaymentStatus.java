package org.rxledger.core.remit;

/** Where an imported payment stands; stored by name in {@code payment.status}. */
public enum PaymentStatus {
    /** Stored and balanced; not yet posted to the ledger. */
    IMPORTED,
    /** Some claims were posted (later issue: posting). */
    PARTIALLY_POSTED,
    /** Every claim and PLB item is posted. */
    POSTED
}
