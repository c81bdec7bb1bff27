package org.rxledger.core.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.access.Actor;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.journal.JournalEvent;

final class JdbiJournal implements Journal {

    private final Handle handle;
    private final Actor actor;
    private final Clock clock;

    JdbiJournal(Handle handle, Actor actor, Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public UUID append(String type, Map<String, ?> payload) {
        UUID id = Uuids.timeOrdered();
        handle.createUpdate("""
                        INSERT INTO journal_event (event_id, event_type, payload, user_name, workstation, occurred_at)
                        VALUES (:id, :type, :payload, :user, :workstation, :at)""")
                .bind("id", id)
                .bind("type", type)
                .bind("payload", Json.write(payload))
                .bind("user", actor.user())
                .bind("workstation", actor.workstation())
                .bind("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .execute();
        return id;
    }

    @Override
    public List<UUID> appendAll(String type, List<? extends Map<String, ?>> payloads) {
        if (payloads.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO journal_event (event_id, event_type, payload, user_name, workstation, occurred_at)
                VALUES (:id, :type, :payload, :user, :workstation, :at)""");
        List<UUID> ids = new ArrayList<>(payloads.size());
        for (Map<String, ?> payload : payloads) {
            UUID id = Uuids.timeOrdered();
            ids.add(id);
            batch.bind("id", id).bind("type", type).bind("payload", Json.write(payload)).bind("user", actor.user())
                    .bind("workstation", actor.workstation()).bind("at", at).add();
        }
        batch.execute();
        return ids;
    }

    @Override
    public List<JournalEvent> since(long seq, int limit) {
        return handle.createQuery("""
                        SELECT seq, event_id, event_type, payload, user_name, workstation, occurred_at
                        FROM journal_event WHERE seq > :seq ORDER BY seq LIMIT :limit""")
                .bind("seq", seq)
                .bind("limit", limit)
                .map((rs, ctx) -> new JournalEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getString("user_name"),
                        rs.getString("workstation"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM journal_event").mapTo(Long.class).one();
    }
}
