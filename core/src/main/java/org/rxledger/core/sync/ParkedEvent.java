package org.rxledger.core.sync;

import java.time.Instant;
import java.util.UUID;

/** Another workstation's event parked here, with the reason, and not discarded (the Sync area's parked list). */
public record ParkedEvent(UUID eventId, long centralSeq, String originName, String originUser, String type, String reason,
                          Instant recordedAt) {
}
