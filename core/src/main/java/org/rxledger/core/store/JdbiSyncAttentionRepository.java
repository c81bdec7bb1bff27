package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.sync.Inbound;
import org.rxledger.core.sync.ParkedEvent;
import org.rxledger.core.sync.SyncAttentionRepository;
import org.rxledger.core.sync.SyncConflict;
import org.rxledger.core.sync.WaitingEvent;

/** {@link SyncAttentionRepository} on the workstation's H2 (V027's sync tables, V032's conflicts and decisions). */
final class JdbiSyncAttentionRepository implements SyncAttentionRepository {

    private static final String CONFLICT = """
            SELECT c.seq, c.event_id, c.kind, c.subject, c.here_version, c.there_version, c.settled, c.recorded_at,
                   r.resolved_by, r.note, r.resolved_at
            FROM sync_conflict c LEFT JOIN sync_conflict_resolution r ON r.conflict_seq = c.seq""";

    private static final String PARKED = """
            SELECT i.event_id, i.central_seq, i.origin_name, i.origin_user, i.event_type, %s, i.recorded_at
            FROM sync_inbound i
            WHERE %s""".formatted(JdbiSyncStore.REASON_NOW, JdbiSyncStore.STILL_PARKED);

    private final Handle handle;

    JdbiSyncAttentionRepository(Handle handle) {
        this.handle = handle;
    }

    /** Records a conflict item in the transaction that applied (or parked) its event. */
    static void record(Handle h, UUID eventId, Inbound.Conflict c, Instant at) {
        h.createUpdate("""
                        INSERT INTO sync_conflict (event_id, kind, subject, here_version, there_version, settled, recorded_at)
                        VALUES (:event, :kind, :subject, :here, :there, :settled, :at)""")
                .bind("event", eventId).bind("kind", c.kind().name()).bind("subject", cut(c.subject(), 200))
                .bind("here", cut(c.here(), 2000)).bind("there", cut(c.there(), 2000))
                .bind("settled", cut(c.settled(), 2000)).bind("at", utc(at))
                .execute();
    }

    @Override
    public List<WaitingEvent> waiting(int limit) {
        return handle.createQuery("""
                        SELECT e.seq, e.event_id, e.event_type, e.user_name, e.occurred_at FROM journal_event e
                        WHERE e.user_name NOT LIKE 'sync:%'
                          AND NOT EXISTS (SELECT 1 FROM journal_sync s WHERE s.event_id = e.event_id)
                        ORDER BY e.seq LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new WaitingEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs, 5)))
                .list();
    }

    @Override
    public List<ParkedEvent> parked(int limit) {
        return handle.createQuery(PARKED + " ORDER BY i.central_seq DESC LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> parked(rs)).list();
    }

    @Override
    public Optional<ParkedEvent> parkedEvent(UUID eventId) {
        return handle.createQuery(PARKED + " AND i.event_id = :id").bind("id", eventId).map((rs, ctx) -> parked(rs)).findOne();
    }

    @Override
    public Optional<ParkedEvent> parkedEvent(long centralSeq) {
        return handle.createQuery(PARKED + " AND i.central_seq = :seq").bind("seq", centralSeq).map((rs, ctx) -> parked(rs))
                .findOne();
    }

    private static ParkedEvent parked(ResultSet rs) throws SQLException {
        return new ParkedEvent(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7));
    }

    @Override
    public void discard(UUID eventId, String reason, String by, Instant at) {
        handle.createUpdate("""
                        INSERT INTO sync_parked_discard (event_id, reason, discarded_by, discarded_at)
                        VALUES (:id, :reason, :by, :at)""")
                .bind("id", eventId).bind("reason", reason).bind("by", cut(by, 60)).bind("at", utc(at)).execute();
    }

    @Override
    public List<SyncConflict> conflicts(int limit) {
        return handle.createQuery(CONFLICT + " ORDER BY CASE WHEN r.conflict_seq IS NULL THEN 0 ELSE 1 END, c.seq DESC"
                        + " LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> conflict(rs)).list();
    }

    @Override
    public Optional<SyncConflict> conflict(long seq) {
        return handle.createQuery(CONFLICT + " WHERE c.seq = :seq").bind("seq", seq).map((rs, ctx) -> conflict(rs)).findOne();
    }

    private static SyncConflict conflict(ResultSet rs) throws SQLException {
        return new SyncConflict(rs.getLong(1), rs.getObject(2, UUID.class), SyncConflict.Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9),
                rs.getString(10), instant(rs, 11));
    }

    @Override
    public void resolve(long seq, String note, String by, Instant at) {
        handle.createUpdate("""
                        INSERT INTO sync_conflict_resolution (conflict_seq, note, resolved_by, resolved_at)
                        VALUES (:seq, :note, :by, :at)""")
                .bind("seq", seq).bind("note", note).bind("by", cut(by, 60)).bind("at", utc(at)).execute();
    }

    @Override
    public long openConflicts() {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM sync_conflict c
                        WHERE NOT EXISTS (SELECT 1 FROM sync_conflict_resolution r WHERE r.conflict_seq = c.seq)""")
                .mapTo(Long.class).one();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
