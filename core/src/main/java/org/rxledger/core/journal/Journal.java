package org.rxledger.core.journal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port: the journal (outbox). Every use case appends its event in the same transaction as its
 * domain rows, so an event exists exactly when its effects do.
 */
public interface Journal {

    /** Appends an event; the payload is serialised as JSON. Returns the new event id. */
    UUID append(String type, Map<String, ?> payload);

    /** Appends one event per payload, in order; adapters may batch. Returns the new event ids. */
    default List<UUID> appendAll(String type, List<? extends Map<String, ?>> payloads) {
        return payloads.stream().map(p -> append(type, p)).toList();
    }

    List<JournalEvent> since(long seq, int limit);

    long count();
}
