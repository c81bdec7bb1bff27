package org.rxledger.core.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the central journal every workstation pushes to and pulls from (adapter: PostgreSQL). Every
 * method throws {@link CentralUnreachableException} when the server cannot be reached.
 */
public interface CentralJournal extends AutoCloseable {

    /**
     * Stores a batch in one central transaction: the blobs, then each event once (an event id already there
     * is left as it is, so a batch sent again after a lost acknowledgement doubles nothing). Returns only
     * after the commit: the caller acknowledges the batch locally after this returns, never before.
     */
    void push(UUID workstation, String workstationName, List<OutboundEvent> batch, Map<String, byte[]> blobs);

    /** Other workstations' events after {@code afterCentralSeq}, oldest first. */
    List<RemoteEvent> pull(UUID workstation, long afterCentralSeq, int limit);

    /** One event by its central number (a parked event being retried), whoever pushed it. */
    Optional<RemoteEvent> event(long centralSeq);

    Optional<byte[]> blob(String sha256);

    /**
     * The rows of the first claims-feed batch written after {@code afterSeq}, in feed order (empty when none). A
     * batch is what the pharmacy system wrote under one batch name.
     */
    List<FeedRow> claimsFeedBatch(long afterSeq);

    /** How many events the server holds in all (status and tests). */
    long eventCount();

    @Override
    void close();
}
