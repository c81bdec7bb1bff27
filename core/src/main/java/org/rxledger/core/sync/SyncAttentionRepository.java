package org.rxledger.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: what the Sync area lists — events waiting to be sent, parked events, conflict items — and a person's decisions on them. */
public interface SyncAttentionRepository {

    /** This workstation's events not yet acknowledged by the central server, oldest first. */
    List<WaitingEvent> waiting(int limit);

    /** Other workstations' events parked here, not discarded and not applied by a retry, newest first. */
    List<ParkedEvent> parked(int limit);

    Optional<ParkedEvent> parkedEvent(UUID eventId);

    /** A parked event by the central server's number for it (what the command line shows). */
    Optional<ParkedEvent> parkedEvent(long centralSeq);

    void discard(UUID eventId, String reason, String by, Instant at);

    /** Conflict items, open ones first, newest first. */
    List<SyncConflict> conflicts(int limit);

    Optional<SyncConflict> conflict(long seq);

    void resolve(long seq, String note, String by, Instant at);

    long openConflicts();
}
