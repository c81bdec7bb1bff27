package org.rxledger.core.sync;

/** What became of another workstation's event here (table sync_inbound). */
public enum InboundOutcome {
    /** Its effect is now here. */
    APPLIED,
    /** The same thing was already here (the same 835, payment or claim): counted once, nothing doubled. */
    DUPLICATE,
    /** Nothing to apply: a summary or a step that applying its cause repeats here (matching within an import). */
    SKIPPED,
    /** Could not be applied; kept with its reason for a person, and the events behind it went on. */
    PARKED
}
