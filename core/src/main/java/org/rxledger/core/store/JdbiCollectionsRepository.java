package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.collections.AccountActivity;
import org.rxledger.core.collections.AccountItem;
import org.rxledger.core.collections.ApprovalTier;
import org.rxledger.core.collections.ClaimReceivable;
import org.rxledger.core.collections.CollectionsRepository;
import org.rxledger.core.collections.HoldKind;
import org.rxledger.core.collections.PaymentMethod;
import org.rxledger.core.collections.PaymentPlan;
import org.rxledger.core.collections.Statement;
import org.rxledger.core.collections.ThirdPartyWriteOffPolicy;
import org.rxledger.core.collections.WriteOff;
import org.rxledger.core.collections.WriteOffKind;
import org.rxledger.core.collections.WriteOffPolicy;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ClaimReconciliation;
import org.rxledger.core.recon.ReconStatus;

/**
 * Patient accounts on the ledger. An entry belongs to the house-charge account its fill is billed to, else to
 * the patient's own account ({@code P<patient id>}); the key is computed, never stored on the ledger.
 */
final class JdbiCollectionsRepository implements CollectionsRepository {

    private static final String ACCOUNT_KEY = "COALESCE('H:' || cca.account_code, 'P' || c.patient_id)";

    private final Handle handle;
    private final Clock clock;

    JdbiCollectionsRepository(Handle handle, Clock clock) {
        this.handle = handle;
        this.clock = clock;
    }

    @Override
    public List<AccountItem> openItems(String accountKey, LocalDate asOf) {
        return handle.createQuery("SELECT * FROM (SELECT " + ACCOUNT_KEY + """
                         AS account_key, c.id AS claim_id, c.patient_id, c.rx_number, c.fill_number, c.date_of_service,
                               d.name AS drug_name, p.last_name, p.first_name, cca.account_code, SUM(e.amount) AS balance,
                               (SELECT COALESCE(SUM(t.amount), 0) FROM ledger_entry t
                                 WHERE t.claim_id = c.id AND t.account = 'THIRD_PARTY_RECEIVABLE') AS third_party,
                               fp.plan_id IS NOT NULL AS federal
                        FROM ledger_entry e
                        JOIN claim c ON c.id = e.claim_id
                        JOIN patient p ON p.id = c.patient_id
                        JOIN drug d ON d.id = c.drug_id
                        LEFT JOIN claim_charge_account cca ON cca.claim_id = c.id
                        LEFT JOIN federal_program_plan fp ON fp.plan_id = c.plan_id
                        WHERE e.account = 'PATIENT_RECEIVABLE' AND e.effective_date <= :asOf
                        GROUP BY c.id, c.patient_id, c.rx_number, c.fill_number, c.date_of_service, d.name, p.last_name,
                                 p.first_name, cca.account_code, fp.plan_id
                        HAVING SUM(e.amount) <> 0) items
                        WHERE CAST(:key AS VARCHAR) IS NULL OR account_key = :key
                        ORDER BY account_key, date_of_service, claim_id""")
                .bind("asOf", asOf).bind("key", accountKey)
                .map((rs, ctx) -> new AccountItem(rs.getString("account_key"), name(rs), rs.getLong("claim_id"),
                        rs.getLong("patient_id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                        rs.getObject("date_of_service", LocalDate.class), rs.getString("drug_name"),
                        Money.of(rs.getBigDecimal("balance")), Money.of(rs.getBigDecimal("third_party")),
                        rs.getBoolean("federal")))
                .list();
    }

    @Override
    public List<ClaimReceivable> claimReceivables(Long claimId, LocalDate asOf) {
        return handle.createQuery("SELECT c.id, c.patient_id, pl.payer_id, " + PayerSql.claimPayer("c", "py.name") + """
                         AS payer_name, c.rx_number, c.fill_number, c.date_of_service, SUM(e.amount) AS balance,
                               EXISTS (SELECT 1 FROM claim r WHERE r.rx_number = c.rx_number AND r.fill_number = c.fill_number
                                        AND r.date_of_service = c.date_of_service AND r.id > c.id) AS rebilled
                        FROM ledger_entry e
                        JOIN claim c ON c.id = e.claim_id
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN payer py ON py.id = pl.payer_id
                        WHERE e.account = 'THIRD_PARTY_RECEIVABLE' AND e.effective_date <= :asOf
                          AND (CAST(:claim AS BIGINT) IS NULL OR c.id = :claim)
                        GROUP BY c.id, c.patient_id, pl.payer_id, py.name, c.rx_number, c.fill_number, c.date_of_service,
                                 c.bin, c.pcn, c.group_id
                        HAVING SUM(e.amount) > 0
                        ORDER BY c.date_of_service, c.id""")
                .bind("asOf", asOf).bind("claim", claimId)
                .map((rs, ctx) -> new ClaimReceivable(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("payer_id"),
                        rs.getString("payer_name"), rs.getString("rx_number"), rs.getInt("fill_number"),
                        rs.getObject("date_of_service", LocalDate.class), Money.of(rs.getBigDecimal("balance")),
                        rs.getBoolean("rebilled")))
                .list();
    }

    @Override
    public Map<Long, ThirdPartyWriteOffPolicy.Remitted> remitted() {
        Map<Long, ThirdPartyWriteOffPolicy.Remitted> m = new HashMap<>();
        new JdbiExceptionRepository(handle).claimLines(null, l -> m.put(l.claimId(), new ThirdPartyWriteOffPolicy.Remitted(
                l.expected(), l.paid(), l.lines(), ClaimReconciliation.status(l.expected(), l.paid(), l.lines(),
                l.reversals() > 0, l.denials() > 0) == ReconStatus.DENIED, l.duplicates() > 0, l.lastPaymentDate())));
        return m;
    }

    private static String name(ResultSet rs) throws SQLException {
        String code = rs.getString("account_code");
        return code != null ? code : rs.getString("last_name") + ", " + rs.getString("first_name");
    }

    @Override
    public List<AccountActivity> activity(String accountKey) {
        return handle.createQuery("SELECT e.effective_date, c.rx_number, c.fill_number, e.source_type, e.memo, e.amount, "
                        + "e.created_by FROM ledger_entry e JOIN claim c ON c.id = e.claim_id "
                        + "LEFT JOIN claim_charge_account cca ON cca.claim_id = c.id "
                        + "WHERE e.account = 'PATIENT_RECEIVABLE' AND " + ACCOUNT_KEY + " = :key ORDER BY e.seq")
                .bind("key", accountKey)
                .map((rs, ctx) -> new AccountActivity(rs.getObject("effective_date", LocalDate.class),
                        rs.getString("rx_number") + "-" + String.format("%02d", rs.getInt("fill_number")), rs.getString("source_type"),
                        rs.getString("memo"), Money.of(rs.getBigDecimal("amount")), rs.getString("created_by")))
                .list();
    }

    @Override
    public Optional<String> accountName(String accountKey) {
        if (accountKey.startsWith("H:")) {
            String code = accountKey.substring(2);
            return handle.createQuery("SELECT COUNT(*) FROM claim_charge_account WHERE account_code = :c")
                    .bind("c", code).mapTo(Long.class).one() > 0 ? Optional.of(code) : Optional.empty();
        }
        long id = Long.parseLong(accountKey.substring(1));
        return handle.createQuery("SELECT last_name || ', ' || first_name FROM patient WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne();
    }

    @Override
    public void assignChargeAccount(long claimId, String chargeCode) {
        handle.createUpdate("INSERT INTO claim_charge_account (claim_id, account_code) VALUES (:c, :code)")
                .bind("c", claimId).bind("code", chargeCode).execute();
    }

    @Override
    public long insertPayment(String accountKey, String kind, PaymentMethod method, Money amount, String reference,
                              LocalDate receivedOn, UUID batchId, String by) {
        return handle.createUpdate("""
                        INSERT INTO patient_payment (account_key, kind, method, amount, reference, received_on, batch_id,
                                                     created_at, created_by)
                        VALUES (:key, :kind, :method, :amount, :reference, :on, :batch, :at, :by)""")
                .bind("key", accountKey).bind("kind", kind).bind("method", method.name()).bind("amount", amount.amount())
                .bind("reference", reference == null ? "" : reference).bind("on", receivedOn).bind("batch", batchId)
                .bind("at", now()).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public Map<String, LocalDate> lastPayments() {
        Map<String, LocalDate> m = new HashMap<>();
        handle.createQuery("SELECT account_key, MAX(received_on) AS last FROM patient_payment WHERE kind = 'PAYMENT' "
                        + "GROUP BY account_key")
                .map((rs, ctx) -> Map.entry(rs.getString("account_key"), rs.getObject("last", LocalDate.class)))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    @Override
    public void insertHoldEvent(String accountKey, HoldKind kind, boolean placed, String note, LocalDate effectiveOn,
                                String by) {
        handle.createUpdate("""
                        INSERT INTO account_hold_event (account_key, hold_kind, action, note, effective_on, created_at, created_by)
                        VALUES (:key, :kind, :action, :note, :on, :at, :by)""")
                .bind("key", accountKey).bind("kind", kind.name()).bind("action", placed ? "PLACED" : "RELEASED")
                .bind("note", note == null ? "" : note).bind("on", effectiveOn).bind("at", now()).bind("by", by)
                .execute();
    }

    @Override
    public Map<String, Set<HoldKind>> activeHolds() {
        Map<String, Set<HoldKind>> m = new HashMap<>();
        handle.createQuery("""
                        SELECT account_key, hold_kind FROM account_hold_event h
                        WHERE action = 'PLACED' AND id = (SELECT MAX(x.id) FROM account_hold_event x
                                                          WHERE x.account_key = h.account_key AND x.hold_kind = h.hold_kind)""")
                .map((rs, ctx) -> Map.entry(rs.getString("account_key"), HoldKind.valueOf(rs.getString("hold_kind"))))
                .forEach(e -> m.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(HoldKind.class)).add(e.getValue()));
        return m;
    }

    @Override
    public void insertStatement(Statement s, String by) {
        handle.createUpdate("""
                        INSERT INTO account_statement (account_key, statement_no, sent_on, amount_due, created_at, created_by)
                        VALUES (:key, :no, :on, :due, :at, :by)""")
                .bind("key", s.accountKey()).bind("no", s.number()).bind("on", s.sentOn()).bind("due", s.amountDue().amount())
                .bind("at", now()).bind("by", by).execute();
    }

    @Override
    public Map<String, List<Statement>> statements() {
        Map<String, List<Statement>> m = new HashMap<>();
        handle.createQuery("SELECT * FROM account_statement ORDER BY account_key, statement_no")
                .map((rs, ctx) -> new Statement(rs.getString("account_key"), rs.getInt("statement_no"),
                        rs.getObject("sent_on", LocalDate.class), Money.of(rs.getBigDecimal("amount_due"))))
                .forEach(s -> m.computeIfAbsent(s.accountKey(), k -> new ArrayList<>()).add(s));
        return m;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        handle.createQuery("SELECT name, setting_value FROM collection_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    @Override
    public void putSetting(String name, String value) {
        handle.createUpdate("MERGE INTO collection_setting (name, setting_value) KEY (name) VALUES (:n, :v)")
                .bind("n", name).bind("v", value).execute();
    }

    @Override
    public void setFederalProgram(long planId, String program) {
        handle.createUpdate("DELETE FROM federal_program_plan WHERE plan_id = :p").bind("p", planId).execute();
        if (program != null) {
            handle.createUpdate("INSERT INTO federal_program_plan (plan_id, program) VALUES (:p, :prog)")
                    .bind("p", planId).bind("prog", program).execute();
        }
    }

    @Override
    public long insertRecommendation(WriteOffPolicy.Finding f, LocalDate asOf, String by) {
        long id = handle.createUpdate("""
                        INSERT INTO write_off_recommendation (account_key, kind, amount, tier, explanation, as_of,
                                                              proposed_at, proposed_by)
                        VALUES (:key, :kind, :amount, :tier, :why, :asOf, :at, :by)""")
                .bind("key", f.accountKey()).bind("kind", f.kind().name()).bind("amount", f.amount().amount())
                .bind("tier", f.tier().name()).bind("why", cut(f.explanation(), 1000)).bind("asOf", asOf)
                .bind("at", now()).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        var batch = handle.prepareBatch("INSERT INTO write_off_item (recommendation_id, claim_id, amount) VALUES (:r, :c, :a)");
        for (AccountItem i : f.items()) {
            batch.bind("r", id).bind("c", i.claimId()).bind("a", i.balance().amount()).add();
        }
        batch.execute();
        return id;
    }

    @Override
    public void insertDecision(long recommendationId, WriteOff.Status decision, String reason, UUID batchId, String by) {
        handle.createUpdate("""
                        INSERT INTO write_off_decision (recommendation_id, decision, reason, batch_id, decided_at, decided_by)
                        VALUES (:r, :d, :reason, :batch, :at, :by)""")
                .bind("r", recommendationId).bind("d", decision.name()).bind("reason", cut(reason, 500))
                .bind("batch", batchId).bind("at", now()).bind("by", by).execute();
    }

    private static final String WRITE_OFFS = """
            SELECT r.*, d.decision, d.decided_by, d.reason,
                   CASE WHEN LEFT(r.account_key, 2) = 'H:' THEN SUBSTRING(r.account_key, 3)
                        WHEN LEFT(r.account_key, 2) = 'C:' THEN""" + " " + PayerSql.claimPayer("c", "py.name") + """

                        ELSE p.last_name || ', ' || p.first_name END AS account_name,
                   c.rx_number, c.fill_number
            FROM write_off_recommendation r
            LEFT JOIN write_off_decision d ON d.id = (SELECT MAX(x.id) FROM write_off_decision x WHERE x.recommendation_id = r.id)
            LEFT JOIN patient p ON LEFT(r.account_key, 1) = 'P' AND 'P' || p.id = r.account_key
            LEFT JOIN claim c ON LEFT(r.account_key, 2) = 'C:' AND 'C:' || c.id = r.account_key
            LEFT JOIN plan pl ON pl.id = c.plan_id
            LEFT JOIN payer py ON py.id = pl.payer_id
            """;

    @Override
    public List<WriteOff> writeOffs() {
        Map<Long, List<WriteOff.Item>> items = new HashMap<>();
        handle.createQuery("SELECT * FROM write_off_item ORDER BY recommendation_id, claim_id")
                .map((rs, ctx) -> Map.entry(rs.getLong("recommendation_id"),
                        new WriteOff.Item(rs.getLong("claim_id"), Money.of(rs.getBigDecimal("amount")))))
                .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery(WRITE_OFFS + " ORDER BY r.id DESC")
                .map((rs, ctx) -> writeOff(rs, items.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    @Override
    public Optional<WriteOff> writeOff(long id) {
        List<WriteOff.Item> items = handle.createQuery("SELECT * FROM write_off_item WHERE recommendation_id = :r ORDER BY claim_id")
                .bind("r", id).map((rs, ctx) -> new WriteOff.Item(rs.getLong("claim_id"), Money.of(rs.getBigDecimal("amount"))))
                .list();
        return handle.createQuery(WRITE_OFFS + " WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> writeOff(rs, items)).findOne();
    }

    private static WriteOff writeOff(ResultSet rs, List<WriteOff.Item> items) throws SQLException {
        String decision = rs.getString("decision");
        return new WriteOff(rs.getLong("id"), rs.getString("account_key"), rs.getString("account_name"),
                WriteOffKind.valueOf(rs.getString("kind")), Money.of(rs.getBigDecimal("amount")),
                ApprovalTier.valueOf(rs.getString("tier")), rs.getString("explanation"),
                rs.getObject("as_of", LocalDate.class), rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
                rs.getString("proposed_by"), decision == null ? WriteOff.Status.PENDING : WriteOff.Status.valueOf(decision),
                rs.getString("decided_by"), rs.getString("reason"), List.copyOf(items),
                rs.getString("rx_number") == null ? null : rs.getString("rx_number") + "-"
                        + String.format("%02d", rs.getInt("fill_number")));
    }

    @Override
    public Optional<UUID> approvalBatch(long recommendationId) {
        return handle.createQuery("SELECT batch_id FROM write_off_decision WHERE recommendation_id = :r "
                        + "AND decision = 'APPROVED' ORDER BY id DESC LIMIT 1")
                .bind("r", recommendationId).mapTo(UUID.class).findOne();
    }

    @Override
    public List<Long> approvedClaimWriteOffs(Collection<Long> claimIds) {
        List<Long> ids = new ArrayList<>();
        for (List<Long> chunk : JdbiMatchRepository.arrays(claimIds)) {
            ids.addAll(handle.createQuery("""
                            SELECT DISTINCT r.id FROM write_off_item i
                            JOIN write_off_recommendation r ON r.id = i.recommendation_id
                            JOIN write_off_decision d ON d.id = (SELECT MAX(x.id) FROM write_off_decision x
                                                                 WHERE x.recommendation_id = r.id)
                            WHERE i.claim_id = ANY(:claims) AND LEFT(r.account_key, 2) = 'C:' AND d.decision = 'APPROVED'
                            ORDER BY r.id""")
                    .bindArray("claims", Long.class, chunk).mapTo(Long.class).list());
        }
        return ids;
    }

    @Override
    public List<LedgerEntry> entriesOfBatch(UUID batchId) {
        return handle.createQuery("SELECT * FROM ledger_entry WHERE batch_id = :b ORDER BY seq")
                .bind("b", batchId).map((rs, ctx) -> JdbiLedgerRepository.entry(rs)).list();
    }

    @Override
    public void insertPlanEvent(String accountKey, boolean started, PaymentPlan plan, LocalDate on, String note, String by) {
        handle.createUpdate("""
                        INSERT INTO payment_plan_event (account_key, action, amount, day_of_month, starts_on, note,
                                                        created_at, created_by)
                        VALUES (:key, :action, :amount, :day, :on, :note, :at, :by)""")
                .bind("key", accountKey).bind("action", started ? "STARTED" : "ENDED")
                .bind("amount", plan == null ? null : plan.amount().amount())
                .bind("day", plan == null ? null : plan.dayOfMonth()).bind("on", on).bind("note", cut(note, 200))
                .bind("at", now()).bind("by", by).execute();
    }

    @Override
    public Map<String, PaymentPlan> activePlans() {
        Map<String, PaymentPlan> m = new HashMap<>();
        handle.createQuery("""
                        SELECT * FROM payment_plan_event e
                        WHERE action = 'STARTED' AND id = (SELECT MAX(x.id) FROM payment_plan_event x
                                                           WHERE x.account_key = e.account_key)""")
                .map((rs, ctx) -> new PaymentPlan(rs.getString("account_key"), Money.of(rs.getBigDecimal("amount")),
                        rs.getInt("day_of_month"), rs.getObject("starts_on", LocalDate.class), rs.getString("created_by")))
                .forEach(p -> m.put(p.accountKey(), p));
        return m;
    }

    @Override
    public Map<String, List<PaymentPlan.Received>> paymentsReceived() {
        Map<String, List<PaymentPlan.Received>> m = new HashMap<>();
        handle.createQuery("SELECT account_key, received_on, amount FROM patient_payment WHERE kind = 'PAYMENT' "
                        + "ORDER BY received_on, id")
                .map((rs, ctx) -> Map.entry(rs.getString("account_key"), new PaymentPlan.Received(
                        rs.getObject("received_on", LocalDate.class), Money.of(rs.getBigDecimal("amount")))))
                .forEach(e -> m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return m;
    }

    @Override
    public void insertReferral(String accountKey, String agency, Money amount, LocalDate on, String by) {
        handle.createUpdate("""
                        INSERT INTO collection_referral (account_key, agency, amount, referred_on, created_at, created_by)
                        VALUES (:key, :agency, :amount, :on, :at, :by)""")
                .bind("key", accountKey).bind("agency", agency).bind("amount", amount.amount()).bind("on", on)
                .bind("at", now()).bind("by", by).execute();
    }

    @Override
    public Map<String, LocalDate> referrals() {
        Map<String, LocalDate> m = new HashMap<>();
        handle.createQuery("SELECT account_key, MAX(referred_on) AS last FROM collection_referral GROUP BY account_key")
                .map((rs, ctx) -> Map.entry(rs.getString("account_key"), rs.getObject("last", LocalDate.class)))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
