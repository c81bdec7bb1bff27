package org.rxledger.core.journal;

import java.time.Instant;
import java.util.UUID;

/** One outbox event: applied exactly once by the receiving side, keyed by {@code eventId}. */
public record JournalEvent(long seq, UUID eventId, String type, String payload, String user, String workstation,
                           Instant occurredAt) {
}
