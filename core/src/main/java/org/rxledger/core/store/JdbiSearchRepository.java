package org.rxledger.core.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.collections.AccountKey;
import org.rxledger.core.money.Money;
import org.rxledger.core.search.SearchHit;
import org.rxledger.core.search.SearchRepository;

/**
 * The global search's look-ups: each on an index (claim_rx_fill, claim_cardholder, claim_patient, payment_trace,
 * audit_case_audit_id_unique, claim_charge_account_code) and with a row limit. LIKE patterns escape the text typed,
 * so a % or _ in it is a character, not a wildcard (with '!': Jdbi's parser reads a backslash
 * before a quote as an escaped quote).
 */
final class JdbiSearchRepository implements SearchRepository {

    private static final String CLAIM_SELECT = """
            SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, c.lifecycle,
                   p.last_name || ', ' || p.first_name AS patient_name
            FROM claim c JOIN patient p ON p.id = c.patient_id
            """;
    private static final String CLAIM_ORDER = " ORDER BY c.date_of_service DESC, c.id DESC FETCH FIRST :limit ROWS ONLY";

    private static final RowMapper<SearchHit> CLAIM = (rs, ctx) -> new SearchHit(SearchHit.Kind.CLAIM,
            String.valueOf(rs.getLong("id")),
            "Rx " + rs.getString("rx_number") + "-" + String.format(Locale.ROOT, "%02d", rs.getInt("fill_number")),
            rs.getObject("date_of_service", LocalDate.class) + " · " + rs.getString("patient_name")
                    + ("ACTIVE".equals(rs.getString("lifecycle")) ? "" : " · " + rs.getString("lifecycle").toLowerCase(Locale.ROOT)));

    private static final RowMapper<SearchHit> PATIENT = (rs, ctx) -> new SearchHit(SearchHit.Kind.PATIENT,
            AccountKey.patient(rs.getLong("id")), rs.getString("last_name") + ", " + rs.getString("first_name"),
            "Account " + AccountKey.patient(rs.getLong("id")));

    private final Handle handle;

    JdbiSearchRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<SearchHit> claimsByRx(String rxPrefix, int limit) {
        return handle.createQuery(CLAIM_SELECT + " WHERE c.rx_number LIKE :prefix ESCAPE '!'" + CLAIM_ORDER)
                .bind("prefix", prefix(rxPrefix)).bind("limit", limit).map(CLAIM).list();
    }

    @Override
    public List<SearchHit> claimsByCardholder(String cardholderId, int limit) {
        return handle.createQuery(CLAIM_SELECT + " WHERE c.cardholder_id = :id" + CLAIM_ORDER)
                .bind("id", cardholderId).bind("limit", limit).map(CLAIM).list();
    }

    @Override
    public List<SearchHit> claimsByPatient(List<String> nameTokens, int limit) {
        return handle.createQuery(CLAIM_SELECT + " WHERE c.patient_id IN (SELECT p2.id FROM patient p2 WHERE "
                        + nameCondition("p2", nameTokens) + ")" + CLAIM_ORDER)
                .bindMap(names(nameTokens))
                .bind("limit", limit).map(CLAIM).list();
    }

    @Override
    public List<SearchHit> paymentsByTrace(String tracePrefix, int limit) {
        return handle.createQuery("""
                        SELECT p.id, p.trace_number, p.payment_date, p.amount, p.credit_debit, %s AS payer
                        FROM payment p WHERE p.trace_number LIKE :prefix ESCAPE '!'
                        ORDER BY p.payment_date DESC, p.id DESC FETCH FIRST :limit ROWS ONLY"""
                        .formatted(PayerSql.paymentPayer("p", "p.payer_name")))
                .bind("prefix", prefix(tracePrefix)).bind("limit", limit)
                .map((rs, ctx) -> {
                    Money amount = Money.of(rs.getBigDecimal("amount"));
                    return new SearchHit(SearchHit.Kind.PAYMENT, String.valueOf(rs.getLong("id")),
                            "Trace " + rs.getString("trace_number"), rs.getObject("payment_date", LocalDate.class)
                            + " · " + rs.getString("payer") + " · "
                            + ("D".equals(rs.getString("credit_debit")) ? amount.negate() : amount));
                }).list();
    }

    @Override
    public List<SearchHit> auditCasesById(String auditIdPrefix, int limit) {
        return handle.createQuery("""
                        SELECT audit_id, pbm_name, due_date, status FROM audit_case
                        WHERE UPPER(audit_id) LIKE :prefix ESCAPE '!' ORDER BY due_date, audit_id
                        FETCH FIRST :limit ROWS ONLY""")
                .bind("prefix", prefix(auditIdPrefix)).bind("limit", limit)
                .map((rs, ctx) -> new SearchHit(SearchHit.Kind.AUDIT_CASE, rs.getString("audit_id"),
                        "Audit " + rs.getString("audit_id"), rs.getString("pbm_name") + " · due "
                        + rs.getObject("due_date", LocalDate.class) + " · "
                        + rs.getString("status").toLowerCase(Locale.ROOT).replace('_', ' ')))
                .list();
    }

    @Override
    public List<SearchHit> patientsByName(List<String> nameTokens, int limit) {
        return handle.createQuery("SELECT p.id, p.last_name, p.first_name FROM patient p WHERE "
                        + nameCondition("p", nameTokens) + " ORDER BY p.last_name, p.first_name, p.id FETCH FIRST :limit ROWS ONLY")
                .bindMap(names(nameTokens))
                .bind("limit", limit).map(PATIENT).list();
    }

    @Override
    public List<SearchHit> patientById(long patientId) {
        return handle.createQuery("SELECT p.id, p.last_name, p.first_name FROM patient p WHERE p.id = :id")
                .bind("id", patientId).map(PATIENT).list();
    }

    @Override
    public List<SearchHit> houseAccounts(String codePrefix, int limit) {
        return handle.createQuery("""
                        SELECT account_code, COUNT(*) AS fills FROM claim_charge_account WHERE account_code LIKE :prefix ESCAPE '!'
                        GROUP BY account_code ORDER BY account_code FETCH FIRST :limit ROWS ONLY""")
                .bind("prefix", prefix(codePrefix)).bind("limit", limit)
                .map((rs, ctx) -> new SearchHit(SearchHit.Kind.PATIENT, "H:" + rs.getString("account_code"),
                        "House account " + rs.getString("account_code"),
                        rs.getInt("fills") + (rs.getInt("fills") == 1 ? " fill" : " fills") + " charged to it"))
                .list();
    }

    /** One token: the last or the first name starts with it; two: one each, in either order. */
    private static String nameCondition(String p, List<String> tokens) {
        if (tokens.size() < 2) {
            return "(UPPER(%1$s.last_name) LIKE :a ESCAPE '!' OR UPPER(%1$s.first_name) LIKE :a ESCAPE '!')".formatted(p);
        }
        return ("((UPPER(%1$s.last_name) LIKE :a ESCAPE '!' AND UPPER(%1$s.first_name) LIKE :b ESCAPE '!')"
                + " OR (UPPER(%1$s.first_name) LIKE :a ESCAPE '!' AND UPPER(%1$s.last_name) LIKE :b ESCAPE '!'))").formatted(p);
    }

    private static java.util.Map<String, String> names(List<String> tokens) {
        return tokens.size() < 2 ? java.util.Map.of("a", prefix(tokens.get(0)))
                : java.util.Map.of("a", prefix(tokens.get(0)), "b", prefix(tokens.get(1)));
    }

    private static String prefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
