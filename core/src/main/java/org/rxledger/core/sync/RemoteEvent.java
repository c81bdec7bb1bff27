package org.rxledger.core.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * Another workstation's journal event as the central server hands it out, in {@code centralSeq} order.
 *
 * @param context what the origin added at push time so this workstation can apply the event (JSON), or null
 */
public record RemoteEvent(long centralSeq, UUID eventId, UUID origin, String originName, String type, String payload,
                          String context, String user, Instant occurredAt) {
}
