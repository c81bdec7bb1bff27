package org.rxledger.core.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.security.Actor;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;

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
        handle.createUpdate("""
                        INSERT INTO audit_record (occurred_at, user_name, workstation, action, entity_type, entity_id, detail)
                        VALUES (:at, :user, :workstation, :action, :entityType, :entityId, :detail)""")
                .bind("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .bind("user", actor.user())
                .bind("workstation", actor.workstation())
                .bind("action", action)
                .bind("entityType", entityType)
                .bind("entityId", entityId)
                .bind("detail", Json.write(detail))
                .execute();
    }

    @Override
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO audit_record (occurred_at, user_name, workstation, action, entity_type, entity_id, detail)
                VALUES (:at, :user, :workstation, :action, :entityType, :entityId, :detail)""");
        for (Entry e : entries) {
            batch.bind("at", at).bind("user", actor.user()).bind("workstation", actor.workstation()).bind("action", e.action())
                    .bind("entityType", e.entityType()).bind("entityId", e.entityId()).bind("detail", Json.write(e.detail())).add();
        }
        batch.execute();
    }

    @Override
    public List<AuditRecord> forEntity(String entityType, String entityId) {
        return handle.createQuery("""
                        SELECT seq, occurred_at, user_name, workstation, action, entity_type, entity_id, detail
                        FROM audit_record WHERE entity_type = :type AND entity_id = :id ORDER BY seq""")
                .bind("type", entityType)
                .bind("id", entityId)
                .map((rs, ctx) -> new AuditRecord(rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("user_name"),
                        rs.getString("workstation"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("detail")))
                .list();
    }
}
