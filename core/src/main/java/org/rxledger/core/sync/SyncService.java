package org.rxledger.core.sync;

import org.rxledger.core.journal.JournalEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.rxledger.core.access.Permission;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.tx.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: bring this workstation and the central server level (ADR 0021). Push first — unacknowledged
 * local events in journal order, in batches, each batch committed centrally and only then acknowledged
 * here — then pull the other workstations' events in central order and apply each once. A crash anywhere
 * leaves either an unacknowledged batch (sent again; the server keeps the first copy of each event id) or
 * an unrecorded remote event (applied again; the use cases' own duplicate rules find it already here).
 * Logs carry counts, event types and trace-free ids only.
 */
public final class SyncService {

    /** Fault-injection points for tests: a throw here is a crash at that step. */
    @FunctionalInterface
    public interface Checkpoint {
        Checkpoint NONE = step -> { };

        void reached(String step);
    }

    /** After the central commit of a pushed batch, before its local acknowledgement. */
    public static final String STEP_PUSH_COMMITTED = "push.committed";
    /** After a synced 835 was imported here, before the event is recorded as seen. */
    public static final String STEP_IMPORT_APPLIED = "pull.import_applied";
    /** After a synced claim was recorded here, before the event is recorded as seen. */
    public static final String STEP_CLAIM_APPLIED = "pull.claim_applied";

    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Transactions local;
    private final SyncStore store;
    private final Supplier<CentralJournal> central;
    private final Path archiveDir;
    private final Clock clock;
    private final EventApplier applier;

    /**
     * @param central opens a connection to the central server for one run (throws {@link CentralUnreachableException})
     * @param archiveDir the archive of original 835s ({@code RemittanceImportService.archiveDirIn})
     */
    public SyncService(Transactions local, SyncStore store, Supplier<CentralJournal> central, Path archiveDir,
                       Checkpoint checkpoint) {
        this.local = Objects.requireNonNull(local, "local");
        this.store = Objects.requireNonNull(store, "store");
        this.central = Objects.requireNonNull(central, "central");
        this.archiveDir = Objects.requireNonNull(archiveDir, "archiveDir");
        this.clock = local.clock();
        this.applier = new EventApplier(store, archiveDir, clock, checkpoint);
        this.checkpoint = checkpoint;
    }

    private final Checkpoint checkpoint;

    /** Pushes and pulls until caught up. Never throws for an unreachable server: the report says so. */
    public SyncReport run() {
        Instant started = clock.instant();
        Counts counts = new Counts();
        List<ClaimsFeed.Batch> feed;
        try (CentralJournal c = central.get()) {
            push(c, counts);
            pull(c, counts);
            feed = new ClaimsFeed(local, store).pull(c);
        } catch (CentralUnreachableException e) {
            LOG.info("sync: central server unreachable after {} pushed, {} pulled ({})", counts.pushed, counts.pulled,
                    e.getMessage());
            String message = "the central server cannot be reached (" + e.getMessage() + "); nothing is lost: "
                    + store.pendingCount() + " event(s) wait to be sent";
            store.recordRun(new SyncStore.SyncRun(started, clock.instant(), SyncReport.Outcome.UNREACHABLE, counts.pushed,
                    counts.pulled, cut(message)));
            return counts.report(SyncReport.Outcome.UNREACHABLE, message);
        } catch (RuntimeException e) {
            LOG.warn("sync: stopped after {} pushed, {} pulled", counts.pushed, counts.pulled, e);
            store.recordRun(new SyncStore.SyncRun(started, clock.instant(), SyncReport.Outcome.FAILED, counts.pushed,
                    counts.pulled, cut(String.valueOf(e.getMessage()))));
            throw e;
        }
        String message = "caught up: sent " + counts.pushed + ", received " + counts.pulled + " (" + counts.applied
                + " applied, " + counts.duplicates + " duplicate, " + counts.parked + " parked)" + feedSummary(feed);
        LOG.info("sync: {}", message);
        store.recordRun(new SyncStore.SyncRun(started, clock.instant(), SyncReport.Outcome.CAUGHT_UP, counts.pushed,
                counts.pulled, message));
        return counts.report(SyncReport.Outcome.CAUGHT_UP, message);
    }

    public SyncStatus status() {
        return store.status();
    }

    /**
     * Use case (ADR 0034): applies a parked event again by the rules of this version and this workstation's records
     * now — after an upgrade, or after a person corrected what made it fail. The event is read again from the central
     * server; its effects are written as the sync actor (never pushed back), and the try is kept with the person's
     * name. Still not applicable: it stays parked with the new reason.
     *
     * @param centralSeq the central server's number for the event ({@link ParkedEvent#centralSeq()})
     * @throws CentralUnreachableException when the server cannot be reached; nothing was changed
     */
    public Inbound retry(long centralSeq) {
        record Asked(ParkedEvent event, String by) {
        }
        Asked asked = local.inTransaction(Permission.EXCEPTION_WORK, "retry a parked sync event", tx -> new Asked(
                tx.port(SyncAttentionRepository.class).parkedEvent(centralSeq).orElseThrow(() -> new RxLedgerException(
                        "SYNC_EVENT_NOT_PARKED", "Event " + centralSeq + " is not parked here (applied by a retry, "
                        + "discarded, or never received).")), tx.actor().user()));
        try (CentralJournal c = central.get()) {
            RemoteEvent e = c.event(centralSeq).filter(r -> r.eventId().equals(asked.event().eventId()))
                    .orElseThrow(() -> new RxLedgerException("SYNC_EVENT_NOT_ON_CENTRAL", "Event " + centralSeq
                            + " is not on the central server this workstation is connected to now."));
            Inbound r = applier.retriedBy(asked.by()).apply(e, c);
            LOG.info("sync: retry of {} event {} (central seq {}): {}", e.type(), e.eventId(), centralSeq, r.outcome());
            return r;
        }
    }

    private void push(CentralJournal c, Counts counts) {
        UUID me = store.workstationId();
        UUID previousFirst = null;
        while (true) {
            List<JournalEvent> events = store.pending(BATCH);
            if (events.isEmpty()) {
                return;
            }
            if (events.get(0).eventId().equals(previousFirst)) {
                throw new IllegalStateException("sync: event " + previousFirst + " stays unacknowledged after its push");
            }
            previousFirst = events.get(0).eventId();
            List<OutboundEvent> batch = local.read(tx -> EventContexts.outbound(tx, events));
            Map<String, byte[]> blobs = new LinkedHashMap<>();
            for (OutboundEvent o : batch) {
                if (o.blobSha256() != null && !blobs.containsKey(o.blobSha256())) {
                    archived(o.blobSha256()).ifPresent(bytes -> blobs.put(o.blobSha256(), bytes));
                }
            }
            c.push(me, store.workstationName(), batch, blobs);
            checkpoint.reached(STEP_PUSH_COMMITTED);
            List<UUID> ids = new ArrayList<>(events.size());
            events.forEach(e -> ids.add(e.eventId()));
            store.acknowledge(ids, clock.instant());
            counts.pushed += events.size();
        }
    }

    private java.util.Optional<byte[]> archived(String sha256) {
        Path file = archiveDir.resolve(sha256 + ".835");
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readAllBytes(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            LOG.warn("sync: archived 835 {} cannot be read: {}", sha256, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void pull(CentralJournal c, Counts counts) {
        UUID me = store.workstationId();
        while (true) {
            List<RemoteEvent> events = c.pull(me, store.pulledCursor(), BATCH);
            if (events.isEmpty()) {
                return;
            }
            List<RemoteEvent> claims = new ArrayList<>();
            for (RemoteEvent e : events) {
                if (store.seen(e.eventId())) {
                    continue;
                }
                if (EventApplier.claimOnItsOwn(e) && (claims.isEmpty() || claims.get(0).user().equals(e.user()))) {
                    claims.add(e);
                    continue;
                }
                applyClaims(claims, c, counts);
                if (EventApplier.claimOnItsOwn(e)) {
                    claims.add(e);
                } else {
                    count(e, applier.apply(e, c), counts);
                }
            }
            applyClaims(claims, c, counts);
        }
    }

    /** A run of pulled claims: by one import when it takes them all (ADR 0034), else one by one. Empties the run. */
    private void applyClaims(List<RemoteEvent> claims, CentralJournal c, Counts counts) {
        if (applier.applyClaimsTogether(claims)) {
            counts.pulled += claims.size();
            counts.applied += claims.size();
        } else {
            for (RemoteEvent e : claims) {
                count(e, applier.apply(e, c), counts);
            }
        }
        claims.clear();
    }

    private static void count(RemoteEvent e, Inbound r, Counts counts) {
        counts.pulled++;
        switch (r.outcome()) {
            case APPLIED -> counts.applied++;
            case DUPLICATE -> counts.duplicates++;
            case SKIPPED -> counts.skipped++;
            case PARKED -> {
                counts.parked++;
                LOG.info("sync: parked {} event {} from central seq {}", e.type(), e.eventId(), e.centralSeq());
            }
        }
    }

    private static String feedSummary(List<ClaimsFeed.Batch> feed) {
        if (feed.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("; claims feed:");
        for (ClaimsFeed.Batch f : feed) {
            b.append(" batch ").append(f.name()).append(f.imported()
                    ? " imported (" + f.claims() + " claim(s), " + f.skipped() + " already here)"
                    : " rejected, nothing imported: " + f.errors().get(0) + (f.errors().size() > 1
                            ? " (and " + (f.errors().size() - 1) + " more problem(s))" : "")).append(';');
        }
        return b.substring(0, b.length() - 1);
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    private static final class Counts {
        int pushed;
        int pulled;
        int applied;
        int duplicates;
        int skipped;
        int parked;

        SyncReport report(SyncReport.Outcome outcome, String message) {
            return new SyncReport(outcome, pushed, pulled, applied, duplicates, skipped, parked, message);
        }
    }
}
