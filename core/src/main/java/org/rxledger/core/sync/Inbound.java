package org.rxledger.core.sync;

/**
 * The outcome of applying one remote event, with the reason a person reads (no patient data), and the conflict
 * item it raised where another workstation's version met this one's (null when none).
 */
public record Inbound(InboundOutcome outcome, String reason, Conflict conflict) {

    public Inbound(InboundOutcome outcome, String reason) {
        this(outcome, reason, null);
    }

    /** Both versions as a clerk reads them and what the sync did about it (recorded in {@code sync_conflict}). */
    public record Conflict(SyncConflict.Kind kind, String subject, String here, String there, String settled) {
    }

    public Inbound with(Conflict c) {
        return new Inbound(outcome, reason, c);
    }

    public static Inbound applied(String reason) {
        return new Inbound(InboundOutcome.APPLIED, reason);
    }

    public static Inbound duplicate(String reason) {
        return new Inbound(InboundOutcome.DUPLICATE, reason);
    }

    public static Inbound skipped(String reason) {
        return new Inbound(InboundOutcome.SKIPPED, reason);
    }

    public static Inbound parked(String reason) {
        return new Inbound(InboundOutcome.PARKED, reason);
    }
}
