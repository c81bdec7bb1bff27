package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.access.Actor;
import org.rxledger.core.security.AuditChain;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.ChainedAuditRecord;

final class JdbiAuditTrail implements AuditTrail {

    private final Handle handle;
    private final Actor actor;
    private final Clock clock;

    JdbiAuditTrail(Handle handle, Actor actor, Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void record(String action, String entityType, String entityId, Map<String, ?> detail) {
        recordAll(List.of(new Entry(action, entityType, entityId, detail)));
    }

    /**
     * Appends the entries to the hash chain ({@link AuditChain}). The head row is locked first, so two
     * transactions appending at once queue up instead of forking the chain; the lock lasts until commit.
     */
    @Override
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Instant at = AuditChain.storedPrecision(clock.instant());
        String previous = handle.createQuery("SELECT head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .mapTo(String.class).one();
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO audit_record (occurred_at, user_name, workstation, action, entity_type, entity_id, detail,
                                          prev_hash, record_hash)
                VALUES (:at, :user, :workstation, :action, :entityType, :entityId, :detail, :prev, :hash)""");
        for (Entry e : entries) {
            String detail = Json.write(e.detail());
            String hash = AuditChain.hash(previous, at, actor.user(), actor.workstation(), e.action(), e.entityType(),
                    e.entityId(), detail);
            batch.bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("user", actor.user())
                    .bind("workstation", actor.workstation()).bind("action", e.action())
                    .bind("entityType", e.entityType()).bind("entityId", e.entityId()).bind("detail", detail)
                    .bind("prev", previous).bind("hash", hash).add();
            previous = hash;
        }
        batch.execute();
        handle.createUpdate("UPDATE audit_chain_head SET head_hash = :head WHERE id = 1").bind("head", previous).execute();
    }

    @Override
    public void forEachInOrder(Consumer<ChainedAuditRecord> sink) {
        try (var stream = handle.createQuery("""
                        SELECT seq, occurred_at, user_name, workstation, action, entity_type, entity_id, detail,
                               prev_hash, record_hash
                        FROM audit_record ORDER BY seq""")
                .setFetchSize(1000)
                .map((rs, ctx) -> new ChainedAuditRecord(record(rs), rs.getString("prev_hash"), rs.getString("record_hash")))
                .stream()) {
            stream.forEach(sink);
        }
    }

    @Override
    public Optional<String> chainHead() {
        return handle.createQuery("SELECT head_hash FROM audit_chain_head WHERE id = 1").mapTo(String.class).findOne();
    }

    @Override
    public List<AuditRecord> forEntity(String entityType, String entityId) {
        return handle.createQuery("""
                        SELECT seq, occurred_at, user_name, workstation, action, entity_type, entity_id, detail
                        FROM audit_record WHERE entity_type = :type AND entity_id = :id ORDER BY seq""")
                .bind("type", entityType)
                .bind("id", entityId)
                .map((rs, ctx) -> record(rs))
                .list();
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_name"), rs.getString("workstation"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("detail"));
    }
}
