package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingKind;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;

/** Reads for posting (V002 remittance tables joined with claims) and the remit_posting log (V005). */
final class JdbiPostingRepository implements PostingRepository {

    private static final String LINES = """
            SELECT rc.id, rc.seq, rc.patient_control_number, rc.status_code, rc.charge_amount, rc.paid_amount,
                   rc.patient_responsibility, rc.match_status, rc.matched_claim_id, c.rx_number, c.fill_number,
                   c.plan_paid_amount, c.patient_pay_amount, c.patient_id, pl.payer_id, rc.co_total, rc.pi_total,
                   rc.oa_total, rc.pr_total,
                   CASE WHEN rc.status_code = '22' THEN (SELECT d.linked_remit_claim_id FROM match_decision d
                        WHERE d.remit_claim_id = rc.id ORDER BY d.id DESC LIMIT 1) END AS linked_remit_claim_id,
                   CASE WHEN rc.status_code = '22' THEN (SELECT d.link_kind FROM match_decision d
                        WHERE d.remit_claim_id = rc.id ORDER BY d.id DESC LIMIT 1) END AS link_kind
            FROM remit_claim rc
            LEFT JOIN claim c ON c.id = rc.matched_claim_id
            LEFT JOIN plan pl ON pl.id = c.plan_id
            """;

    private static final String BATCHES = "SELECT batch_id FROM remit_posting WHERE payment_id = :p";

    private final Handle handle;

    JdbiPostingRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<PaymentHeader> payment(long paymentId) {
        return handle.createQuery("""
                        SELECT id, payer_name, payer_identifier, trace_number, amount, payment_date, status
                        FROM payment WHERE id = :p""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new PaymentHeader(rs.getLong("id"), rs.getString("payer_name"),
                        rs.getString("payer_identifier"), rs.getString("trace_number"), Money.of(rs.getBigDecimal("amount")),
                        rs.getObject("payment_date", LocalDate.class), PaymentStatus.valueOf(rs.getString("status"))))
                .findOne();
    }

    /** The CAS totals by group come with the claim payment (V056): no second read of its adjustments. */
    @Override
    public List<ClaimLine> claimLines(long paymentId) {
        return handle.createQuery(LINES + " WHERE rc.payment_id = :p ORDER BY rc.seq")
                .bind("p", paymentId)
                .map((rs, ctx) -> line(rs))
                .list();
    }

    @Override
    public Optional<ClaimLine> claimLine(long remitClaimId) {
        return handle.createQuery(LINES + " WHERE rc.id = :id").bind("id", remitClaimId)
                .map((rs, ctx) -> line(rs)).findOne();
    }

    private static ClaimLine line(ResultSet rs) throws SQLException {
        Integer fill = rs.getObject("fill_number", Integer.class);
        return new ClaimLine(rs.getLong("id"), rs.getInt("seq"), rs.getString("patient_control_number"),
                rs.getString("status_code"), money(rs, "charge_amount"), money(rs, "paid_amount"),
                money(rs, "patient_responsibility"), MatchStatus.valueOf(rs.getString("match_status")),
                rs.getObject("matched_claim_id", Long.class), rs.getString("rx_number"), fill,
                money(rs, "plan_paid_amount"), money(rs, "patient_pay_amount"), rs.getObject("patient_id", Long.class),
                rs.getObject("payer_id", Long.class), money(rs, "co_total"), money(rs, "pi_total"), money(rs, "oa_total"),
                money(rs, "pr_total"), rs.getObject("linked_remit_claim_id", Long.class), rs.getString("link_kind"));
    }

    @Override
    public List<PlbLine> plbLines(long paymentId) {
        return handle.createQuery("SELECT id, seq, reason_code, reference, amount FROM plb_item WHERE payment_id = :p ORDER BY seq")
                .bind("p", paymentId)
                .map((rs, ctx) -> new PlbLine(rs.getLong("id"), rs.getInt("seq"), rs.getString("reason_code"),
                        rs.getString("reference"), Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    @Override
    public java.util.OptionalLong plbPayment(long plbId) {
        return handle.createQuery("SELECT payment_id FROM plb_item WHERE id = :id").bind("id", plbId)
                .mapTo(Long.class).findOne().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    @Override
    public List<NetEntry> netEntries(long paymentId) {
        return handle.createQuery("""
                        SELECT account, claim_id, patient_id, payer_id, source_type, source_id, SUM(amount) AS total
                        FROM ledger_entry WHERE batch_id IN (""" + BATCHES + """
                        )
                        GROUP BY account, claim_id, patient_id, payer_id, source_type, source_id
                        HAVING SUM(amount) <> 0
                        ORDER BY MIN(seq)""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new NetEntry(LedgerAccount.valueOf(rs.getString("account")), Money.of(rs.getBigDecimal("total")),
                        rs.getObject("claim_id", Long.class), rs.getObject("patient_id", Long.class),
                        rs.getObject("payer_id", Long.class), rs.getString("source_type"), rs.getString("source_id")))
                .list();
    }

    @Override
    public List<SourceNet> remitClaimNets(java.util.Collection<Long> claimIds) {
        List<SourceNet> nets = new java.util.ArrayList<>();
        for (List<Long> ids : JdbiMatchRepository.arrays(claimIds)) {
            handle.createQuery("""
                        SELECT claim_id, source_type, source_id, account, patient_id, payer_id, SUM(amount) AS total
                        FROM ledger_entry USE INDEX (ledger_claim) WHERE claim_id = ANY(:ids)
                        GROUP BY claim_id, source_type, source_id, account, patient_id, payer_id HAVING SUM(amount) <> 0""")
                    .bindArray("ids", Long.class, ids)
                    .map((rs, ctx) -> "REMIT_CLAIM".equals(rs.getString("source_type"))
                            ? new SourceNet(rs.getLong("claim_id"), rs.getString("source_id"),
                            LedgerAccount.valueOf(rs.getString("account")), rs.getObject("patient_id", Long.class),
                            rs.getObject("payer_id", Long.class), Money.of(rs.getBigDecimal("total"))) : null)
                    .forEach(n -> {
                        if (n != null) {
                            nets.add(n);
                        }
                    });
        }
        return nets;
    }

    @Override
    public Money postedCash(long paymentId) {
        BigDecimal sum = handle.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account = 'PAYER_CASH' "
                        + "AND batch_id IN (" + BATCHES + ")")
                .bind("p", paymentId).mapTo(BigDecimal.class).one();
        return Money.of(sum);
    }

    @Override
    public void recordPosting(long paymentId, UUID batchId, PostingKind kind, Money cash, String reason, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO remit_posting (payment_id, batch_id, kind, cash, reason, posted_at, posted_by)
                        VALUES (:p, :b, :k, :c, :r, :at, :by)""")
                .bind("p", paymentId).bind("b", batchId).bind("k", kind.name()).bind("c", cash.amount())
                .bind("r", reason).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("by", by)
                .execute();
    }

    private static final RowMapper<PostingRecord> RECORD = (rs, ctx) -> new PostingRecord(rs.getLong("id"),
            rs.getLong("payment_id"), rs.getObject("batch_id", UUID.class), PostingKind.valueOf(rs.getString("kind")),
            Money.of(rs.getBigDecimal("cash")), rs.getString("reason"),
            rs.getObject("posted_at", OffsetDateTime.class).toInstant(), rs.getString("posted_by"));

    @Override
    public List<PostingRecord> postings(long paymentId) {
        return handle.createQuery("SELECT * FROM remit_posting WHERE payment_id = :p ORDER BY id")
                .bind("p", paymentId).map(RECORD).list();
    }

    @Override
    public void setStatus(long paymentId, PaymentStatus status) {
        handle.createUpdate("UPDATE payment SET status = :s, posting_held_reason = NULL WHERE id = :p")
                .bind("s", status.name()).bind("p", paymentId).execute();
    }

    @Override
    public void holdPosting(long paymentId, String reason) {
        handle.createUpdate("UPDATE payment SET posting_held_reason = :r WHERE id = :p")
                .bind("r", reason).bind("p", paymentId).execute();
    }

    @Override
    public Optional<Long> payerId(String payerName, String payerIdentifier) {
        return handle.createQuery("""
                        SELECT id FROM payer WHERE UPPER(name) = UPPER(:n) OR (:i <> '' AND payer_identifier = :i)
                        ORDER BY CASE WHEN UPPER(name) = UPPER(:n) THEN 0 ELSE 1 END, id""")
                .bind("n", payerName == null ? "" : payerName.strip())
                .bind("i", payerIdentifier == null ? "" : payerIdentifier.strip())
                .mapTo(Long.class).findFirst();
    }

    @Override
    public void recordPlbAttribution(long plbId, long claimId, String reason, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO plb_attribution (plb_item_id, claim_id, reason, attributed_at, attributed_by)
                        VALUES (:plb, :c, :r, :at, :by)""")
                .bind("plb", plbId).bind("c", claimId).bind("r", reason)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("by", by)
                .execute();
    }

    @Override
    public Map<Long, PlbAttribution> plbAttributions(long paymentId) {
        Map<Long, PlbAttribution> latest = new HashMap<>();
        handle.createQuery("""
                        SELECT a.id, a.plb_item_id, a.claim_id, a.reason, a.attributed_at, a.attributed_by
                        FROM plb_attribution a JOIN plb_item p ON p.id = a.plb_item_id
                        WHERE p.payment_id = :p ORDER BY a.id""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new PlbAttribution(rs.getLong("id"), rs.getLong("plb_item_id"), rs.getLong("claim_id"),
                        rs.getString("reason"), rs.getObject("attributed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("attributed_by")))
                .forEach(a -> latest.put(a.plbId(), a));   // ordered by id: the latest row wins
        return latest;
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : Money.of(v);
    }
}
