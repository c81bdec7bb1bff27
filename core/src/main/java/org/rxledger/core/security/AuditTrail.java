package org.rxledger.core.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Port: the append-only audit trail. Detail values are serialised as JSON; never put PHI in {@code action}. */
public interface AuditTrail {

    void record(String action, String entityType, String entityId, Map<String, ?> detail);

    /** One audit line, for {@link #recordAll}. */
    record Entry(String action, String entityType, String entityId, Map<String, ?> detail) {
    }

    /** Records several lines at once, in order; adapters may batch. */
    default void recordAll(List<Entry> entries) {
        entries.forEach(e -> record(e.action(), e.entityType(), e.entityId(), e.detail()));
    }

    List<AuditRecord> forEntity(String entityType, String entityId);

    /** Every record with its chain hashes, oldest first, streamed (for {@link AuditTrailVerification}). */
    void forEachInOrder(Consumer<ChainedAuditRecord> sink);

    /** The hash of the last record as the trail recorded it when appending; empty before the first record. */
    Optional<String> chainHead();
}
