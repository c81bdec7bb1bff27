package org.rxledger.core.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.IdentityKind;
import org.rxledger.core.payer.PayerIdentity;
import org.rxledger.core.payer.PayerRepository;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.payer.RoutingLink;

/** Tables directory_payer, directory_identity, directory_routing and directory_link_proposal (V019). */
final class JdbiPayerRepository implements PayerRepository {

    private final Handle handle;

    JdbiPayerRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<DirectoryPayer> payers() {
        Map<Long, List<PayerIdentity>> identities = new HashMap<>();
        handle.createQuery("SELECT payer_id, kind, id_value FROM directory_identity ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getLong("payer_id"),
                        new PayerIdentity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("id_value"))))
                .forEach(e -> identities.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<RoutingLink>> routings = new HashMap<>();
        handle.createQuery("SELECT id, payer_id, bin, pcn, group_id, source FROM directory_routing ORDER BY bin, pcn, group_id")
                .map((rs, ctx) -> new RoutingLink(rs.getLong("id"), rs.getLong("payer_id"),
                        new Routing(rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id")), rs.getString("source")))
                .forEach(r -> routings.computeIfAbsent(r.payerId(), k -> new ArrayList<>()).add(r));
        return handle.createQuery("SELECT id, name, merged_into_id FROM directory_payer ORDER BY id")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    return new DirectoryPayer(id, rs.getString("name"), rs.getObject("merged_into_id", Long.class),
                            identities.getOrDefault(id, List.of()), routings.getOrDefault(id, List.of()));
                }).list();
    }

    @Override
    public long insertPayer(String name, Instant at, String by) {
        return handle.createUpdate("INSERT INTO directory_payer (name, created_at, created_by) VALUES (:n, :at, :by)")
                .bind("n", name).bind("at", utc(at)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void insertIdentity(long payerId, PayerIdentity identity) {
        handle.createUpdate("INSERT INTO directory_identity (payer_id, kind, id_value) VALUES (:p, :k, :v)")
                .bind("p", payerId).bind("k", identity.kind().name()).bind("v", identity.value()).execute();
    }

    @Override
    public long insertRouting(long payerId, Routing routing, String source, Instant at, String by) {
        return handle.createUpdate("""
                        INSERT INTO directory_routing (payer_id, bin, pcn, group_id, source, linked_at, linked_by)
                        VALUES (:p, :bin, :pcn, :grp, :src, :at, :by)""")
                .bind("p", payerId).bind("bin", routing.bin()).bind("pcn", routing.pcn()).bind("grp", routing.groupId())
                .bind("src", source).bind("at", utc(at)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void moveRouting(long routingId, long payerId) {
        handle.createUpdate("UPDATE directory_routing SET payer_id = :p WHERE id = :id")
                .bind("p", payerId).bind("id", routingId).execute();
    }

    @Override
    public void deleteRouting(long routingId) {
        handle.createUpdate("DELETE FROM directory_routing WHERE id = :id").bind("id", routingId).execute();
    }

    @Override
    public void merge(long fromPayerId, long toPayerId, Instant at) {
        handle.createUpdate("UPDATE directory_identity SET payer_id = :to WHERE payer_id = :from")
                .bind("to", toPayerId).bind("from", fromPayerId).execute();
        handle.createUpdate("UPDATE directory_routing SET payer_id = :to WHERE payer_id = :from")
                .bind("to", toPayerId).bind("from", fromPayerId).execute();
        handle.createUpdate("UPDATE directory_payer SET merged_into_id = :to, merged_at = :at WHERE id = :from")
                .bind("to", toPayerId).bind("at", utc(at)).bind("from", fromPayerId).execute();
    }

    @Override
    public Optional<PaymentIdentity> paymentIdentity(long paymentId) {
        return handle.createQuery("SELECT payer_identifier, payer_name FROM payment WHERE id = :id").bind("id", paymentId)
                .map((rs, ctx) -> new PaymentIdentity(rs.getString("payer_identifier"), rs.getString("payer_name")))
                .findOne();
    }

    private static final String CLP07_LINES = """
            SELECT p.payer_identifier, p.payer_name, COUNT(*) AS n,
                   SUM(CASE WHEN UPPER(TRIM(rc.payer_claim_control_number)) = UPPER(TRIM(c.authorization_number))
                            THEN 1 ELSE 0 END) AS eq
            FROM remit_claim rc
            JOIN payment p ON p.id = rc.payment_id
            JOIN claim c ON c.id = rc.matched_claim_id
            WHERE rc.match_status IN ('MATCHED', 'MANUAL')
              AND rc.payer_claim_control_number IS NOT NULL AND TRIM(rc.payer_claim_control_number) <> ''
              AND c.authorization_number IS NOT NULL AND TRIM(c.authorization_number) <> ''
            """;

    private static final RowMapper<Clp07Lines> CLP07_ROW = (rs, ctx) -> new Clp07Lines(
            new PaymentIdentity(rs.getString("payer_identifier"), rs.getString("payer_name")), rs.getLong("n"),
            rs.getLong("eq"));

    @Override
    public List<Clp07Lines> clp07Lines() {
        return handle.createQuery(CLP07_LINES + " GROUP BY p.payer_identifier, p.payer_name").map(CLP07_ROW).list();
    }

    @Override
    public List<Clp07Lines> clp07Lines(Collection<String> identifiers, Collection<String> names) {
        if (identifiers.isEmpty() && names.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(CLP07_LINES
                        + " AND (UPPER(TRIM(p.payer_identifier)) = ANY(:ids) OR UPPER(TRIM(p.payer_name)) = ANY(:names))"
                        + " GROUP BY p.payer_identifier, p.payer_name")
                .bindArray("ids", String.class, identifiers.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList())
                .bindArray("names", String.class, names.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList())
                .map(CLP07_ROW).list();
    }

    @Override
    public List<Clp07Lines> clp07Lines(Collection<String> identifiers, Collection<String> names, long paymentId) {
        if (identifiers.isEmpty() && names.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(CLP07_LINES
                        + " AND rc.payment_id = :payment"
                        + " AND (UPPER(TRIM(p.payer_identifier)) = ANY(:ids) OR UPPER(TRIM(p.payer_name)) = ANY(:names))"
                        + " GROUP BY p.payer_identifier, p.payer_name")
                .bind("payment", paymentId)
                .bindArray("ids", String.class, identifiers.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList())
                .bindArray("names", String.class, names.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList())
                .map(CLP07_ROW).list();
    }

    @Override
    public List<RoutingLines> routingLines(String bin, String pcn) {
        return handle.createQuery("""
                        SELECT p.payer_identifier, p.payer_name, COUNT(*) AS n
                        FROM claim c
                        JOIN remit_claim rc ON rc.matched_claim_id = c.id
                        JOIN payment p ON p.id = rc.payment_id
                        WHERE c.bin = :bin AND c.pcn = :pcn AND rc.match_status IN ('MATCHED', 'MANUAL')
                        GROUP BY p.payer_identifier, p.payer_name""")
                .bind("bin", bin).bind("pcn", pcn)
                .map((rs, ctx) -> new RoutingLines(new PaymentIdentity(rs.getString("payer_identifier"), rs.getString("payer_name")),
                        rs.getLong("n")))
                .list();
    }

    @Override
    public void insertProposal(Routing routing, Long payerId, String payerName, long paymentId, int lines, int agreeing,
                               String status, Instant at) {
        handle.createUpdate("""
                        INSERT INTO directory_link_proposal (bin, pcn, payer_id, payer_name, payment_id, lines, agreeing,
                                                             status, proposed_at)
                        VALUES (:bin, :pcn, :p, :name, :pay, :lines, :agree, :status, :at)""")
                .bind("bin", routing.bin()).bind("pcn", routing.pcn()).bind("p", payerId).bind("name", payerName)
                .bind("pay", paymentId).bind("lines", lines).bind("agree", agreeing).bind("status", status)
                .bind("at", utc(at)).execute();
    }

    @Override
    public List<LinkProposal> proposals() {
        return handle.createQuery("""
                        SELECT id, bin, pcn, payer_id, payer_name, payment_id, lines, agreeing, status, proposed_at
                        FROM directory_link_proposal ORDER BY id""")
                .map((rs, ctx) -> new LinkProposal(rs.getLong("id"), new Routing(rs.getString("bin"), rs.getString("pcn"), ""),
                        rs.getObject("payer_id", Long.class), rs.getString("payer_name"), rs.getLong("payment_id"),
                        rs.getInt("lines"), rs.getInt("agreeing"), rs.getString("status"),
                        rs.getObject("proposed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
