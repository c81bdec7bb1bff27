package org.rxledger.core.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconRepository;

/** Reconciliation reads: one aggregate query each, streamed row by row. */
final class JdbiReconRepository implements ReconRepository {

    private final Handle handle;

    JdbiReconRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void claimTotals(Consumer<ClaimTotals> sink) {
        // remittance claim aggregates per matched claim, joined once (no query per claim). A claim reversed or
        // rebilled at the counter expects nothing any more: a payment for it is money owed back (OVERPAID)
        try (var stream = handle.createQuery("""
                        SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, py.name AS payer_name,
                               CASE WHEN c.lifecycle = 'ACTIVE' THEN c.plan_paid_amount ELSE 0 END AS expected,
                               r.paid, r.lines, r.reversals, r.denials
                        FROM claim c
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        LEFT JOIN (
                            SELECT rc.matched_claim_id AS claim_id, SUM(rc.paid_amount) AS paid, COUNT(*) AS lines,
                                   SUM(CASE WHEN rc.status_code = '22' THEN 1 ELSE 0 END) AS reversals,
                                   SUM(CASE WHEN rc.status_code = '4' OR (rc.paid_amount = 0 AND rc.status_code <> '22'
                                        AND EXISTS (SELECT 1 FROM remit_adjustment a WHERE a.remit_claim_id = rc.id
                                                    AND a.group_code <> 'PR' AND a.amount <> 0)) THEN 1 ELSE 0 END) AS denials
                            FROM remit_claim rc WHERE rc.matched_claim_id IS NOT NULL
                            GROUP BY rc.matched_claim_id) r ON r.claim_id = c.id
                        WHERE c.response_status IN ('P', 'C') AND (c.lifecycle = 'ACTIVE' OR r.lines IS NOT NULL)
                        ORDER BY c.rx_number, c.fill_number, c.date_of_service, c.id""")
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
    public void openReceivables(Consumer<OpenReceivable> sink) {
        try (var stream = handle.createQuery("""
                        SELECT c.id, py.name AS payer_name, c.date_of_service, b.balance
                        FROM (SELECT claim_id, SUM(amount) AS balance FROM ledger_entry
                              WHERE account = 'THIRD_PARTY_RECEIVABLE' AND claim_id IS NOT NULL
                              GROUP BY claim_id HAVING SUM(amount) <> 0) b
                        JOIN claim c ON c.id = b.claim_id
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        ORDER BY py.name, c.date_of_service""")
                .setFetchSize(1000)
                .map((rs, ctx) -> new OpenReceivable(rs.getLong("id"), rs.getString("payer_name"),
                        rs.getObject("date_of_service", LocalDate.class), Money.of(rs.getBigDecimal("balance"))))
                .stream()) {
            stream.forEach(sink);
        }
    }
}
