package org.rxledger.core.sync;

import java.time.Instant;
import java.util.UUID;

/** One of this workstation's events the central server has not acknowledged yet (the Sync area's waiting list). */
public record WaitingEvent(long seq, UUID eventId, String type, String user, Instant occurredAt) {
}
