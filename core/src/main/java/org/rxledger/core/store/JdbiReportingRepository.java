package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.audit.RemittanceHistory;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reporting.DenialGroupRow;
import org.rxledger.core.reporting.DenialRow;
import org.rxledger.core.reporting.DenialSource;
import org.rxledger.core.reporting.ProviderAdjustmentRow;
import org.rxledger.core.reporting.RemittanceAdjustmentRow;
import org.rxledger.core.reporting.RemittanceClaimRow;
import org.rxledger.core.reporting.RemittancePaymentRow;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.reporting.ReportingRepository;

/**
 * The report queries on H2: one SQL statement per table, streamed with a fetch size so the
 * driver never materialises the whole result in the JVM. Period bounds are added to the WHERE
 * clause only when present (binding a typeless null into "? IS NULL" is not portable).
 */
final class JdbiReportingRepository implements ReportingRepository {

    private static final int FETCH = 2000;
    private static final CodeTables CODES = CodeTables.standard();

    private final Handle handle;

    JdbiReportingRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public long claimSummaries(ReportPeriod period, Consumer<ClaimSummary> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT " + ClaimSummarySql.COLUMNS + "\n" + ClaimSummarySql.FROM + "\nWHERE 1 = 1"
                + bounds("c.date_of_service", period, params) + "\nORDER BY c.date_of_service DESC, c.id DESC";
        // no report prints a date of birth or a cardholder id: the register reads them masked
        return stream(sql, params, ClaimSummarySql.mapper(IdentifierMask.MASKED), sink);
    }

    @Override
    public List<Long> patientsOfClaims(ReportPeriod period) {
        Map<String, Object> params = new LinkedHashMap<>();
        return handle.createQuery("SELECT DISTINCT c.patient_id FROM claim c WHERE 1 = 1"
                        + bounds("c.date_of_service", period, params) + " ORDER BY c.patient_id")
                .bindMap(params).mapTo(Long.class).list();
    }

    @Override
    public List<Long> patientsOfPayment(long paymentId) {
        return handle.createQuery("""
                        SELECT DISTINCT c.patient_id FROM remit_claim rc JOIN claim c ON c.id = rc.matched_claim_id
                        WHERE rc.payment_id = :p ORDER BY c.patient_id""")
                .bind("p", paymentId).mapTo(Long.class).list();
    }

    @Override
    public long remittancePayments(ReportPeriod period, Consumer<RemittancePaymentRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        return payments(bounds("p.payment_date", period, params), params, sink);
    }

    @Override
    public List<RemittancePaymentRow> paymentsWithTrace(String traceNumber) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("trace", traceNumber == null ? "" : traceNumber.strip());
        List<RemittancePaymentRow> rows = new ArrayList<>();
        payments(" AND p.trace_number = :trace", params, rows::add);
        return rows;
    }

    @Override
    public long claimsOfPayment(long paymentId, Consumer<RemittanceClaimRow> sink) {
        return claims(" AND p.id = :paymentId", new LinkedHashMap<>(Map.of("paymentId", paymentId)), sink);
    }

    @Override
    public long adjustmentsOfPayment(long paymentId, Consumer<RemittanceAdjustmentRow> sink) {
        return adjustments(" AND p.id = :paymentId", new LinkedHashMap<>(Map.of("paymentId", paymentId)), sink);
    }

    @Override
    public long providerAdjustmentsOfPayment(long paymentId, Consumer<ProviderAdjustmentRow> sink) {
        return plb(" AND p.id = :paymentId", new LinkedHashMap<>(Map.of("paymentId", paymentId)), sink);
    }

    private long payments(String where, Map<String, Object> params, Consumer<RemittancePaymentRow> sink) {
        String sql = """
                SELECT p.id, f.file_name, p.payer_name, p.payer_identifier, p.trace_number, p.payment_date, p.method,
                       p.amount, p.payee_npi, p.status,
                       COALESCE(c.claim_count, 0) AS claim_count, COALESCE(c.claims_paid, 0) AS claims_paid,
                       COALESCE(b.plb, 0) AS plb
                FROM payment p
                JOIN remit_file f ON f.id = p.remit_file_id
                LEFT JOIN (SELECT payment_id, COUNT(*) AS claim_count, SUM(paid_amount) AS claims_paid
                           FROM remit_claim GROUP BY payment_id) c ON c.payment_id = p.id
                LEFT JOIN (SELECT payment_id, SUM(amount) AS plb FROM plb_item GROUP BY payment_id) b
                       ON b.payment_id = p.id
                WHERE 1 = 1""" + where + """

                ORDER BY p.payment_date, p.trace_number, p.id""";
        return stream(sql, params, (rs, ctx) -> new RemittancePaymentRow(rs.getLong("id"), rs.getString("file_name"),
                rs.getString("payer_name"), rs.getString("payer_identifier"), rs.getString("trace_number"),
                rs.getObject("payment_date", LocalDate.class), rs.getString("method"), money(rs, "amount"),
                rs.getInt("claim_count"), money(rs, "claims_paid"), money(rs, "plb"), rs.getString("payee_npi"),
                rs.getString("status")), sink);
    }

    @Override
    public long remittanceClaims(ReportPeriod period, Consumer<RemittanceClaimRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        return claims(bounds("p.payment_date", period, params), params, sink);
    }

    private long claims(String where, Map<String, Object> params, Consumer<RemittanceClaimRow> sink) {
        String sql = """
                SELECT rc.id, p.trace_number, p.payer_name, p.payment_date, rc.patient_control_number, rc.status_code,
                       rc.charge_amount, rc.paid_amount, rc.patient_responsibility, rc.payer_claim_control_number,
                       COALESCE(rc.service_date, (SELECT MIN(l.service_date) FROM remit_service_line l
                                                  WHERE l.remit_claim_id = rc.id)) AS service_date,
                       COALESCE(rc.ndc, (SELECT MIN(l.product_code) FROM remit_service_line l
                                         WHERE l.remit_claim_id = rc.id)) AS ndc,
                       COALESCE(rc.quantity, (SELECT SUM(l.units_paid) FROM remit_service_line l
                                              WHERE l.remit_claim_id = rc.id)) AS quantity,
                       rc.match_status
                FROM remit_claim rc
                JOIN payment p ON p.id = rc.payment_id
                WHERE 1 = 1""" + where + """

                ORDER BY p.payment_date, p.trace_number, p.id, rc.seq""";
        return stream(sql, params, (rs, ctx) -> {
            String status = rs.getString("status_code");
            return new RemittanceClaimRow(rs.getLong("id"), rs.getString("trace_number"), rs.getString("payer_name"),
                    rs.getObject("payment_date", LocalDate.class), rs.getString("patient_control_number"), status,
                    CODES.claimStatuses().describe(status), money(rs, "charge_amount"), money(rs, "paid_amount"),
                    money(rs, "patient_responsibility"), rs.getString("payer_claim_control_number"),
                    rs.getObject("service_date", LocalDate.class), rs.getString("ndc"), rs.getBigDecimal("quantity"),
                    rs.getString("match_status"));
        }, sink);
    }

    @Override
    public long remittanceAdjustments(ReportPeriod period, Consumer<RemittanceAdjustmentRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        return adjustments(bounds("p.payment_date", period, params), params, sink);
    }

    private long adjustments(String where, Map<String, Object> params, Consumer<RemittanceAdjustmentRow> sink) {
        String sql = """
                SELECT rc.id AS remit_claim_id, p.trace_number, p.payer_name, p.payment_date, rc.patient_control_number,
                       a.level, a.group_code,
                       a.reason_code, a.amount, a.quantity
                FROM remit_adjustment a
                JOIN remit_claim rc ON rc.id = a.remit_claim_id
                JOIN payment p ON p.id = rc.payment_id
                WHERE 1 = 1""" + where + """

                ORDER BY p.payment_date, p.trace_number, p.id, rc.seq, a.id""";
        return stream(sql, params, (rs, ctx) -> {
            String carc = rs.getString("reason_code");
            return new RemittanceAdjustmentRow(rs.getLong("remit_claim_id"), rs.getString("trace_number"), rs.getString("payer_name"),
                    rs.getObject("payment_date", LocalDate.class), rs.getString("patient_control_number"),
                    rs.getString("level"), rs.getString("group_code"), carc, CODES.carc().describe(carc),
                    money(rs, "amount"), rs.getBigDecimal("quantity"));
        }, sink);
    }

    @Override
    public long providerAdjustments(ReportPeriod period, Consumer<ProviderAdjustmentRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        return plb(bounds("p.payment_date", period, params), params, sink);
    }

    private long plb(String where, Map<String, Object> params, Consumer<ProviderAdjustmentRow> sink) {
        String sql = """
                SELECT p.trace_number, p.payer_name, p.payment_date, b.provider_id, b.fiscal_period_date,
                       b.reason_code, b.reference, b.amount
                FROM plb_item b
                JOIN payment p ON p.id = b.payment_id
                WHERE 1 = 1""" + where + """

                ORDER BY p.payment_date, p.trace_number, p.id, b.seq""";
        return stream(sql, params, (rs, ctx) -> {
            String code = rs.getString("reason_code");
            return new ProviderAdjustmentRow(rs.getString("trace_number"), rs.getString("payer_name"),
                    rs.getObject("payment_date", LocalDate.class), rs.getString("provider_id"),
                    rs.getObject("fiscal_period_date", LocalDate.class), code, CODES.plbReasons().describe(code),
                    rs.getString("reference"), money(rs, "amount"));
        }, sink);
    }

    /**
     * DOMAIN.md §4.3 "Denied on remit", as {@link DenialSql} defines it for every report: CLP02 = 4, or nothing
     * paid with a refusing CAS reason (not patient responsibility, not a pricing reduction such as CO-45;
     * reversals, CLP02 22, are not denials). The primary code is the largest such adjustment. NCPDP rejects (response status R) carry their first reject code.
     */
    private static String denialsCte(ReportPeriod period, Map<String, Object> params) {
        return """
                WITH denial AS (
                    SELECT 'REMITTANCE' AS source,
                           COALESCE((SELECT a.group_code || '-' || a.reason_code FROM remit_adjustment a
                                     WHERE a.remit_claim_id = rc.id AND a.group_code <> 'PR'
                                       AND a.reason_code NOT IN (""" + DenialSql.PRICING_REASONS + """
                           )
                                     ORDER BY ABS(a.amount) DESC, a.id FETCH FIRST 1 ROW ONLY), 'CLP02-4') AS code,
                           p.payer_name AS payer_name, p.payment_date AS event_date,
                           rc.patient_control_number AS rx_fill,
                           COALESCE(rc.service_date, (SELECT MIN(l.service_date) FROM remit_service_line l
                                                      WHERE l.remit_claim_id = rc.id)) AS dos,
                           rc.charge_amount AS billed, rc.paid_amount AS paid, p.trace_number AS reference
                    FROM remit_claim rc
                    JOIN payment p ON p.id = rc.payment_id
                    WHERE""" + DenialSql.isDenial("rc")
                + bounds("p.payment_date", period, params) + """

                    UNION ALL
                    SELECT 'NCPDP_REJECT' AS source,
                           CASE WHEN LOCATE(',', c.reject_codes) > 0
                                THEN LEFT(c.reject_codes, LOCATE(',', c.reject_codes) - 1)
                                ELSE c.reject_codes END AS code,
                    """ + PayerSql.claimPayer("c", "y.name") + """
                       AS payer_name, c.date_of_service AS event_date,
                           c.rx_number || '-' || LPAD(CAST(c.fill_number AS VARCHAR), 2, '0') AS rx_fill,
                           c.date_of_service AS dos, c.gross_amount_due AS billed, c.plan_paid_amount AS paid,
                           COALESCE(c.authorization_number, '') AS reference
                    FROM claim c
                    JOIN plan pl ON pl.id = c.plan_id
                    JOIN payer y ON y.id = pl.payer_id
                    WHERE c.response_status = 'R'""" + bounds("c.date_of_service", period, params) + """

                )
                """;
    }

    @Override
    public long denials(ReportPeriod period, Consumer<DenialRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = denialsCte(period, params) + """
                SELECT source, code, payer_name, event_date, rx_fill, dos, billed, paid, reference FROM denial
                ORDER BY source DESC, code, payer_name, event_date, rx_fill""";
        return stream(sql, params, (rs, ctx) -> {
            DenialSource source = DenialSource.valueOf(rs.getString("source"));
            String code = rs.getString("code");
            return new DenialRow(source, code, describeDenial(source, code), rs.getString("payer_name"),
                    rs.getObject("event_date", LocalDate.class), rs.getString("rx_fill"),
                    rs.getObject("dos", LocalDate.class), money(rs, "billed"), money(rs, "paid"),
                    rs.getString("reference"));
        }, sink);
    }

    @Override
    public long denialsByCodeAndPayer(ReportPeriod period, Consumer<DenialGroupRow> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = denialsCte(period, params) + """
                SELECT source, code, payer_name, COUNT(*) AS claims, SUM(billed) AS billed, SUM(paid) AS paid
                FROM denial
                GROUP BY source, code, payer_name
                ORDER BY claims DESC, source DESC, code, payer_name""";
        return stream(sql, params, (rs, ctx) -> {
            DenialSource source = DenialSource.valueOf(rs.getString("source"));
            String code = rs.getString("code");
            return new DenialGroupRow(source, code, describeDenial(source, code), rs.getString("payer_name"),
                    rs.getLong("claims"), money(rs, "billed"), money(rs, "paid"));
        }, sink);
    }

    @Override
    public List<RemittanceHistory.Line> remittanceLinesOfClaim(long claimId) {
        return handle.createQuery("""
                        SELECT rc.id, p.payer_name, p.trace_number, p.payment_date, rc.status_code, rc.charge_amount,
                               rc.paid_amount, rc.patient_responsibility,
                               (SELECT LISTAGG(a.group_code || '-' || a.reason_code || ' ' || CAST(a.amount AS VARCHAR), '; ')
                                       WITHIN GROUP (ORDER BY a.id)
                                FROM remit_adjustment a WHERE a.remit_claim_id = rc.id) AS adjustments
                        FROM remit_claim rc
                        JOIN payment p ON p.id = rc.payment_id
                        WHERE rc.matched_claim_id = :claimId
                        ORDER BY p.payment_date, p.id, rc.seq""")
                .bind("claimId", claimId)
                .map((rs, ctx) -> new RemittanceHistory.Line(rs.getString("payer_name"), rs.getString("trace_number"),
                        rs.getObject("payment_date", LocalDate.class), rs.getString("status_code"),
                        money(rs, "charge_amount"), money(rs, "paid_amount"), money(rs, "patient_responsibility"),
                        rs.getString("adjustments") == null ? "" : rs.getString("adjustments")))
                .list();
    }

    static String describeDenial(DenialSource source, String code) {
        if (source == DenialSource.NCPDP_REJECT) {
            return code == null || code.isBlank() ? "rejected, no reject code stored"
                    : CODES.rejectCodes().describe(CodeTables.normaliseRejectCode(code));
        }
        int dash = code.indexOf('-');
        if (code.equals("CLP02-4")) {
            return "Denied (CLP02 = 4) without an adjustment reason";
        }
        return CODES.carc().describe(dash < 0 ? code : code.substring(dash + 1));
    }

    private <T> long stream(String sql, Map<String, Object> params, RowMapper<T> mapper, Consumer<? super T> sink) {
        long[] count = {0};
        handle.createQuery(sql).bindMap(params).setFetchSize(FETCH).map(mapper).useStream(rows -> rows.forEach(r -> {
            sink.accept(r);
            count[0]++;
        }));
        return count[0];
    }

    private static String bounds(String column, ReportPeriod period, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (period.from() != null) {
            params.put("fromDate", period.from());
            where.append(" AND ").append(column).append(" >= :fromDate");
        }
        if (period.to() != null) {
            params.put("toDate", period.to());
            where.append(" AND ").append(column).append(" <= :toDate");
        }
        return where.toString();
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : Money.of(v);
    }
}
