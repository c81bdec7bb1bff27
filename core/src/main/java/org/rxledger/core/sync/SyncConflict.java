package org.rxledger.core.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A conflict item: where another workstation's version of the same thing met this workstation's, both versions,
 * what the sync did, and whether a person has settled it (docs/sync.md).
 *
 * @param resolvedBy null while open
 */
public record SyncConflict(long seq, UUID eventId, Kind kind, String subject, String here, String there, String settled,
                           Instant recordedAt, String resolvedBy, String resolutionNote, Instant resolvedAt) {

    public enum Kind {
        /** The same payment (payer + trace + amount) posted at two workstations: one posting stands, by rule. */
        PAYMENT_POSTED_TWICE,
        /** The same claim key entered with different fields: each workstation keeps its own until a person corrects one. */
        CLAIM_DIFFERS
    }

    public boolean open() {
        return resolvedBy == null;
    }
}
