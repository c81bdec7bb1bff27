package org.rxledger.core.store;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.kpi.KpiRepository;
import org.rxledger.core.money.Money;

/** The dashboard's reads: one aggregate query each, grouped by routing before the payer directory is asked. */
final class JdbiKpiRepository implements KpiRepository {

    private static final String ROUTING_PAYER = PayerSql.claimPayer("x", "x.name");

    private final Handle handle;

    JdbiKpiRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Receivable> receivables(LocalDate asOf) {
        return handle.createQuery("""
                        SELECT y.payer, SUM(y.balance) AS balance
                        FROM (SELECT %s AS payer, x.balance
                              FROM (SELECT py.name, c.bin, c.pcn, c.group_id, SUM(le.amount) AS balance
                                    FROM ledger_entry le
                                    JOIN claim c ON c.id = le.claim_id
                                    JOIN plan pl ON pl.id = c.plan_id
                                    JOIN payer py ON py.id = pl.payer_id
                                    WHERE le.account = 'THIRD_PARTY_RECEIVABLE' AND le.effective_date <= :asOf
                                    GROUP BY py.name, c.bin, c.pcn, c.group_id) x) y
                        GROUP BY y.payer HAVING SUM(y.balance) <> 0
                        ORDER BY y.payer""".formatted(ROUTING_PAYER))
                .bind("asOf", asOf)
                .map((rs, ctx) -> new Receivable(rs.getString("payer"), Money.of(rs.getBigDecimal("balance"))))
                .list();
    }

    @Override
    public List<Sales> sales(LocalDate from, LocalDate to) {
        return handle.createQuery("""
                        SELECT y.payer, SUM(y.claims) AS claims, SUM(y.plan_paid) AS plan_paid
                        FROM (SELECT %s AS payer, x.claims, x.plan_paid
                              FROM (SELECT py.name, c.bin, c.pcn, c.group_id, COUNT(*) AS claims,
                                           SUM(c.plan_paid_amount) AS plan_paid
                                    FROM claim c
                                    JOIN plan pl ON pl.id = c.plan_id
                                    JOIN payer py ON py.id = pl.payer_id
                                    WHERE c.response_status IN ('P', 'C') AND c.lifecycle = 'ACTIVE'
                                      AND c.date_of_service BETWEEN :from AND :to
                                    GROUP BY py.name, c.bin, c.pcn, c.group_id) x) y
                        GROUP BY y.payer
                        ORDER BY y.payer""".formatted(ROUTING_PAYER))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Sales(rs.getString("payer"), rs.getInt("claims"),
                        Money.of(rs.getBigDecimal("plan_paid"))))
                .list();
    }

    @Override
    public List<RemitLines> remitLines(LocalDate from, LocalDate to) {
        // outcomes as the daily reconciliation judges a claim payment (JdbiReconRepository.dayRemitLines)
        return handle.createQuery("""
                        SELECT l.payer, COUNT(*) AS lines,
                               SUM(CASE WHEN l.auto THEN 1 ELSE 0 END) AS auto_matched,
                               SUM(CASE WHEN l.outcome IN ('PAID', 'SHORT') AND l.paid > 0 THEN 1 ELSE 0 END) AS paid_lines,
                               SUM(CASE WHEN l.outcome IN ('PAID', 'SHORT') AND l.paid > 0 THEN l.days ELSE 0 END) AS days,
                               SUM(CASE WHEN l.outcome IN ('PAID', 'SHORT', 'DENIED') THEN 1 ELSE 0 END) AS judged,
                               SUM(CASE WHEN l.outcome = 'DENIED' THEN 1 ELSE 0 END) AS denied,
                               SUM(CASE WHEN l.outcome = 'SHORT' THEN 1 ELSE 0 END) AS short_paid,
                               SUM(CASE WHEN l.outcome = 'SHORT' THEN l.expected - l.paid ELSE 0 END) AS short_amount
                        FROM (
                            SELECT %s AS payer, rc.paid_amount AS paid, c.plan_paid_amount AS expected,
                                   DATEDIFF('DAY', c.date_of_service, p.payment_date) AS days,
                                   rc.match_status = 'MATCHED' AND NOT EXISTS (SELECT 1 FROM match_decision md
                                       WHERE md.remit_claim_id = rc.id AND md.action <> 'AUTO') AS auto,
                                   CASE WHEN rc.matched_claim_id IS NULL THEN 'UNMATCHED'
                                        WHEN rc.status_code = '22' THEN 'REVERSAL'
                                        WHEN %s THEN 'DENIED'
                                        WHEN rc.paid_amount < c.plan_paid_amount THEN 'SHORT'
                                        ELSE 'PAID' END AS outcome
                            FROM remit_claim rc
                            JOIN payment p ON p.id = rc.payment_id
                            LEFT JOIN claim c ON c.id = rc.matched_claim_id
                            WHERE p.payment_date BETWEEN :from AND :to AND %s) l
                        GROUP BY l.payer
                        ORDER BY l.payer""".formatted(JdbiReconRepository.PAYMENT_PAYER, DenialSql.isDenial("rc"),
                        MfpSql.notRefundPayment("p")))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new RemitLines(rs.getString("payer"), rs.getInt("lines"), rs.getInt("auto_matched"),
                        rs.getInt("paid_lines"), rs.getLong("days"), rs.getInt("judged"), rs.getInt("denied"),
                        rs.getInt("short_paid"), Money.of(rs.getBigDecimal("short_amount"))))
                .list();
    }

    @Override
    public List<DenialCode> denialCodes(LocalDate from, LocalDate to, int limit) {
        return handle.createQuery("""
                        SELECT a.group_code || '-' || a.reason_code AS code, COUNT(DISTINCT rc.id) AS lines,
                               SUM(a.amount) AS amount
                        FROM remit_claim rc
                        JOIN payment p ON p.id = rc.payment_id
                        JOIN remit_adjustment a ON a.remit_claim_id = rc.id
                        WHERE p.payment_date BETWEEN :from AND :to AND rc.matched_claim_id IS NOT NULL
                          AND rc.status_code <> '22' AND %s AND %s
                          AND a.group_code <> 'PR' AND a.amount <> 0 AND a.reason_code NOT IN (%s)
                        GROUP BY code
                        ORDER BY lines DESC, amount DESC, code
                        FETCH FIRST :limit ROWS ONLY""".formatted(DenialSql.isDenial("rc"), MfpSql.notRefundPayment("p"),
                        DenialSql.PRICING_REASONS))
                .bind("from", from).bind("to", to).bind("limit", limit)
                .map((rs, ctx) -> new DenialCode(rs.getString("code"), rs.getInt("lines"),
                        Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    @Override
    public List<PlbMonth> plbByMonth(LocalDate from, LocalDate to) {
        return handle.createQuery("""
                        SELECT YEAR(p.payment_date) AS y, MONTH(p.payment_date) AS m, i.reason_code,
                               COUNT(*) AS items, SUM(i.amount) AS amount
                        FROM plb_item i JOIN payment p ON p.id = i.payment_id
                        WHERE p.payment_date BETWEEN :from AND :to
                        GROUP BY y, m, i.reason_code
                        ORDER BY y, m, i.reason_code""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new PlbMonth(LocalDate.of(rs.getInt("y"), rs.getInt("m"), 1), rs.getString("reason_code"),
                        rs.getInt("items"), Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    @Override
    public List<ReceivableDay> receivableDays(LocalDate upTo) {
        return handle.createQuery("""
                        SELECT le.account = 'PATIENT_RECEIVABLE' AS patient, le.effective_date,
                               COALESCE(c.date_of_service, le.effective_date) AS dos, SUM(le.amount) AS amount
                        FROM ledger_entry le
                        LEFT JOIN claim c ON c.id = le.claim_id
                        WHERE le.account IN ('THIRD_PARTY_RECEIVABLE', 'PATIENT_RECEIVABLE') AND le.effective_date <= :upTo
                        GROUP BY patient, le.effective_date, dos
                        HAVING SUM(le.amount) <> 0
                        ORDER BY le.effective_date""")
                .bind("upTo", upTo)
                .map((rs, ctx) -> new ReceivableDay(rs.getBoolean("patient"), rs.getObject("effective_date", LocalDate.class),
                        rs.getObject("dos", LocalDate.class), Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    @Override
    public List<WriteOffs> writeOffs(LocalDate from, LocalDate to) {
        return handle.createQuery("""
                        SELECT r.kind, SUM(CASE WHEN d.decision = 'APPROVED' THEN 1 ELSE 0 END) AS approved,
                               SUM(CASE WHEN d.decision = 'APPROVED' THEN r.amount ELSE -r.amount END) AS amount
                        FROM write_off_decision d JOIN write_off_recommendation r ON r.id = d.recommendation_id
                        WHERE d.decision IN ('APPROVED', 'REVERSED') AND d.decided_at >= :fromTs AND d.decided_at < :toTs
                        GROUP BY r.kind
                        ORDER BY r.kind""")
                .bind("fromTs", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("toTs", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new WriteOffs(rs.getString("kind"), rs.getInt("approved"),
                        Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    @Override
    public Collected collected(LocalDate from, LocalDate to) {
        return handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM payment p WHERE p.payment_date BETWEEN :from AND :to) AS payments,
                               (SELECT COALESCE(SUM(CASE WHEN p.credit_debit = 'D' THEN -p.amount ELSE p.amount END), 0)
                                FROM payment p WHERE p.payment_date BETWEEN :from AND :to) AS payer_cash,
                               (SELECT COUNT(*) FROM patient_payment pp
                                WHERE pp.kind = 'PAYMENT' AND pp.received_on BETWEEN :from AND :to) AS patient_payments,
                               (SELECT COALESCE(SUM(CASE WHEN pp.kind = 'PAYMENT' THEN pp.amount ELSE -pp.amount END), 0)
                                FROM patient_payment pp WHERE pp.received_on BETWEEN :from AND :to) AS patient_cash""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Collected(rs.getInt("payments"), Money.of(rs.getBigDecimal("payer_cash")),
                        rs.getInt("patient_payments"), Money.of(rs.getBigDecimal("patient_cash"))))
                .one();
    }
}
