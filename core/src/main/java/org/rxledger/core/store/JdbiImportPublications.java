package org.rxledger.core.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.remit.ImportPublications;
import org.rxledger.core.access.Actor;

/** {@code remit_import} rows (V018): marks before the import, manifest inside it, state after it. */
final class JdbiImportPublications implements ImportPublications {

    /** Mark column → the table and id column it guards, in the order rows are removed by a repair. */
    static final Map<String, String> MARKS = markColumns();

    private final Handle handle;
    private final Actor actor;
    private final Clock clock;

    JdbiImportPublications(Handle handle, Actor actor, Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    private static Map<String, String> markColumns() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("ledger_mark", "ledger_entry.seq");
        m.put("posting_mark", "remit_posting.id");
        m.put("decision_mark", "match_decision.id");
        m.put("remark_mark", "remit_remark.id");
        m.put("adjustment_mark", "remit_adjustment.id");
        m.put("line_mark", "remit_service_line.id");
        m.put("claim_mark", "remit_claim.id");
        m.put("plb_mark", "plb_item.id");
        m.put("payment_mark", "payment.id");
        m.put("file_mark", "remit_file.id");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public long begin(String sha256, String fileName) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (Map.Entry<String, String> e : MARKS.entrySet()) {
            String[] tc = e.getValue().split("\\.");
            cols.append(", ").append(e.getKey());
            // MAX over the primary key: one index step, not a scan
            vals.append(", (SELECT COALESCE(MAX(").append(tc[1]).append("), 0) FROM ").append(tc[0]).append(')');
        }
        return handle.createUpdate("INSERT INTO remit_import (sha256, file_name, state, started_at, started_by" + cols
                        + ") VALUES (:sha, :name, 'RUNNING', :at, :by" + vals + ")")
                .bind("sha", sha256)
                .bind("name", fileName)
                .bind("at", now())
                .bind("by", actor.user())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public void recordManifest(long importId, long remitFileId) {
        Manifest m = Manifest.measure(handle, remitFileId);
        handle.createUpdate("""
                        UPDATE remit_import SET remit_file_id = :file, payments = :payments, payment_total = :paymentTotal,
                            posted_payments = :posted, posted_total = :postedTotal, claims = :claims,
                            claim_paid_total = :claimPaid, matched_claims = :matched, service_lines = :lines,
                            adjustments = :adjustments, plb_items = :plb, decisions = :decisions, postings = :postings,
                            ledger_entries = :entries, ledger_cash = :cash, ledger_net = :net
                        WHERE id = :id""")
                .bind("file", remitFileId)
                .bind("payments", m.payments()).bind("paymentTotal", m.paymentTotal())
                .bind("posted", m.postedPayments()).bind("postedTotal", m.postedTotal())
                .bind("claims", m.claims()).bind("claimPaid", m.claimPaidTotal()).bind("matched", m.matchedClaims())
                .bind("lines", m.serviceLines()).bind("adjustments", m.adjustments()).bind("plb", m.plbItems())
                .bind("decisions", m.decisions()).bind("postings", m.postings())
                .bind("entries", m.ledgerEntries()).bind("cash", m.ledgerCash()).bind("net", m.ledgerNet())
                .bind("id", importId)
                .execute();
    }

    @Override
    public void publish(long importId) {
        finish(handle, importId, "PUBLISHED", null, now());
    }

    @Override
    public void abandon(long importId, String why) {
        finish(handle, importId, "ABANDONED", why, now());
    }

    static void finish(Handle handle, long importId, String state, String note, OffsetDateTime at) {
        handle.createUpdate("UPDATE remit_import SET state = :s, note = :n, finished_at = :at WHERE id = :id")
                .bind("s", state).bind("n", note).bind("at", at).bind("id", importId).execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * What an import wrote for one file, counted and summed through the file's own rows. Measured once
     * inside the import transaction and again after a crash: equal means every table holds the whole file.
     */
    record Manifest(long payments, BigDecimal paymentTotal, long postedPayments, BigDecimal postedTotal, long claims,
                    BigDecimal claimPaidTotal, long matchedClaims, long serviceLines, long adjustments, long plbItems,
                    long decisions, long postings, long ledgerEntries, BigDecimal ledgerCash, BigDecimal ledgerNet) {

        static Manifest measure(Handle h, long fileId) {
            Map<String, Object> p = h.createQuery("""
                            SELECT COUNT(*) n, COALESCE(SUM(amount), 0) total,
                                   COALESCE(SUM(CASE WHEN status = 'POSTED' THEN 1 ELSE 0 END), 0) posted,
                                   COALESCE(SUM(CASE WHEN status = 'POSTED' THEN amount ELSE 0 END), 0) posted_total
                            FROM payment WHERE remit_file_id = :f""").bind("f", fileId).mapToMap().one();
            Map<String, Object> c = h.createQuery("""
                            SELECT COUNT(*) n, COALESCE(SUM(c.paid_amount), 0) paid,
                                   COALESCE(SUM(CASE WHEN c.match_status <> 'UNMATCHED' THEN 1 ELSE 0 END), 0) matched
                            FROM payment p JOIN remit_claim c ON c.payment_id = p.id
                            WHERE p.remit_file_id = :f""").bind("f", fileId).mapToMap().one();
            long lines = count(h, """
                    SELECT COUNT(*) FROM payment p JOIN remit_claim c ON c.payment_id = p.id
                    JOIN remit_service_line l ON l.remit_claim_id = c.id WHERE p.remit_file_id = :f""", fileId);
            long adjustments = count(h, """
                    SELECT COUNT(*) FROM payment p JOIN remit_claim c ON c.payment_id = p.id
                    JOIN remit_adjustment a ON a.remit_claim_id = c.id WHERE p.remit_file_id = :f""", fileId);
            long plb = count(h, """
                    SELECT COUNT(*) FROM payment p JOIN plb_item i ON i.payment_id = p.id WHERE p.remit_file_id = :f""",
                    fileId);
            long decisions = count(h, """
                    SELECT COUNT(*) FROM payment p JOIN remit_claim c ON c.payment_id = p.id
                    JOIN match_decision d ON d.remit_claim_id = c.id WHERE p.remit_file_id = :f""", fileId);
            long postings = count(h, """
                    SELECT COUNT(*) FROM payment p JOIN remit_posting r ON r.payment_id = p.id WHERE p.remit_file_id = :f""",
                    fileId);
            Map<String, Object> l = h.createQuery("""
                            SELECT COUNT(*) n, COALESCE(SUM(CASE WHEN e.account = 'PAYER_CASH' THEN e.amount ELSE 0 END), 0) cash,
                                   COALESCE(SUM(e.amount), 0) net
                            FROM payment p JOIN remit_posting r ON r.payment_id = p.id
                            JOIN ledger_entry e ON e.batch_id = r.batch_id WHERE p.remit_file_id = :f""")
                    .bind("f", fileId).mapToMap().one();
            return new Manifest(num(p, "n"), dec(p, "total"), num(p, "posted"), dec(p, "posted_total"), num(c, "n"),
                    dec(c, "paid"), num(c, "matched"), lines, adjustments, plb, decisions, postings, num(l, "n"),
                    dec(l, "cash"), dec(l, "net"));
        }

        /** The manifest recorded in {@code remit_import}, or null when the import's transaction is not on disk. */
        static Manifest recorded(Map<String, Object> row) {
            if (row.get("remit_file_id") == null) {
                return null;
            }
            return new Manifest(num(row, "payments"), dec(row, "payment_total"), num(row, "posted_payments"),
                    dec(row, "posted_total"), num(row, "claims"), dec(row, "claim_paid_total"), num(row, "matched_claims"),
                    num(row, "service_lines"), num(row, "adjustments"), num(row, "plb_items"), num(row, "decisions"),
                    num(row, "postings"), num(row, "ledger_entries"), dec(row, "ledger_cash"), dec(row, "ledger_net"));
        }

        /**
         * The books' own rule on top of the counts: the file's batches balance, and the cash they put on
         * the books is the BPR02 of the payments marked posted.
         */
        boolean balanced() {
            return ledgerNet.signum() == 0 && ledgerCash.compareTo(postedTotal) == 0 && postings == postedPayments;
        }

        boolean sameAs(Manifest other) {
            return other != null && payments == other.payments && postedPayments == other.postedPayments
                    && claims == other.claims && matchedClaims == other.matchedClaims && serviceLines == other.serviceLines
                    && adjustments == other.adjustments && plbItems == other.plbItems && decisions == other.decisions
                    && postings == other.postings && ledgerEntries == other.ledgerEntries
                    && paymentTotal.compareTo(other.paymentTotal) == 0 && postedTotal.compareTo(other.postedTotal) == 0
                    && claimPaidTotal.compareTo(other.claimPaidTotal) == 0 && ledgerCash.compareTo(other.ledgerCash) == 0
                    && ledgerNet.compareTo(other.ledgerNet) == 0;
        }

        private static long count(Handle h, String sql, long fileId) {
            return h.createQuery(sql).bind("f", fileId).mapTo(Long.class).one();
        }

        private static long num(Map<String, Object> row, String key) {
            return ((Number) row.get(key)).longValue();
        }

        private static BigDecimal dec(Map<String, Object> row, String key) {
            Object v = row.get(key);
            return v instanceof BigDecimal b ? b.setScale(2, java.math.RoundingMode.UNNECESSARY)
                    : new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }
}
