package org.rxledger.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.ClaimFacts;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.LinkKind;
import org.rxledger.core.matching.MatchAction;
import org.rxledger.core.matching.MatchDecision;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.matching.RemittedClaim;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;

/** Tables match_decision and payer_remit_setting (V005), and the match columns of remit_claim (V002). */
final class JdbiMatchRepository implements MatchRepository {

    /** Rows per JDBC batch execution when recording decisions. */
    static final int CHUNK = 1000;
    /**
     * Keys per array parameter: H2 refuses arrays over 65,536 elements, and with long arrays its planner may
     * prefer a table scan that tests the whole array for every row.
     */
    static final int ARRAY_CHUNK = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String FACTS = """
            SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, c.authorization_number, c.cardholder_id, c.ndc,
                   c.quantity, c.plan_paid_amount, c.patient_pay_amount, c.gross_amount_due, py.name AS payer_name,
                   c.response_status, c.lifecycle, c.bin, c.pcn, c.group_id, c.other_coverage_code
            FROM claim c JOIN plan pl ON pl.id = c.plan_id JOIN payer py ON py.id = pl.payer_id
            """;

    /**
     * Claims by one key, without joins: with a join H2 may start from the one-row plan table and test the
     * array for each of a million claims; alone, "= ANY(?)" is an index lookup. Payer names come from
     * {@link #payerNamesByPlan()}.
     */
    private static final String FACTS_BY = """
            SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, c.authorization_number, c.cardholder_id, c.ndc,
                   c.quantity, c.plan_paid_amount, c.patient_pay_amount, c.gross_amount_due, c.plan_id,
                   c.response_status, c.lifecycle, c.bin, c.pcn, c.group_id, c.other_coverage_code
            FROM claim c WHERE\s""";

    private static RowMapper<ClaimFacts> fact(Map<Long, String> payerByPlan) {
        return (rs, ctx) -> new ClaimFacts(rs.getLong("id"),
                rs.getString("rx_number"), rs.getInt("fill_number"), rs.getObject("date_of_service", LocalDate.class),
                rs.getString("authorization_number"), rs.getString("cardholder_id"), rs.getString("ndc"),
                rs.getBigDecimal("quantity"), money(rs, "plan_paid_amount"), money(rs, "patient_pay_amount"),
                money(rs, "gross_amount_due"), payerByPlan.get(rs.getLong("plan_id")),
                ResponseStatus.fromCode(rs.getString("response_status")), Lifecycle.valueOf(rs.getString("lifecycle")),
                rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id"), rs.getString("other_coverage_code"));
    }

    private static final RowMapper<ClaimFacts> FACT = (rs, ctx) -> new ClaimFacts(rs.getLong("id"),
            rs.getString("rx_number"), rs.getInt("fill_number"), rs.getObject("date_of_service", LocalDate.class),
            rs.getString("authorization_number"), rs.getString("cardholder_id"), rs.getString("ndc"),
            rs.getBigDecimal("quantity"), money(rs, "plan_paid_amount"), money(rs, "patient_pay_amount"),
            money(rs, "gross_amount_due"), rs.getString("payer_name"), ResponseStatus.fromCode(rs.getString("response_status")),
            Lifecycle.valueOf(rs.getString("lifecycle")), rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id"),
            rs.getString("other_coverage_code"));

    private static final String TO_MATCH = """
            SELECT rc.id, rc.payment_id, rc.seq, pm.payer_name, rc.patient_control_number, rc.status_code,
                   rc.payer_claim_control_number, rc.service_date, rc.member_id, rc.ndc, rc.quantity, rc.charge_amount,
                   rc.paid_amount, rc.patient_responsibility, rc.original_reference, rc.match_status, rc.matched_claim_id
            FROM remit_claim rc JOIN payment pm ON pm.id = rc.payment_id
            """;

    private static final RowMapper<RemitClaimToMatch> TO_MATCH_ROW = (rs, ctx) -> new RemitClaimToMatch(rs.getLong("id"),
            rs.getLong("payment_id"), rs.getInt("seq"),
            new RemittedClaim(rs.getString("payer_name"), rs.getString("patient_control_number"), rs.getString("status_code"),
                    rs.getString("payer_claim_control_number"), rs.getObject("service_date", LocalDate.class),
                    rs.getString("member_id"), rs.getString("ndc"), rs.getBigDecimal("quantity"), money(rs, "charge_amount"),
                    money(rs, "paid_amount"), money(rs, "patient_responsibility")),
            rs.getString("original_reference"), MatchStatus.valueOf(rs.getString("match_status")),
            rs.getObject("matched_claim_id", Long.class));

    /** Remittance claims by one key, without joins or other conditions, so "= ANY(?)" stays an index lookup. */
    private static final String PRIOR_BY = """
            SELECT id, payment_id, patient_control_number, payer_claim_control_number, status_code, paid_amount,
                   matched_claim_id
            FROM remit_claim WHERE\s""";

    private final Handle handle;

    JdbiMatchRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<RemitClaimToMatch> claimsToMatch(long paymentId) {
        return handle.createQuery(TO_MATCH + " WHERE rc.payment_id = :p ORDER BY rc.seq")
                .bind("p", paymentId).map(TO_MATCH_ROW).list();
    }

    @Override
    public Optional<RemitClaimToMatch> remitClaim(long remitClaimId) {
        return handle.createQuery(TO_MATCH + " WHERE rc.id = :id").bind("id", remitClaimId).map(TO_MATCH_ROW).findOne();
    }

    @Override
    public List<ClaimFacts> claimFacts(Collection<String> rxNumbers, Collection<String> authorizationNumbers) {
        // one query per key set with an array parameter: H2 turns "= ANY(?)" into an index IN-lookup and
        // plans it once (chunked IN lists cost a parse and plan per 1,000 keys)
        Map<Long, ClaimFacts> found = new LinkedHashMap<>();
        if (rxNumbers.isEmpty() && authorizationNumbers.isEmpty()) {
            return List.of();
        }
        RowMapper<ClaimFacts> mapper = fact(payerNamesByPlan());
        for (List<String> keys : arrays(rxNumbers)) {
            handle.createQuery(FACTS_BY.replace("FROM claim c", "FROM claim c USE INDEX (claim_rx_fill)") + "c.rx_number = ANY(:keys)").bindArray("keys", String.class, keys)
                    .map(mapper).forEach(f -> found.putIfAbsent(f.claimId(), f));
        }
        // CLP07 usually repeats the authorization number of a claim the Rx readings already found: only the
        // others need a lookup of their own
        Set<String> known = new HashSet<>();
        found.values().forEach(f -> {
            if (f.authorizationNumber() != null) {
                known.add(f.authorizationNumber());
            }
        });
        List<String> missing = authorizationNumbers.stream().filter(a -> !known.contains(a)).toList();
        for (List<String> keys : arrays(missing)) {
            handle.createQuery(FACTS_BY.replace("FROM claim c", "FROM claim c USE INDEX (claim_authorization)") + "c.authorization_number = ANY(:keys)").bindArray("keys", String.class, keys)
                    .map(mapper).forEach(f -> found.putIfAbsent(f.claimId(), f));
        }
        return new ArrayList<>(found.values());
    }

    private Map<Long, String> payerNamesByPlan() {
        Map<Long, String> names = new java.util.HashMap<>();
        handle.createQuery("SELECT pl.id, py.name FROM plan pl JOIN payer py ON py.id = pl.payer_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    @Override
    public Optional<ClaimFacts> claimFacts(long claimId) {
        return handle.createQuery(FACTS + " WHERE c.id = :id").bind("id", claimId).map(FACT).findOne();
    }

    @Override
    public List<PriorPayment> priorPayments(Collection<String> patientControlNumbers,
                                            Collection<String> payerClaimControlNumbers, Collection<Long> claimIds,
                                            long excludingPaymentId) {
        record Row(long id, long paymentId, String pcn, String clp07, String status, Money paid, Long claimId) {
        }
        RowMapper<Row> mapper = (rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("payment_id"),
                rs.getString("patient_control_number"), rs.getString("payer_claim_control_number"),
                rs.getString("status_code"), money(rs, "paid_amount"), rs.getObject("matched_claim_id", Long.class));
        Map<Long, Row> rows = new LinkedHashMap<>();
        java.util.function.Consumer<Row> keep = r -> {
            if (r.claimId() != null && r.paymentId() != excludingPaymentId) {
                rows.putIfAbsent(r.id(), r);
            }
        };
        for (List<String> keys : arrays(patientControlNumbers)) {
            handle.createQuery(PRIOR_BY.replace("FROM remit_claim", "FROM remit_claim USE INDEX (remit_claim_pcn)") + "patient_control_number = ANY(:keys)").bindArray("keys", String.class, keys)
                    .map(mapper).forEach(keep);
        }
        for (List<String> keys : arrays(payerClaimControlNumbers)) {
            handle.createQuery(PRIOR_BY.replace("FROM remit_claim", "FROM remit_claim USE INDEX (remit_claim_payer_ccn)") + "payer_claim_control_number = ANY(:keys)").bindArray("keys", String.class, keys)
                    .map(mapper).forEach(keep);
        }
        for (List<Long> keys : arrays(claimIds)) {
            handle.createQuery(PRIOR_BY.replace("FROM remit_claim", "FROM remit_claim USE INDEX (remit_claim_matched)") + "matched_claim_id = ANY(:keys)").bindArray("keys", Long.class, keys)
                    .map(mapper).forEach(keep);
        }
        Map<Long, String> traces = new java.util.HashMap<>();
        Set<Long> paymentIds = new HashSet<>();
        rows.values().forEach(r -> paymentIds.add(r.paymentId()));
        for (List<Long> ids : arrays(paymentIds)) {
            handle.createQuery("SELECT id, trace_number FROM payment WHERE id = ANY(:ids)").bindArray("ids", Long.class, ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> traces.put(e.getKey(), e.getValue()));
        }
        Map<Long, PriorPayment> found = new LinkedHashMap<>();
        rows.values().forEach(r -> found.put(r.id(), new PriorPayment(r.id(), r.paymentId(), traces.get(r.paymentId()),
                r.pcn(), r.clp07(), "22".equals(r.status()), r.paid(), r.claimId())));
        return new ArrayList<>(found.values());
    }

    @Override
    public void record(List<NewDecision> decisions, Instant at, String by) {
        if (decisions.isEmpty()) {
            return;
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        Connection connection = handle.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO match_decision (remit_claim_id, action, verdict, match_status, claim_id, score, confidence,
                    explanation, checks, candidates, linked_remit_claim_id, link_kind, reason, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE remit_claim SET matched_claim_id = ?, match_status = ? WHERE id = ?")) {
            int n = 0;
            for (NewDecision d : decisions) {
                int i = 1;
                insert.setLong(i++, d.remitClaimId());
                insert.setString(i++, d.action().name());
                insert.setString(i++, d.verdict().name());
                insert.setString(i++, d.status().name());
                insert.setObject(i++, d.claimId(), Types.BIGINT);
                insert.setObject(i++, d.score(), Types.INTEGER);
                insert.setBigDecimal(i++, d.confidence() == null ? null
                        : BigDecimal.valueOf(d.confidence()).setScale(2, java.math.RoundingMode.HALF_UP));
                insert.setString(i++, truncate(d.explanation(), 4000));
                insert.setString(i++, json(d.checks()));
                // a clear automatic match is explained by its own key checks; the candidates are kept when a person
                // must choose, and with a person's decision (the candidates the clerk chose from)
                insert.setString(i++, d.action() == MatchAction.AUTO
                        && d.verdict() == MatchDecision.Verdict.MATCHED && d.candidates().size() <= 1
                        ? null : json(d.candidates()));
                insert.setObject(i++, d.linkedRemitClaimId(), Types.BIGINT);
                insert.setString(i++, d.linkKind() == null ? null : d.linkKind().name());
                insert.setString(i++, d.reason());
                insert.setObject(i++, when);
                insert.setString(i, by);
                insert.addBatch();
                update.setObject(1, d.claimId(), Types.BIGINT);
                update.setString(2, d.status().name());
                update.setLong(3, d.remitClaimId());
                update.addBatch();
                if (++n % CHUNK == 0) {
                    insert.executeBatch();
                    update.executeBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("could not store " + decisions.size() + " match decision(s)", e);
        }
    }

    @Override
    public Set<Long> manuallyDecided(long paymentId) {
        Map<Long, String> last = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT d.remit_claim_id, d.action FROM match_decision d JOIN remit_claim rc ON rc.id = d.remit_claim_id
                        WHERE rc.payment_id = :p ORDER BY d.id""")
                .bind("p", paymentId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        Set<Long> manual = new HashSet<>();
        last.forEach((id, action) -> {
            if (!MatchAction.AUTO.name().equals(action)) {
                manual.add(id);
            }
        });
        return manual;
    }

    @Override
    public List<MatchRecord> history(long remitClaimId) {
        return handle.createQuery("SELECT * FROM match_decision WHERE remit_claim_id = :id ORDER BY id")
                .bind("id", remitClaimId).map((rs, ctx) -> record(rs)).list();
    }

    @Override
    public List<MatchRecord> latestDecisions(long paymentId) {
        return handle.createQuery("""
                        SELECT d.* FROM match_decision d JOIN remit_claim rc ON rc.id = d.remit_claim_id
                        WHERE rc.payment_id = :p
                          AND d.id = (SELECT MAX(x.id) FROM match_decision x WHERE x.remit_claim_id = d.remit_claim_id)
                        ORDER BY rc.seq""")
                .bind("p", paymentId).map((rs, ctx) -> record(rs)).list();
    }

    @Override
    public List<Long> paymentsWithWaitingClaims() {
        return handle.createQuery("""
                        SELECT DISTINCT payment_id FROM remit_claim WHERE match_status IN ('NEEDS_REVIEW', 'UNMATCHED')
                        ORDER BY payment_id""")
                .mapTo(Long.class).list();
    }

    @Override
    public List<UnmatchedRemitClaim> unmatched() {
        return handle.createQuery("""
                        SELECT rc.id, rc.payment_id, pm.trace_number, pm.payer_name, pm.payment_date,
                               rc.patient_control_number, rc.status_code, rc.paid_amount, rc.match_status
                        FROM remit_claim rc JOIN payment pm ON pm.id = rc.payment_id
                        WHERE rc.matched_claim_id IS NULL AND %s
                        ORDER BY pm.payment_date, rc.payment_id, rc.seq""".formatted(MfpSql.notRefundPayment("pm")))
                .map((rs, ctx) -> new UnmatchedRemitClaim(rs.getLong("id"), rs.getLong("payment_id"),
                        rs.getString("trace_number"), rs.getString("payer_name"),
                        rs.getObject("payment_date", LocalDate.class), rs.getString("patient_control_number"),
                        rs.getString("status_code"), money(rs, "paid_amount"), MatchStatus.valueOf(rs.getString("match_status"))))
                .list();
    }

    @Override
    public Optional<PayerRemitSettings> settings(String payerName) {
        if (payerName == null || payerName.isBlank()) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT * FROM payer_remit_setting WHERE payer_name = :n")
                .bind("n", PayerRemitSettings.defaults(payerName).payerName())
                .map((rs, ctx) -> settings(rs)).findOne();
    }

    @Override
    public List<PayerRemitSettings> allSettings() {
        return handle.createQuery("SELECT * FROM payer_remit_setting ORDER BY payer_name").map((rs, ctx) -> settings(rs)).list();
    }

    @Override
    public void saveSettings(PayerRemitSettings s, Instant at, String by) {
        handle.createUpdate("""
                        MERGE INTO payer_remit_setting (payer_name, posting_mode, clp01_patterns, updated_at, updated_by)
                        KEY (payer_name) VALUES (:n, :m, :p, :at, :by)""")
                .bind("n", s.payerName()).bind("m", s.postingMode().name())
                .bind("p", String.join("\n", s.clp01Patterns()))
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("by", by)
                .execute();
    }

    private static PayerRemitSettings settings(ResultSet rs) throws SQLException {
        String patterns = rs.getString("clp01_patterns");
        return new PayerRemitSettings(rs.getString("payer_name"), PostingMode.valueOf(rs.getString("posting_mode")),
                patterns == null || patterns.isBlank() ? List.of() : Arrays.asList(patterns.split("\n")));
    }

    private static MatchRecord record(ResultSet rs) throws SQLException {
        BigDecimal confidence = rs.getBigDecimal("confidence");
        String link = rs.getString("link_kind");
        return new MatchRecord(rs.getLong("id"), rs.getLong("remit_claim_id"), MatchAction.valueOf(rs.getString("action")),
                MatchDecision.Verdict.valueOf(rs.getString("verdict")), MatchStatus.valueOf(rs.getString("match_status")),
                rs.getObject("claim_id", Long.class), rs.getObject("score", Integer.class),
                confidence == null ? null : confidence.doubleValue(), rs.getString("explanation"),
                read(rs.getString("checks"), new TypeReference<List<KeyCheck>>() { }),
                read(rs.getString("candidates"), new TypeReference<List<MatchRecord.CandidateSummary>>() { }),
                rs.getObject("linked_remit_claim_id", Long.class), link == null ? null : LinkKind.valueOf(link),
                rs.getString("reason"), rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                rs.getString("decided_by"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise match details as JSON", e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored match details are not readable JSON", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The keys in slices an array parameter accepts. */
    static <T> List<List<T>> arrays(Collection<T> values) {
        List<T> list = new ArrayList<>(values);
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < list.size(); i += ARRAY_CHUNK) {
            slices.add(list.subList(i, Math.min(list.size(), i + ARRAY_CHUNK)));
        }
        return slices;
    }

    static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : Money.of(v);
    }
}
