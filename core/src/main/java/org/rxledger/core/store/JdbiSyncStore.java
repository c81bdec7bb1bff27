package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.access.Actor;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.sync.CentralSettings;
import org.rxledger.core.sync.ClaimsFeed;
import org.rxledger.core.sync.Inbound;
import org.rxledger.core.sync.InboundOutcome;
import org.rxledger.core.journal.JournalEvent;
import org.rxledger.core.sync.RemoteEvent;
import org.rxledger.core.sync.SyncReport;
import org.rxledger.core.sync.SyncStatus;
import org.rxledger.core.sync.SyncStore;
import org.rxledger.core.tx.Transactions;

/** {@link SyncStore} on the workstation's H2 (tables of V027 and V001's journal_sync). */
public final class JdbiSyncStore implements SyncStore {

    static final String TARGET = "central";
    private static final int USER_LENGTH = 60;

    private final Jdbi jdbi;
    /** The owner's, for the flush an import makes (only the owner may CHECKPOINT, ADR 0019). */
    private final Jdbi owner;
    private final Actor local;
    private final Clock clock;

    public JdbiSyncStore(Database database) {
        this.jdbi = database.jdbi();
        this.owner = database.ownerJdbi();
        this.local = database.transactions().actor();
        this.clock = database.transactions().clock();
    }

    @Override
    public UUID workstationId() {
        return jdbi.inTransaction(h -> h.createQuery("SELECT workstation_id FROM sync_workstation WHERE id = 1")
                .mapTo(UUID.class).findOne().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    h.createUpdate("INSERT INTO sync_workstation (id, workstation_id, created_at) VALUES (1, :id, :at)")
                            .bind("id", id).bind("at", utc(clock.instant())).execute();
                    return id;
                }));
    }

    @Override
    public String workstationName() {
        return local.workstation();
    }

    private static final String PENDING = """
            FROM journal_event e
            WHERE e.user_name NOT LIKE 'sync:%'
              AND NOT EXISTS (SELECT 1 FROM journal_sync s WHERE s.event_id = e.event_id)""";

    @Override
    public List<JournalEvent> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, event_id, event_type, payload, user_name, workstation, occurred_at "
                        + PENDING + " ORDER BY e.seq LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new JournalEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getString("user_name"),
                        rs.getString("workstation"), instant(rs, "occurred_at")))
                .list());
    }

    @Override
    public long pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) " + PENDING).mapTo(Long.class).one());
    }

    @Override
    public void acknowledge(List<UUID> eventIds, Instant at) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(
                    "MERGE INTO journal_sync (event_id, target, synced_at) KEY (event_id) VALUES (:id, :target, :at)");
            for (UUID id : eventIds) {
                batch.bind("id", id).bind("target", TARGET).bind("at", utc(at)).add();
            }
            batch.execute();
        });
    }

    @Override
    public long pulledCursor() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(central_seq), 0) FROM sync_inbound")
                .mapTo(Long.class).one());
    }

    @Override
    public boolean seen(UUID eventId) {
        return jdbi.withHandle(h -> seen(h, eventId));
    }

    private static boolean seen(Handle h, UUID eventId) {
        return h.createQuery("SELECT COUNT(*) FROM sync_inbound WHERE event_id = :id").bind("id", eventId)
                .mapTo(Integer.class).one() > 0;
    }

    @Override
    public Inbound applyOnce(RemoteEvent event, Function<org.rxledger.core.tx.Tx, Inbound> work) {
        return transactionsAs(event).inTransactionWithHandle((tx, h) -> {
            if (seen(h, event.eventId())) {
                return h.createQuery("SELECT outcome, reason FROM sync_inbound WHERE event_id = :id")
                        .bind("id", event.eventId())
                        .map((rs, ctx) -> new Inbound(InboundOutcome.valueOf(rs.getString("outcome")), rs.getString("reason")))
                        .one();
            }
            Inbound outcome = work.apply(tx);
            insert(h, event, outcome);
            return outcome;
        });
    }

    @Override
    public void record(RemoteEvent event, Inbound outcome) {
        jdbi.useTransaction(h -> {
            if (!seen(h, event.eventId())) {
                insert(h, event, outcome);
            }
        });
    }

    @Override
    public void recordAll(List<RemoteEvent> events, Inbound outcome) {
        jdbi.useTransaction(h -> {
            for (RemoteEvent e : events) {
                if (!seen(h, e.eventId())) {
                    insert(h, e, outcome);
                }
            }
        });
    }

    @Override
    public Inbound retryOnce(RemoteEvent event, String triedBy, Function<org.rxledger.core.tx.Tx, Inbound> work) {
        return transactionsAs(event).inTransactionWithHandle((tx, h) -> {
            if (!stillParked(h, event.eventId())) {
                throw new RxLedgerException("SYNC_EVENT_NOT_PARKED", "Event " + event.centralSeq()
                        + " is not parked here any more (applied by an earlier retry, or discarded).");
            }
            Inbound outcome = work.apply(tx);
            insertRetry(h, event, triedBy, outcome);
            return outcome;
        });
    }

    @Override
    public void recordRetry(RemoteEvent event, String triedBy, Inbound outcome) {
        jdbi.useTransaction(h -> {
            if (stillParked(h, event.eventId())) {
                insertRetry(h, event, triedBy, outcome);
            }
        });
    }

    private static boolean stillParked(Handle h, UUID eventId) {
        return h.createQuery("SELECT COUNT(*) FROM sync_inbound i WHERE i.event_id = :id AND " + STILL_PARKED)
                .bind("id", eventId).mapTo(Integer.class).one() > 0;
    }

    /** Parked on arrival, not discarded by a person and not applied by a retry since (ADR 0034). */
    static final String STILL_PARKED = """
            i.outcome = 'PARKED'
              AND NOT EXISTS (SELECT 1 FROM sync_parked_discard d WHERE d.event_id = i.event_id)
              AND NOT EXISTS (SELECT 1 FROM sync_parked_retry r WHERE r.applied_event_id = i.event_id)""";

    /** An event's outcome now: its arrival's, or that of the retry that applied it. */
    static final String OUTCOME_NOW = """
            COALESCE((SELECT r.outcome FROM sync_parked_retry r WHERE r.applied_event_id = i.event_id), i.outcome)""";

    /** Why it is parked now: the latest retry's reason, or the arrival's. */
    static final String REASON_NOW = """
            COALESCE((SELECT r.reason FROM sync_parked_retry r WHERE r.event_id = i.event_id ORDER BY r.seq DESC LIMIT 1),
                     i.reason)""";

    private void insertRetry(Handle h, RemoteEvent e, String triedBy, Inbound outcome) {
        boolean settles = outcome.outcome() != InboundOutcome.PARKED;
        h.createUpdate("""
                        INSERT INTO sync_parked_retry (event_id, outcome, reason, applied_event_id, tried_by, tried_at)
                        VALUES (:id, :outcome, :reason, :applied, :by, :at)""")
                .bind("id", e.eventId())
                .bind("outcome", outcome.outcome().name())
                .bind("reason", outcome.reason() == null ? null : cut(outcome.reason(), 2000))
                .bind("applied", settles ? e.eventId() : null)
                .bind("by", cut(triedBy, USER_LENGTH))
                .bind("at", utc(clock.instant()))
                .execute();
        if (settles && outcome.conflict() != null) {
            JdbiSyncAttentionRepository.record(h, e.eventId(), outcome.conflict(), clock.instant());
        }
    }

    private void insert(Handle h, RemoteEvent e, Inbound outcome) {
        h.createUpdate("""
                        INSERT INTO sync_inbound (event_id, central_seq, origin_name, origin_user, event_type, outcome, reason, recorded_at)
                        VALUES (:id, :seq, :origin, :user, :type, :outcome, :reason, :at)""")
                .bind("id", e.eventId())
                .bind("seq", e.centralSeq())
                .bind("origin", cut(e.originName(), 120))
                .bind("user", cut(e.user(), USER_LENGTH))
                .bind("type", cut(e.type(), 60))
                .bind("outcome", outcome.outcome().name())
                .bind("reason", outcome.reason() == null ? null : cut(outcome.reason(), 2000))
                .bind("at", utc(clock.instant()))
                .execute();
        if (outcome.conflict() != null) {
            JdbiSyncAttentionRepository.record(h, e.eventId(), outcome.conflict(), clock.instant());
        }
    }

    @Override
    public Transactions transactionsFor(RemoteEvent event) {
        return transactionsAs(event);
    }

    /** The sync actor: the origin's user, marked so that what it writes here is never pushed back. */
    private JdbiTransactions transactionsAs(RemoteEvent event) {
        String user = cut(SYNC_USER_PREFIX + event.user(), USER_LENGTH);
        JdbiTransactions as = new JdbiTransactions(jdbi, owner, new Actor(user, local.workstation()), clock);
        // the origin was allowed this work where it was done (its own sign-in checked it); here it is applied by the
        // sync, which may do what a supervisor may: import, post and unpost (docs/adr/0021)
        as.signIn(new Session(user, user, java.util.Set.of(Role.SUPERVISOR), local.workstation(), clock.instant()));
        return as;
    }

    @Override
    public void recordRun(SyncRun run) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_run (started_at, finished_at, outcome, pushed, pulled, message)
                        VALUES (:started, :finished, :outcome, :pushed, :pulled, :message)""")
                .bind("started", utc(run.startedAt()))
                .bind("finished", utc(run.finishedAt()))
                .bind("outcome", run.outcome().name())
                .bind("pushed", run.pushed())
                .bind("pulled", run.pulled())
                .bind("message", run.message() == null ? null : cut(run.message(), 1000))
                .execute());
    }

    @Override
    public SyncStatus status() {
        return jdbi.withHandle(h -> {
            long waiting = h.createQuery("SELECT COUNT(*) " + PENDING).mapTo(Long.class).one();
            long pushed = h.createQuery("SELECT COUNT(*) FROM journal_sync WHERE target = :t").bind("t", TARGET)
                    .mapTo(Long.class).one();
            long pulled = h.createQuery("SELECT COUNT(*) FROM sync_inbound").mapTo(Long.class).one();
            long parked = h.createQuery("SELECT COUNT(*) FROM sync_inbound i WHERE " + STILL_PARKED).mapTo(Long.class).one();
            long duplicates = countOutcome(h, InboundOutcome.DUPLICATE);
            Instant lastSync = h.createQuery("SELECT MAX(finished_at) FROM sync_run WHERE outcome = 'CAUGHT_UP'")
                    .map((rs, ctx) -> instant(rs, 1)).one();
            record Last(Instant at, String outcome, String message) {
            }
            Optional<Last> last = h.createQuery(
                            "SELECT finished_at, outcome, message FROM sync_run ORDER BY seq DESC LIMIT 1")
                    .map((rs, ctx) -> new Last(instant(rs, 1), rs.getString(2), rs.getString(3))).findOne();
            Boolean online = last.map(l -> !SyncReport.Outcome.UNREACHABLE.name().equals(l.outcome())).orElse(null);
            return new SyncStatus(online, waiting, pushed, pulled, parked, duplicates, lastSync,
                    last.map(Last::at).orElse(null), last.map(Last::message).orElse(null));
        });
    }

    private static long countOutcome(Handle h, InboundOutcome outcome) {
        return h.createQuery("SELECT COUNT(*) FROM sync_inbound i WHERE " + OUTCOME_NOW + " = :o").bind("o", outcome.name())
                .mapTo(Long.class).one();
    }

    @Override
    public List<InboundItem> attention(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM (
                            SELECT i.event_id, i.central_seq, i.origin_name, i.origin_user, i.event_type,
                                   %s AS outcome, %s AS reason, i.recorded_at
                            FROM sync_inbound i) n
                        WHERE outcome IN ('DUPLICATE', 'PARKED') ORDER BY central_seq DESC LIMIT :limit""".formatted(
                        OUTCOME_NOW, REASON_NOW))
                .bind("limit", limit)
                .map((rs, ctx) -> new InboundItem(rs.getObject("event_id", UUID.class), rs.getLong("central_seq"),
                        rs.getString("origin_name"), rs.getString("origin_user"), rs.getString("event_type"),
                        InboundOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"), instant(rs, "recorded_at")))
                .list());
    }

    @Override
    public Optional<CentralSettings> settings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT central_url, central_user, tls_mode FROM sync_settings WHERE id = 1")
                .map((rs, ctx) -> new CentralSettings(rs.getString(1), rs.getString(2),
                        CentralSettings.TlsMode.valueOf(rs.getString(3))))
                .findOne());
    }

    @Override
    public long claimsFeedWatermark() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(last_feed_seq), 0) FROM claims_feed_batch")
                .mapTo(Long.class).one());
    }

    @Override
    public void recordClaimsFeedBatch(ClaimsFeed.Batch b, Instant at) {
        String message = b.imported() ? b.claims() + " claim(s) imported, " + b.skipped() + " already here"
                : String.join("; ", b.errors().stream().map(Object::toString).toList());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO claims_feed_batch (last_feed_seq, first_feed_seq, batch, outcome, imported, skipped,
                                                       message, recorded_at)
                        VALUES (:last, :first, :batch, :outcome, :imported, :skipped, :message, :at)""")
                .bind("last", b.lastSeq()).bind("first", b.firstSeq()).bind("batch", cut(b.name(), 200))
                .bind("outcome", b.imported() ? "IMPORTED" : "REJECTED").bind("imported", b.claims())
                .bind("skipped", b.skipped()).bind("message", cut(message, 4000)).bind("at", utc(at))
                .execute());
    }

    @Override
    public void saveSettings(CentralSettings settings, String savedBy, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        MERGE INTO sync_settings (id, central_url, central_user, tls_mode, saved_at, saved_by)
                        KEY (id) VALUES (1, :url, :user, :tls, :at, :by)""")
                .bind("url", settings.jdbcUrl())
                .bind("user", settings.user())
                .bind("tls", settings.tlsMode().name())
                .bind("at", utc(at))
                .bind("by", cut(savedBy, USER_LENGTH))
                .execute());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
