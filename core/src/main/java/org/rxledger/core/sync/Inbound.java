package org.rxledger.core.sync;

/** The outcome of applying one remote event, with the reason a person reads (no patient data). */
public record Inbound(InboundOutcome outcome, String reason) {

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
