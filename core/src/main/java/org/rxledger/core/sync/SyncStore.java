package org.rxledger.core.sync;

import org.rxledger.core.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Port: this workstation's side of the sync — which local events the central server has acknowledged,
 * which remote events were seen and what became of them, the history of runs and the settings.
 */
public interface SyncStore {

    /** User names of work done while applying another workstation's event start with this; such events are never pushed. */
    String SYNC_USER_PREFIX = "sync:";

    /** This workstation's id on the central server, made on first use. */
    UUID workstationId();

    /** This workstation's name (the host name) as stamped on its events. */
    String workstationName();

    /** Local events the central server has not acknowledged, oldest first; never those written while applying others'. */
    List<JournalEvent> pending(int limit);

    long pendingCount();

    /** Marks events as committed on the central server (after its commit, never before). Idempotent. */
    void acknowledge(List<UUID> eventIds, Instant at);

    /** The highest central sequence number seen here (0 before the first pull): the pull cursor. */
    long pulledCursor();

    boolean seen(UUID eventId);

    /**
     * Runs {@code work} and records its outcome for {@code event} in one local transaction, as the sync actor
     * (user {@value #SYNC_USER_PREFIX}origin user); an event already recorded is not run again.
     */
    Inbound applyOnce(RemoteEvent event, Function<Tx, Inbound> work);

    /** Records an outcome reached outside {@link #applyOnce} (an import runs its own transactions). Idempotent. */
    void record(RemoteEvent event, Inbound outcome);

    /** {@link #record} for events applied together (one claims import), in one local transaction. */
    void recordAll(List<RemoteEvent> events, Inbound outcome);

    /**
     * A person's retry of a parked event (ADR 0034): runs {@code work} and records the try in one local transaction,
     * as the sync actor; refused when the event is not parked here any more (applied by an earlier try, or discarded).
     *
     * @param triedBy the person who asked, kept with the try
     */
    Inbound retryOnce(RemoteEvent event, String triedBy, Function<Tx, Inbound> work);

    /** Records a retry's outcome reached outside {@link #retryOnce} (an import); a second applied try is not recorded. */
    void recordRetry(RemoteEvent event, String triedBy, Inbound outcome);

    /** Transactions acting as the sync actor of {@code event}, for use cases that run their own (imports). */
    Transactions transactionsFor(RemoteEvent event);

    void recordRun(SyncRun run);

    SyncStatus status();

    /** Remote events that need a person's eye: duplicates and parked ones, newest first. */
    List<InboundItem> attention(int limit);

    Optional<CentralSettings> settings();

    /** The highest claims-feed seq taken here (0 before the first): the feed's watermark. */
    long claimsFeedWatermark();

    /** Records a claims-feed batch taken (imported or rejected); the watermark moves past it. */
    void recordClaimsFeedBatch(ClaimsFeed.Batch batch, Instant at);

    void saveSettings(CentralSettings settings, String savedBy, Instant at);

    /** One sync attempt. */
    record SyncRun(Instant startedAt, Instant finishedAt, SyncReport.Outcome outcome, int pushed, int pulled, String message) {
    }

    /** A remote event as recorded here. */
    record InboundItem(UUID eventId, long centralSeq, String originName, String originUser, String type,
                       InboundOutcome outcome, String reason, Instant recordedAt) {
    }
}
