package org.rxledger.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.exceptions.ExceptionRepository;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.money.Money;

/**
 * The exceptions queue's reads: one aggregate query per kind of item over the 835, matching and ledger
 * tables, streamed (no query per claim); and the append-only action log (V011__exception_queue.sql).
 */
final class JdbiExceptionRepository implements ExceptionRepository {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The latest matching decision of each remittance claim. */
    private static final String LATEST_DECISION = """
            LEFT JOIN (SELECT remit_claim_id, MAX(id) AS id FROM match_decision GROUP BY remit_claim_id) ld
                   ON ld.remit_claim_id = rc.id
            LEFT JOIN match_decision md ON md.id = ld.id
            """;

    private static final RowMapper<Action> ACTION = (rs, ctx) -> new Action(rs.getString("item_key"),
            rs.getString("action"), rs.getString("owner"), rs.getString("note"),
            rs.getObject("acted_at", OffsetDateTime.class).toInstant(), rs.getString("acted_by"));

    private final Handle handle;

    JdbiExceptionRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void looseLines(Long only, Consumer<LooseLine> sink) {
        stream("""
                SELECT rc.id, rc.payment_id, rc.patient_control_number, rc.status_code, rc.charge_amount, rc.paid_amount,
                       rc.match_status,""" + PayerSql.paymentPayer("pm", "pm.payer_name") + """
                       AS payer_name, pm.trace_number, pm.payment_date, pm.status AS payment_status,
                       md.verdict, md.explanation, md.candidates
                FROM remit_claim rc JOIN payment pm ON pm.id = rc.payment_id
                """ + LATEST_DECISION + """
                WHERE rc.matched_claim_id IS NULL""" + " AND " + MfpSql.notRefundPayment("pm") + (only == null ? "" : " AND rc.id = :only") + """

                ORDER BY pm.payment_date, rc.payment_id, rc.seq""", only,
                (rs, ctx) -> new LooseLine(rs.getLong("id"), rs.getLong("payment_id"), rs.getString("patient_control_number"),
                        rs.getString("status_code"), money(rs, "charge_amount"), money(rs, "paid_amount"),
                        rs.getString("match_status"), rs.getString("payer_name"), rs.getString("trace_number"),
                        rs.getObject("payment_date", LocalDate.class), rs.getString("verdict"), rs.getString("explanation"),
                        candidates(rs.getString("candidates")), "POSTED".equals(rs.getString("payment_status"))), sink);
    }

    @Override
    public void claimLines(Long only, Consumer<ClaimLine> sink) {
        // the same expected/paid/denial rules as JdbiReconRepository.claimTotals (net paid counts the PLB
        // takebacks tied to the claim, TakebackSql), plus what the queue shows: duplicate payments (the matching
        // decision's link), the latest payment and the traces
        stream("""
                SELECT c.id, c.rx_number, c.fill_number, c.date_of_service,""" + PayerSql.claimPayer("c", "py.name") + """
                       AS payer_name,
                       CASE WHEN c.lifecycle = 'ACTIVE' THEN c.plan_paid_amount ELSE 0 END AS expected,
                       r.paid - COALESCE(t.plb, 0) AS paid, r.lines + COALESCE(t.items, 0) AS lines,
                       r.reversals + CASE WHEN t.plb > 0 THEN 1 ELSE 0 END AS reversals,
                       r.denials, r.duplicates, r.last_paid_on, r.traces, r.last_rc, r.last_pm
                FROM (
                    SELECT rc.matched_claim_id AS claim_id, SUM(rc.paid_amount) AS paid, COUNT(*) AS lines,
                           SUM(CASE WHEN rc.status_code = '22' THEN 1 ELSE 0 END) AS reversals,
                           SUM(CASE WHEN""" + DenialSql.isDenial("rc") + """
                            THEN 1 ELSE 0 END) AS denials,
                           SUM(CASE WHEN md.link_kind = 'DUPLICATE_OF' THEN 1 ELSE 0 END) AS duplicates,
                           MAX(pm.payment_date) AS last_paid_on, MAX(rc.id) AS last_rc, MAX(rc.payment_id) AS last_pm,
                           LISTAGG(DISTINCT pm.trace_number, ', ') WITHIN GROUP (ORDER BY pm.trace_number) AS traces
                    FROM remit_claim rc JOIN payment pm ON pm.id = rc.payment_id
                    """ + LATEST_DECISION + """
                    WHERE rc.matched_claim_id IS NOT NULL""" + (only == null ? "" : " AND rc.matched_claim_id = :only") + """

                    GROUP BY rc.matched_claim_id) r
                JOIN claim c ON c.id = r.claim_id
                JOIN plan pl ON pl.id = c.plan_id
                JOIN payer py ON py.id = pl.payer_id
                LEFT JOIN""" + TakebackSql.PER_CLAIM + """
                 t ON t.claim_id = c.id
                WHERE c.response_status IN ('P', 'C')
                ORDER BY c.id""", only,
                (rs, ctx) -> new ClaimLine(rs.getLong("id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                        rs.getObject("date_of_service", LocalDate.class), rs.getString("payer_name"),
                        money(rs, "expected"), money(rs, "paid"), rs.getInt("lines"), rs.getInt("reversals"),
                        rs.getInt("denials"), rs.getInt("duplicates"), rs.getObject("last_paid_on", LocalDate.class),
                        rs.getString("traces"), rs.getLong("last_rc"), rs.getLong("last_pm")), sink);
    }

    @Override
    public void claimCodes(Long only, Consumer<ClaimCode> sink) {
        stream("""
                SELECT rc.matched_claim_id AS claim_id, 'CAS' AS kind, a.group_code AS grp, a.reason_code AS code,
                       SUM(a.amount) AS amount
                FROM remit_adjustment a JOIN remit_claim rc ON rc.id = a.remit_claim_id
                WHERE rc.matched_claim_id IS NOT NULL AND a.group_code <> 'PR'""" + (only == null ? "" : " AND rc.matched_claim_id = :only") + """

                GROUP BY rc.matched_claim_id, a.group_code, a.reason_code
                UNION ALL
                SELECT rc.matched_claim_id, r.qualifier, NULL, r.code, NULL
                FROM remit_remark r JOIN remit_service_line sl ON sl.id = r.service_line_id
                JOIN remit_claim rc ON rc.id = sl.remit_claim_id
                WHERE rc.matched_claim_id IS NOT NULL""" + (only == null ? "" : " AND rc.matched_claim_id = :only") + """

                GROUP BY rc.matched_claim_id, r.qualifier, r.code
                ORDER BY 1, 2, 4""", only,
                (rs, ctx) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    return new ClaimCode(rs.getLong("claim_id"), rs.getString("kind"), rs.getString("grp"),
                            rs.getString("code"), amount == null ? null : Money.of(amount));
                }, sink);
    }

    @Override
    public void patientPayMismatches(Long only, Consumer<PatientPayLine> sink) {
        stream("""
                SELECT rc.id, rc.payment_id, c.id AS claim_id, c.rx_number, c.fill_number,""" + PayerSql.paymentPayer("pm", "pm.payer_name") + """
                       AS payer_name,
                       pm.trace_number, pm.payment_date, rc.patient_responsibility, c.patient_pay_amount
                FROM remit_claim rc JOIN claim c ON c.id = rc.matched_claim_id JOIN payment pm ON pm.id = rc.payment_id
                WHERE rc.status_code NOT IN ('22', '4') AND rc.patient_responsibility IS NOT NULL
                  AND rc.patient_responsibility <> c.patient_pay_amount AND c.lifecycle = 'ACTIVE'""" + (only == null ? "" : " AND rc.id = :only") + """

                ORDER BY pm.payment_date, rc.id""", only,
                (rs, ctx) -> new PatientPayLine(rs.getLong("id"), rs.getLong("payment_id"), rs.getLong("claim_id"),
                        rs.getString("rx_number"), rs.getInt("fill_number"), rs.getString("payer_name"),
                        rs.getString("trace_number"), rs.getObject("payment_date", LocalDate.class),
                        money(rs, "patient_responsibility"), money(rs, "patient_pay_amount")), sink);
    }

    @Override
    public void loosePlbs(Long only, Consumer<LoosePlb> sink) {
        // a takeback (WO overpayment recovery, WU unspecified recovery; positive = money taken now) counts as
        // attributed while its posted ledger entries tied to a claim do not net to zero (unposting reverses them)
        stream("""
                SELECT p.id, p.payment_id, p.reason_code, p.reference, p.amount,""" + PayerSql.paymentPayer("pm", "pm.payer_name") + """
                       AS payer_name, pm.trace_number,
                       pm.payment_date
                FROM plb_item p JOIN payment pm ON pm.id = p.payment_id
                WHERE p.reason_code IN ('WO', 'WU') AND p.amount > 0
                  AND CAST(p.id AS VARCHAR) NOT IN (
                      SELECT source_id FROM ledger_entry
                      WHERE source_type = 'REMIT_PLB' AND claim_id IS NOT NULL
                      GROUP BY source_id HAVING SUM(amount) <> 0)""" + (only == null ? "" : " AND p.id = :only") + """

                ORDER BY pm.payment_date, p.id""", only,
                (rs, ctx) -> new LoosePlb(rs.getLong("id"), rs.getLong("payment_id"), rs.getString("reason_code"),
                        rs.getString("reference"), money(rs, "amount"), rs.getString("payer_name"),
                        rs.getString("trace_number"), rs.getObject("payment_date", LocalDate.class)), sink);
    }

    @Override
    public List<Action> actions() {
        return handle.createQuery("SELECT * FROM exception_action ORDER BY id").map(ACTION).list();
    }

    @Override
    public List<Action> actions(String itemKey) {
        return handle.createQuery("SELECT * FROM exception_action WHERE item_key = :k ORDER BY id")
                .bind("k", itemKey).map(ACTION).list();
    }

    @Override
    public void append(Action a) {
        handle.createUpdate("""
                        INSERT INTO exception_action (item_key, action, owner, note, acted_at, acted_by)
                        VALUES (:key, :action, :owner, :note, :at, :by)""")
                .bind("key", a.itemKey()).bind("action", a.action()).bind("owner", a.owner()).bind("note", a.note())
                .bind("at", OffsetDateTime.ofInstant(a.at(), ZoneOffset.UTC)).bind("by", a.by())
                .execute();
    }

    private <T> void stream(String sql, Long only, RowMapper<T> mapper, Consumer<T> sink) {
        var query = handle.createQuery(sql).setFetchSize(1000);
        if (only != null) {
            query.bind("only", only.longValue());
        }
        try (var stream = query.map(mapper).stream()) {
            stream.forEach(sink);
        }
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? Money.ZERO : Money.of(v);
    }

    private static List<MatchRecord.CandidateSummary> candidates(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<MatchRecord.CandidateSummary>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("stored match candidates are not readable JSON", e);
        }
    }
}
