package org.rxledger.core.mfp;

import java.util.Locale;

/** Where one fill's MFP refund stands on a given day ({@link MfpRules#state}). */
public enum RefundState {
    /** Nothing received yet, still inside the 14-day window. */
    EXPECTED,
    /** Received in full by the due date. */
    PAID,
    /** Received in full, but after the due date. */
    LATE,
    /** Received, but less than expected by more than the tolerance. */
    SHORT,
    /** Received more than expected by more than the tolerance. */
    OVERPAID,
    /** Nothing received (or all of it reversed) and the due date has passed. */
    MISSING,
    /** The pharmacy reversed the claim, but a refund for it was kept: it is owed back. */
    REVERSED,
    /** What was still owed was written off: nothing more is expected. */
    WRITTEN_OFF;

    public String label() {
        return (name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT)).replace('_', ' ');
    }

    /** Money the manufacturer still owes: not received yet, or received short (the MFP refund receivable's debits). */
    public boolean owed() {
        return this == EXPECTED || this == SHORT || this == MISSING;
    }

    /** A state a person should act on: open a dispute, chase or return money. */
    public boolean needsWork() {
        return this == SHORT || this == MISSING || this == OVERPAID || this == REVERSED;
    }
}
