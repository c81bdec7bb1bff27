package org.rxledger.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.access.Actor;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;

/** The only writer of table {@code disclosure}; patient ids are kept sorted and comma-separated ("12,45,78"). */
final class JdbiDisclosureLog implements DisclosureLog {

    private final Handle handle;
    private final Actor actor;
    private final Clock clock;

    JdbiDisclosureLog(Handle handle, Actor actor, Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void record(Disclosure.Kind kind, String recipient, String reference, Collection<Long> patientIds) {
        List<Long> ids = List.copyOf(new TreeSet<>(patientIds));
        handle.createUpdate("""
                        INSERT INTO disclosure (disclosed_at, user_name, workstation, kind, recipient, reference,
                                                patient_count, patient_ids)
                        VALUES (:at, :user, :ws, :kind, :recipient, :reference, :count, :ids)""")
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("user", actor.user()).bind("ws", actor.workstation()).bind("kind", kind.name())
                .bind("recipient", cut(recipient, 200)).bind("reference", cut(reference, 120))
                .bind("count", ids.size())
                .bind("ids", String.join(",", ids.stream().map(String::valueOf).toList()))
                .execute();
    }

    @Override
    public List<Disclosure> between(Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT * FROM disclosure
                        WHERE (:from IS NULL OR disclosed_at >= :from) AND (:to IS NULL OR disclosed_at < :to)
                        ORDER BY id""")
                .bind("from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map((rs, ctx) -> disclosure(rs)).list();
    }

    @Override
    public List<Disclosure> forPatient(long patientId) {
        return handle.createQuery("""
                        SELECT * FROM disclosure WHERE ',' || patient_ids || ',' LIKE :pattern ORDER BY id""")
                .bind("pattern", "%," + patientId + ",%")
                .map((rs, ctx) -> disclosure(rs)).list();
    }

    private static Disclosure disclosure(java.sql.ResultSet rs) throws java.sql.SQLException {
        String stored = rs.getString("patient_ids");
        List<Long> ids = stored.isEmpty() ? List.of()
                : java.util.Arrays.stream(stored.split(",")).map(Long::valueOf).toList();
        return new Disclosure(rs.getLong("id"), rs.getObject("disclosed_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_name"), rs.getString("workstation"), Disclosure.Kind.valueOf(rs.getString("kind")),
                rs.getString("recipient"), rs.getString("reference"), ids);
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
