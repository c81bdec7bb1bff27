package org.rxledger.core.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconRepository;

/** Reconciliation reads: one aggregate query each, streamed row by row. */
final class JdbiReconRepository implements ReconRepository {

    /** A claim's payer: the directory's by routing, else the payer of its plan. */
    private static final String CLAIM_PAYER = PayerSql.claimPayer("c", "py.name");

    private final Handle handle;

    JdbiReconRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void claimTotals(Consumer<ClaimTotals> sink) {
        // remittance claim aggregates per matched claim, joined once (no query per claim). A claim reversed or
        // rebilled at the counter expects nothing any more: a payment for it is money owed back (OVERPAID).
        // A PLB item the posting tied to the claim (automatically or by a person) is part of its story: a takeback
        // (positive PLB amount) lowers its net paid and counts as a reversal, as the claim's ledger already says
        // (docs/posting.md, "Net paid"). Read from the PLB accounts' entries, which carry the claim.
        try (var stream = handle.createQuery("""
                        SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, %s AS payer_name,
                               CASE WHEN c.lifecycle = 'ACTIVE' THEN c.plan_paid_amount ELSE 0 END AS expected,
                               COALESCE(r.paid, 0) - COALESCE(t.plb, 0) AS paid,
                               COALESCE(r.lines, 0) + COALESCE(t.items, 0) AS lines,
                               COALESCE(r.reversals, 0) + CASE WHEN t.plb > 0 THEN 1 ELSE 0 END AS reversals,
                               COALESCE(r.denials, 0) AS denials
                        FROM claim c
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        LEFT JOIN (
                            SELECT rc.matched_claim_id AS claim_id, SUM(rc.paid_amount) AS paid, COUNT(*) AS lines,
                                   SUM(CASE WHEN rc.status_code = '22' THEN 1 ELSE 0 END) AS reversals,
                                   SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS denials
                            FROM remit_claim rc WHERE rc.matched_claim_id IS NOT NULL
                            GROUP BY rc.matched_claim_id) r ON r.claim_id = c.id
                        LEFT JOIN %s t ON t.claim_id = c.id
                        WHERE c.response_status IN ('P', 'C')
                          AND (c.lifecycle = 'ACTIVE' OR r.lines IS NOT NULL OR t.plb IS NOT NULL)
                        ORDER BY c.rx_number, c.fill_number, c.date_of_service, c.id""".formatted(CLAIM_PAYER,
                        DenialSql.isDenial("rc"), TakebackSql.PER_CLAIM))
                .setFetchSize(1000)
                .map((rs, ctx) -> {
                    BigDecimal paid = rs.getBigDecimal("paid");
                    return new ClaimTotals(rs.getLong("id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                            rs.getObject("date_of_service", LocalDate.class), rs.getString("payer_name"),
                            Money.of(rs.getBigDecimal("expected")), paid == null ? Money.ZERO : Money.of(paid),
                            rs.getInt("lines"), rs.getInt("reversals"), rs.getInt("denials"));
                })
                .stream()) {
            stream.forEach(sink);
        }
    }

    @Override
    public void openClaims(LocalDate asOf, Consumer<OpenClaim> sink) {
        try (var stream = handle.createQuery("""
                        SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, %s AS payer_name,
                               pl.name AS plan_name, c.plan_paid_amount, b.balance
                        FROM (SELECT claim_id, SUM(amount) AS balance FROM ledger_entry
                              WHERE account = 'THIRD_PARTY_RECEIVABLE' AND claim_id IS NOT NULL AND effective_date <= :asOf
                              GROUP BY claim_id HAVING SUM(amount) <> 0) b
                        JOIN claim c ON c.id = b.claim_id
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        ORDER BY payer_name, c.date_of_service, c.rx_number, c.fill_number, c.id""".formatted(CLAIM_PAYER))
                .bind("asOf", asOf)
                .setFetchSize(1000)
                .map((rs, ctx) -> new OpenClaim(rs.getLong("id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                        rs.getObject("date_of_service", LocalDate.class), rs.getString("payer_name"),
                        rs.getString("plan_name"), Money.of(rs.getBigDecimal("plan_paid_amount")),
                        Money.of(rs.getBigDecimal("balance"))))
                .stream()) {
            stream.forEach(sink);
        }
    }

    @Override
    public void openByDay(LocalDate asOf, Consumer<OpenByDay> sink) {
        // summed by routing and day before the payer directory is asked (once per routing, not per claim)
        handle.createQuery("""
                        SELECT y.payer_name, y.date_of_service, y.credit, SUM(y.claims) AS claims, SUM(y.balance) AS balance
                        FROM (SELECT %s AS payer_name, x.date_of_service, x.credit, x.claims, x.balance
                              FROM (SELECT py.name, c.bin, c.pcn, c.group_id, c.date_of_service, b.balance < 0 AS credit,
                                           COUNT(*) AS claims, SUM(b.balance) AS balance
                                    FROM (SELECT claim_id, SUM(amount) AS balance FROM ledger_entry
                                          WHERE account = 'THIRD_PARTY_RECEIVABLE' AND claim_id IS NOT NULL
                                            AND effective_date <= :asOf
                                          GROUP BY claim_id HAVING SUM(amount) <> 0) b
                                    JOIN claim c ON c.id = b.claim_id
                                    JOIN plan pl ON pl.id = c.plan_id
                                    JOIN payer py ON py.id = pl.payer_id
                                    GROUP BY py.name, c.bin, c.pcn, c.group_id, c.date_of_service, credit) x) y
                        GROUP BY y.payer_name, y.date_of_service, y.credit
                        ORDER BY y.payer_name, y.date_of_service""".formatted(PayerSql.claimPayer("x", "x.name")))
                .bind("asOf", asOf)
                .map((rs, ctx) -> new OpenByDay(rs.getString("payer_name"), rs.getObject("date_of_service", LocalDate.class),
                        rs.getBoolean("credit"), rs.getInt("claims"), Money.of(rs.getBigDecimal("balance"))))
                .forEach(sink);
    }

    @Override
    public void openReceivables(Consumer<OpenReceivable> sink) {
        try (var stream = handle.createQuery("""
                        SELECT c.id, %s AS payer_name, c.date_of_service, b.balance
                        FROM (SELECT claim_id, SUM(amount) AS balance FROM ledger_entry
                              WHERE account = 'THIRD_PARTY_RECEIVABLE' AND claim_id IS NOT NULL
                              GROUP BY claim_id HAVING SUM(amount) <> 0) b
                        JOIN claim c ON c.id = b.claim_id
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        ORDER BY payer_name, c.date_of_service""".formatted(CLAIM_PAYER))
                .setFetchSize(1000)
                .map((rs, ctx) -> new OpenReceivable(rs.getLong("id"), rs.getString("payer_name"),
                        rs.getObject("date_of_service", LocalDate.class), Money.of(rs.getBigDecimal("balance"))))
                .stream()) {
            stream.forEach(sink);
        }
    }

    /**
     * An 835 payment's payer: the directory's, else the payer-table name of its N1*PR payer (as posting resolves
     * it), else the name as sent.
     */
    static final String PAYMENT_PAYER = PayerSql.paymentPayer("p", """
            COALESCE((SELECT MIN(y.name) FROM payer y WHERE UPPER(y.name) = UPPER(TRIM(p.payer_name))),
                     (SELECT MIN(y.name) FROM payer y WHERE p.payer_identifier <> '' AND y.payer_identifier = p.payer_identifier),
                     p.payer_name)""");

    @Override
    public void arMovements(LocalDate from, LocalDate to, Consumer<ArMovement> sink) {
        // one day per query: the window below holds a day's entries, never a month's (a bounded heap, issue 20)
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            arMovementsOf(day, sink);
        }
    }

    private void arMovementsOf(LocalDate day, Consumer<ArMovement> sink) {
        // group = (batch, source of the original entry): a reversing entry is grouped with what it reverses, so
        // every group that touches the receivable sums to zero and its other accounts say why it moved. The group's
        // claim is found by a window over the day's entries (by the date index), and everything joined by primary
        // key: the remittance claim by its id, not by comparing text (which read every remittance claim per row).
        // Summed by routing first, so the payer directory is asked once per routing rather than once per entry;
        // the distinct-claim counts add up because a claim has one routing.
        handle.createQuery("""
                        SELECT y.d, y.payer, y.own_source, y.account, y.status_code, SUM(y.amount) AS amount,
                               SUM(y.claims) AS claims
                        FROM (SELECT x.d, %s AS payer, x.own_source, x.account, x.status_code, x.amount, x.claims
                              FROM (SELECT m.d, py.name, c.bin, c.pcn, c.group_id, m.own_source, m.account, rc.status_code,
                                           SUM(m.amount) AS amount, COUNT(DISTINCT m.claim_id) AS claims
                                    FROM (SELECT le.effective_date AS d, le.account, le.amount, le.claim_id,
                                                 le.source_type AS own_source,
                                                 COALESCE(o.source_type, le.source_type) AS src_type,
                                                 COALESCE(o.source_id, le.source_id) AS src_id,
                                                 MIN(CASE WHEN le.account = 'THIRD_PARTY_RECEIVABLE' THEN le.claim_id END)
                                                     OVER (PARTITION BY le.batch_id, COALESCE(o.source_type, le.source_type),
                                                                        COALESCE(o.source_id, le.source_id)) AS group_claim
                                          FROM ledger_entry le LEFT JOIN ledger_entry o ON o.entry_id = le.reverses_entry_id
                                          WHERE le.effective_date = :day) m
                                    JOIN claim c ON c.id = m.group_claim
                                    JOIN plan pl ON pl.id = c.plan_id
                                    JOIN payer py ON py.id = pl.payer_id
                                    LEFT JOIN remit_claim rc
                                           ON rc.id = CASE WHEN m.src_type = 'REMIT_CLAIM' THEN CAST(m.src_id AS BIGINT) END
                                    GROUP BY m.d, py.name, c.bin, c.pcn, c.group_id, m.own_source, m.account,
                                             rc.status_code) x) y
                        GROUP BY y.d, y.payer, y.own_source, y.account, y.status_code
                        ORDER BY y.d, y.payer""".formatted(PayerSql.claimPayer("x", "x.name")))
                .bind("day", day)
                .map((rs, ctx) -> new ArMovement(rs.getObject("d", LocalDate.class), rs.getString("payer"),
                        rs.getString("own_source"), rs.getString("account"), rs.getString("status_code"),
                        Money.of(rs.getBigDecimal("amount")), rs.getInt("claims")))
                .forEach(sink);
    }

    @Override
    public void adjudicatedClaims(LocalDate from, LocalDate to, Consumer<DayClaims> sink) {
        // counted from the claims, not from their receivable entries: a claim the plan pays $0.00 (the patient pays
        // it all) writes no receivable, yet it was adjudicated that day (issue 20)
        handle.createQuery("""
                        SELECT CAST((c.adjudicated_at AT TIME ZONE 'UTC') AS DATE) AS d, %s AS payer, COUNT(*) AS claims
                        FROM claim c
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        WHERE c.response_status IN ('P', 'C') AND c.adjudicated_at >= :fromTs AND c.adjudicated_at < :toTs
                        GROUP BY d, payer
                        ORDER BY d, payer""".formatted(CLAIM_PAYER))
                .bind("fromTs", from.atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .bind("toTs", to.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .map((rs, ctx) -> new DayClaims(rs.getObject("d", LocalDate.class), rs.getString("payer"), rs.getInt("claims")))
                .forEach(sink);
    }

    @Override
    public void arBalances(LocalDate from, LocalDate to, Consumer<ArBalance> sink) {
        handle.createQuery("""
                        SELECT y.d, y.payer, SUM(y.amount) AS amount FROM (
                            SELECT x.d, %s AS payer, x.amount FROM (
                                SELECT z.d, z.name, z.bin, z.pcn, z.group_id, SUM(z.amount) AS amount FROM (
                                    SELECT CASE WHEN le.effective_date < :from THEN NULL ELSE le.effective_date END AS d,
                                           py.name, c.bin, c.pcn, c.group_id, le.amount
                                    FROM ledger_entry le
                                    JOIN claim c ON c.id = le.claim_id
                                    JOIN plan pl ON pl.id = c.plan_id
                                    JOIN payer py ON py.id = pl.payer_id
                                    WHERE le.account = 'THIRD_PARTY_RECEIVABLE' AND le.effective_date <= :to) z
                                GROUP BY z.d, z.name, z.bin, z.pcn, z.group_id) x) y
                        GROUP BY y.d, y.payer""".formatted(PayerSql.claimPayer("x", "x.name")))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new ArBalance(rs.getObject("d", LocalDate.class), rs.getString("payer"),
                        Money.of(rs.getBigDecimal("amount"))))
                .forEach(sink);
    }

    @Override
    public void dayPayments(LocalDate from, LocalDate to, Consumer<DayPayment> sink) {
        handle.createQuery("""
                        SELECT p.id, p.payment_date, %s AS payer, p.trace_number,
                               CASE WHEN p.credit_debit = 'D' THEN -p.amount ELSE p.amount END AS amount,
                               p.method, p.status,
                               COALESCE(x.cash, 0) AS posted, COALESCE(x.claims_cash, 0) AS claims_cash,
                               COALESCE(x.unapplied, 0) AS unapplied, COALESCE(x.plb_cash, 0) AS plb_cash
                        FROM payment p
                        LEFT JOIN (
                            SELECT rp.payment_id,
                                   SUM(CASE WHEN le.account = 'PAYER_CASH' THEN le.amount ELSE 0 END) AS cash,
                                   SUM(CASE WHEN COALESCE(o.source_type, le.source_type) = 'REMIT_CLAIM'
                                            AND le.account IN ('PAYER_CASH', 'UNAPPLIED_CASH') THEN le.amount ELSE 0 END) AS claims_cash,
                                   SUM(CASE WHEN le.account = 'UNAPPLIED_CASH' THEN -le.amount ELSE 0 END) AS unapplied,
                                   SUM(CASE WHEN COALESCE(o.source_type, le.source_type) = 'REMIT_PLB'
                                            AND le.account = 'PAYER_CASH' THEN le.amount ELSE 0 END) AS plb_cash
                            FROM remit_posting rp
                            JOIN payment rpp ON rpp.id = rp.payment_id
                            JOIN ledger_entry le ON le.batch_id = rp.batch_id
                            LEFT JOIN ledger_entry o ON o.entry_id = le.reverses_entry_id
                            WHERE rpp.payment_date BETWEEN :from AND :to
                            GROUP BY rp.payment_id) x ON x.payment_id = p.id
                        WHERE p.payment_date BETWEEN :from AND :to
                        ORDER BY p.payment_date, p.id""".formatted(PAYMENT_PAYER))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DayPayment(rs.getLong("id"), rs.getObject("payment_date", LocalDate.class),
                        rs.getString("payer"), rs.getString("trace_number"), Money.of(rs.getBigDecimal("amount")),
                        rs.getString("method"), rs.getString("status"), Money.of(rs.getBigDecimal("posted")),
                        Money.of(rs.getBigDecimal("claims_cash")), Money.of(rs.getBigDecimal("unapplied")),
                        Money.of(rs.getBigDecimal("plb_cash"))))
                .forEach(sink);
    }

    @Override
    public void dayPlb(LocalDate from, LocalDate to, Consumer<DayPlb> sink) {
        handle.createQuery("""
                        SELECT p.payment_date, %s AS payer, i.reason_code, COUNT(*) AS items, SUM(i.amount) AS amount
                        FROM plb_item i JOIN payment p ON p.id = i.payment_id
                        WHERE p.payment_date BETWEEN :from AND :to
                        GROUP BY p.payment_date, payer, i.reason_code
                        ORDER BY p.payment_date, payer, i.reason_code""".formatted(PAYMENT_PAYER))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DayPlb(rs.getObject("payment_date", LocalDate.class), rs.getString("payer"),
                        rs.getString("reason_code"), rs.getInt("items"), Money.of(rs.getBigDecimal("amount"))))
                .forEach(sink);
    }

    @Override
    public void dayRemitLines(LocalDate from, LocalDate to, Consumer<DayRemitLines> sink) {
        // outcome of each claim payment against the plan paid at adjudication (509-F9), as ClaimReconciliation
        // judges a claim: denial = CLP02 4, or nothing paid with a CO/PI/OA adjustment where the plan owed something;
        // an MFP refund (the MTF's) never matches a plan's claim, so it is no unmatched plan cash (ADR 0023)
        handle.createQuery("""
                        SELECT l.payment_date, l.payer,
                               SUM(CASE WHEN l.outcome = 'UNMATCHED' THEN 1 ELSE 0 END) AS unmatched,
                               SUM(CASE WHEN l.outcome = 'UNMATCHED' THEN l.paid ELSE 0 END) AS unmatched_cash,
                               SUM(CASE WHEN l.outcome = 'SHORT' THEN 1 ELSE 0 END) AS short_paid,
                               SUM(CASE WHEN l.outcome = 'SHORT' THEN l.expected - l.paid ELSE 0 END) AS short_amount,
                               SUM(CASE WHEN l.outcome = 'OVER' THEN 1 ELSE 0 END) AS over_paid,
                               SUM(CASE WHEN l.outcome = 'OVER' THEN l.paid - l.expected ELSE 0 END) AS over_amount,
                               SUM(CASE WHEN l.outcome = 'DENIED' THEN 1 ELSE 0 END) AS denied,
                               SUM(CASE WHEN l.outcome = 'DENIED' THEN l.expected ELSE 0 END) AS denied_expected,
                               SUM(CASE WHEN l.outcome = 'REVERSAL' THEN 1 ELSE 0 END) AS reversals,
                               SUM(CASE WHEN l.outcome = 'REVERSAL' THEN -l.paid ELSE 0 END) AS reversed_amount
                        FROM (
                            SELECT p.payment_date, %s AS payer, rc.matched_claim_id AS claim_id, rc.paid_amount AS paid,
                                   c.plan_paid_amount AS expected,
                                   CASE WHEN NOT (%s) THEN 'MFP_REFUND'
                                        WHEN rc.matched_claim_id IS NULL THEN 'UNMATCHED'
                                        WHEN rc.status_code = '22' THEN 'REVERSAL'
                                        WHEN %s THEN 'DENIED'
                                        WHEN rc.paid_amount < c.plan_paid_amount THEN 'SHORT'
                                        WHEN rc.paid_amount > c.plan_paid_amount THEN 'OVER'
                                        ELSE 'PAID' END AS outcome
                            FROM remit_claim rc
                            JOIN payment p ON p.id = rc.payment_id
                            LEFT JOIN claim c ON c.id = rc.matched_claim_id
                            WHERE p.payment_date BETWEEN :from AND :to) l
                        GROUP BY l.payment_date, l.payer
                        ORDER BY l.payment_date, l.payer""".formatted(PAYMENT_PAYER, MfpSql.notRefundPayment("p"),
                        DenialSql.isDenial("rc")))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DayRemitLines(rs.getObject("payment_date", LocalDate.class), rs.getString("payer"),
                        rs.getInt("unmatched"), Money.of(rs.getBigDecimal("unmatched_cash")), rs.getInt("short_paid"),
                        Money.of(rs.getBigDecimal("short_amount")), rs.getInt("over_paid"),
                        Money.of(rs.getBigDecimal("over_amount")), rs.getInt("denied"),
                        Money.of(rs.getBigDecimal("denied_expected")), rs.getInt("reversals"),
                        Money.of(rs.getBigDecimal("reversed_amount"))))
                .forEach(sink);
    }

    @Override
    public void dayDeposits(LocalDate from, LocalDate to, Consumer<DayDeposits> sink) {
        handle.createQuery("""
                        SELECT d.deposit_date, COUNT(*) AS n, SUM(d.amount) AS amount FROM deposit d
                        WHERE d.deposit_date BETWEEN :from AND :to
                          AND NOT EXISTS (SELECT 1 FROM deposit_void v WHERE v.deposit_id = d.id)
                        GROUP BY d.deposit_date ORDER BY d.deposit_date""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DayDeposits(rs.getObject("deposit_date", LocalDate.class), rs.getInt("n"),
                        Money.of(rs.getBigDecimal("amount"))))
                .forEach(sink);
    }

    @Override
    public java.util.Optional<LocalDate[]> activityRange() {
        return handle.createQuery("""
                        SELECT MIN(d) AS first_day, MAX(d) AS last_day FROM (
                            SELECT MIN(effective_date) AS d FROM ledger_entry UNION ALL SELECT MAX(effective_date) FROM ledger_entry
                            UNION ALL SELECT MIN(payment_date) FROM payment UNION ALL SELECT MAX(payment_date) FROM payment
                            UNION ALL SELECT MIN(deposit_date) FROM deposit UNION ALL SELECT MAX(deposit_date) FROM deposit) x""")
                .map((rs, ctx) -> {
                    LocalDate first = rs.getObject("first_day", LocalDate.class);
                    return first == null ? new LocalDate[0] : new LocalDate[] {first, rs.getObject("last_day", LocalDate.class)};
                })
                .findFirst().filter(r -> r.length == 2);
    }
}
