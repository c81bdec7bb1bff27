package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimName;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.DuplicatePaymentException;
import org.rxledger.core.remit.ImportedFile;
import org.rxledger.core.remit.ImportedPayment;
import org.rxledger.core.remit.MatchCounts;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.Payment;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.ProductId;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.RawSegment;
import org.rxledger.core.remit.RejectedImport;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.StoredAdjustment;
import org.rxledger.core.remit.StoredProviderAdjustment;
import org.rxledger.core.remit.StoredRemark;
import org.rxledger.core.remit.StoredServiceLine;
import org.rxledger.core.remit.Remark;
import org.rxledger.core.remit.RemitClaimSummary;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.remit.ServiceLine;
import org.rxledger.core.remit.Trace;

/**
 * Remittance tables of V002 on Jdbi. Claims, lines, adjustments and remarks of a chunk are written
 * with one JDBC batch per table (generated ids come back from the batch), so a chunk of 1,000 claims
 * costs four statement executions, and no lookups.
 */
final class JdbiRemittanceRepository implements RemittanceRepository {

    private static final RowMapper<ImportedFile> FILE = (rs, ctx) -> new ImportedFile(rs.getLong("id"),
            rs.getString("sha256"), rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("archived_path"),
            rs.getInt("payment_count"), rs.getLong("claim_count"),
            rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by"));

    private static final RowMapper<ImportedPayment> PAYMENT = (rs, ctx) -> new ImportedPayment(rs.getLong("id"),
            rs.getLong("remit_file_id"), rs.getInt("seq"), rs.getString("payer_name"), rs.getString("payer_identifier"),
            rs.getString("trace_number"), money(rs, "amount"), rs.getString("method"), rs.getString("handling_code"),
            rs.getObject("payment_date", LocalDate.class), rs.getString("payee_npi"), rs.getString("payee_ncpdp"),
            rs.getInt("claim_count"), PaymentStatus.valueOf(rs.getString("status")));

    private static final RowMapper<RemitClaimSummary> CLAIM = (rs, ctx) -> new RemitClaimSummary(rs.getLong("id"),
            rs.getLong("payment_id"), rs.getInt("seq"), rs.getString("patient_control_number"),
            rs.getString("status_code"), money(rs, "charge_amount"), money(rs, "paid_amount"),
            money(rs, "patient_responsibility"), rs.getString("payer_claim_control_number"),
            rs.getObject("service_date", LocalDate.class), rs.getString("ndc"),
            MatchStatus.valueOf(rs.getString("match_status")), rs.getObject("matched_claim_id", Long.class),
            rs.getBoolean("denied"));

    /** SQL state of a unique-index violation, and the V017 index that keeps one payment stored once. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAME_PAYMENT_INDEX = "PAYMENT_SAME_PAYMENT";

    private final Handle handle;

    JdbiRemittanceRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<ImportedFile> findFileBySha256(String sha256) {
        return handle.createQuery("SELECT * FROM remit_file WHERE sha256 = :sha").bind("sha", sha256).map(FILE).findOne();
    }

    @Override
    public Optional<ImportedFile> findFile(long id) {
        return handle.createQuery("SELECT * FROM remit_file WHERE id = :id").bind("id", id).map(FILE).findOne();
    }

    @Override
    public Optional<ImportedPayment> findSamePayment(String payerIdentifier, String payerName, String traceNumber,
                                                     Money amount) {
        return handle.createQuery("""
                        SELECT * FROM payment
                        WHERE trace_key = :traceKey AND amount = :amount
                          AND (payer_identifier = :payerId OR payer_name = :payerName)
                        ORDER BY id LIMIT 1""")
                .bind("traceKey", Trace.normalise(traceNumber))
                .bind("amount", amount.amount())
                .bind("payerId", payerIdentifier == null ? "" : payerIdentifier)
                .bind("payerName", payerName)
                .map(PAYMENT)
                .findOne();
    }

    @Override
    public long insertFile(NewFile file) {
        return handle.createUpdate("""
                        INSERT INTO remit_file (sha256, file_name, size_bytes, archived_path, imported_at, imported_by)
                        VALUES (:sha, :name, :size, :path, :at, :by)""")
                .bind("sha", file.sha256())
                .bind("name", file.fileName())
                .bind("size", file.sizeBytes())
                .bind("path", file.archivedPath())
                .bind("at", OffsetDateTime.ofInstant(file.importedAt(), ZoneOffset.UTC))
                .bind("by", file.importedBy())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public void finishFile(long fileId, int paymentCount, long claimCount) {
        handle.createUpdate("UPDATE remit_file SET payment_count = :p, claim_count = :c WHERE id = :id")
                .bind("p", paymentCount).bind("c", claimCount).bind("id", fileId).execute();
    }

    /**
     * @throws DuplicatePaymentException when unique index payment_same_payment (V017) refuses the row: the
     *         same payment was stored meanwhile by another import that the duplicate SELECT could not see yet
     */
    @Override
    public long insertPayment(long fileId, int seq, Payment p) {
        try {
            return insertPaymentRow(fileId, seq, p);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT).contains(SAME_PAYMENT_INDEX)) {
                throw new DuplicatePaymentException(p, e);
            }
            throw e;
        }
    }

    private long insertPaymentRow(long fileId, int seq, Payment p) {
        return handle.createUpdate("""
                        INSERT INTO payment (remit_file_id, seq, interchange_control, group_control, transaction_control,
                            payer_name, payer_identifier, trace_number, trace_key, amount, credit_debit, handling_code,
                            method, payment_format, payment_date, production_date, payee_name, payee_id_qualifier,
                            payee_id, payee_npi, payee_ncpdp, payee_tax_id, status)
                        VALUES (:file, :seq, :isa, :gs, :st, :payerName, :payerId, :trace, :traceKey, :amount,
                            :creditDebit, :handling, :method, :format, :paymentDate, :productionDate, :payeeName,
                            :payeeQualifier, :payeeId, :npi, :ncpdp, :tin, :status)""")
                .bind("file", fileId)
                .bind("seq", seq)
                .bind("isa", p.interchange().controlNumber())
                .bind("gs", p.group().controlNumber())
                .bind("st", p.transactionControlNumber())
                .bind("payerName", p.payer().name() == null ? "" : p.payer().name())
                .bind("payerId", p.payerIdentifier() == null ? "" : p.payerIdentifier())
                .bind("trace", p.traceNumber())
                .bind("traceKey", p.trace().key())
                .bind("amount", p.amount().amount())
                .bind("creditDebit", p.financial().creditDebit())
                .bind("handling", p.financial().handlingCode())
                .bind("method", p.financial().method())
                .bind("format", p.financial().format())
                .bindByType("paymentDate", p.financial().paymentDate(), LocalDate.class)
                .bindByType("productionDate", p.productionDate(), LocalDate.class)
                .bind("payeeName", p.payee().name())
                .bind("payeeQualifier", p.payee().idQualifier())
                .bind("payeeId", p.payee().id())
                .bind("npi", p.payeeNpi().orElse(null))
                .bind("ncpdp", p.payeeNcpdp().orElse(null))
                .bind("tin", p.payeeTaxId().orElse(null))
                .bind("status", PaymentStatus.IMPORTED.name())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public void finishPayment(long paymentId, int claimCount) {
        handle.createUpdate("UPDATE payment SET claim_count = :c WHERE id = :id")
                .bind("c", claimCount).bind("id", paymentId).execute();
    }

    /*
     * The claim-chunk inserts below use plain JDBC with positional parameters: at 100k claims (400k
     * rows with lines and adjustments) Jdbi's per-value argument resolution was a measurable share of
     * the import budget. The SQL stays visible here; everything else in this class uses Jdbi.
     */
    private static final String INSERT_CLAIM = """
            INSERT INTO remit_claim (payment_id, seq, lx_number, patient_control_number, status_code, charge_amount,
                paid_amount, patient_responsibility, filing_indicator, payer_claim_control_number, facility_type_code,
                frequency_code, patient_last_name, patient_first_name, member_id, service_date, service_date_to,
                received_date, ndc, quantity, original_reference, raw_segments, match_status, co_total, pi_total,
                oa_total, pr_total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LINE = """
            INSERT INTO remit_service_line (remit_claim_id, seq, product_qualifier, product_code, modifiers,
                charge_amount, paid_amount, revenue_code, units_paid, original_product, original_units, service_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ADJUSTMENT = """
            INSERT INTO remit_adjustment (remit_claim_id, service_line_id, level, seq, group_code, reason_code,
                amount, quantity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REMARK = """
            INSERT INTO remit_remark (service_line_id, seq, qualifier, code) VALUES (?, ?, ?, ?)""";

    @Override
    public void insertClaims(long paymentId, int firstSeq, List<ClaimPayment> claims) {
        if (claims.isEmpty()) {
            return;
        }
        Connection connection = handle.getConnection();
        try {
            List<Long> claimIds;
            try (PreparedStatement ps = connection.prepareStatement(INSERT_CLAIM, new String[] {"ID"})) {
                int seq = firstSeq;
                for (ClaimPayment c : claims) {
                    Optional<ClaimName> patient = c.patient();
                    int i = 1;
                    ps.setLong(i++, paymentId);
                    ps.setInt(i++, seq++);
                    ps.setString(i++, c.headerNumber());
                    ps.setString(i++, c.patientControlNumber());
                    ps.setString(i++, c.status());
                    ps.setBigDecimal(i++, c.charge().amount());
                    ps.setBigDecimal(i++, c.paid().amount());
                    ps.setBigDecimal(i++, amount(c.patientResponsibility()));
                    ps.setString(i++, c.filingIndicator());
                    ps.setString(i++, c.payerClaimControlNumber());
                    ps.setString(i++, c.facilityTypeCode());
                    ps.setString(i++, c.frequencyCode());
                    ps.setString(i++, patient.map(ClaimName::lastName).orElse(null));
                    ps.setString(i++, patient.map(ClaimName::firstName).orElse(null));
                    ps.setString(i++, c.memberId().orElse(null));
                    ps.setObject(i++, c.serviceDate().orElse(null), Types.DATE);
                    ps.setObject(i++, c.date("233").orElse(null), Types.DATE);
                    ps.setObject(i++, c.date("050").orElse(null), Types.DATE);
                    ps.setString(i++, c.ndc().orElse(null));
                    ps.setBigDecimal(i++, c.serviceLines().isEmpty() ? null : c.serviceLines().get(0).unitsPaid());
                    ps.setString(i++, c.reference("F8").orElse(null));
                    ps.setString(i++, raw(c.rawSegments()));
                    ps.setString(i++, MatchStatus.UNMATCHED.name());
                    Money[] totals = groupTotals(c);
                    for (Money total : totals) {
                        ps.setBigDecimal(i++, total.amount());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                claimIds = keys(ps, claims.size());
            }

            // service lines of the chunk, then everything that hangs off claims and lines
            List<ServiceLine> lineOrder = new ArrayList<>();
            List<Long> lineClaimIds = new ArrayList<>();
            List<Long> lineIds = List.of();
            try (PreparedStatement ps = connection.prepareStatement(INSERT_LINE, new String[] {"ID"})) {
                for (int c = 0; c < claims.size(); c++) {
                    int lineSeq = 1;
                    for (ServiceLine l : claims.get(c).serviceLines()) {
                        int i = 1;
                        ps.setLong(i++, claimIds.get(c));
                        ps.setInt(i++, lineSeq++);
                        ps.setString(i++, l.product().qualifier());
                        ps.setString(i++, l.product().code());
                        ps.setString(i++, String.join(":", l.product().modifiers()));
                        ps.setBigDecimal(i++, l.charge().amount());
                        ps.setBigDecimal(i++, l.paid().amount());
                        ps.setString(i++, l.revenueCode());
                        ps.setBigDecimal(i++, l.unitsPaid());
                        ps.setString(i++, product(l.originalProduct()));
                        ps.setBigDecimal(i++, l.originalUnits());
                        ps.setObject(i, l.serviceDate().orElse(null), Types.DATE);
                        ps.addBatch();
                        lineOrder.add(l);
                        lineClaimIds.add(claimIds.get(c));
                    }
                }
                if (!lineOrder.isEmpty()) {
                    ps.executeBatch();
                    lineIds = keys(ps, lineOrder.size());
                }
            }

            try (PreparedStatement adjustments = connection.prepareStatement(INSERT_ADJUSTMENT);
                 PreparedStatement remarks = connection.prepareStatement(INSERT_REMARK)) {
                int adjustmentRows = 0;
                for (int c = 0; c < claims.size(); c++) {
                    adjustmentRows += addAdjustments(adjustments, claimIds.get(c), null, claims.get(c).adjustments());
                }
                int remarkRows = 0;
                for (int l = 0; l < lineOrder.size(); l++) {
                    ServiceLine line = lineOrder.get(l);
                    adjustmentRows += addAdjustments(adjustments, lineClaimIds.get(l), lineIds.get(l),
                            line.adjustments());
                    int remarkSeq = 1;
                    for (Remark r : line.remarks()) {
                        remarks.setLong(1, lineIds.get(l));
                        remarks.setInt(2, remarkSeq++);
                        remarks.setString(3, r.qualifier());
                        remarks.setString(4, r.code());
                        remarks.addBatch();
                        remarkRows++;
                    }
                }
                if (adjustmentRows > 0) {
                    adjustments.executeBatch();
                }
                if (remarkRows > 0) {
                    remarks.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The remittance claims could not be stored (SQL state " + e.getSQLState() + ").", e);
        }
    }

    /**
     * CO, PI, OA and PR totals of a claim payment's adjustments, claim and line level together, as posting reads
     * them (V056): OA takes 4010's CR and any group it does not know.
     */
    private static Money[] groupTotals(ClaimPayment c) {
        Money[] totals = {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO};
        List<Adjustment> all = new ArrayList<>(c.adjustments());
        c.serviceLines().forEach(l -> all.addAll(l.adjustments()));
        for (Adjustment a : all) {
            int slot = switch (a.group()) {
                case "CO" -> 0;
                case "PI" -> 1;
                case "PR" -> 3;
                default -> 2;
            };
            totals[slot] = totals[slot].plus(a.amount());
        }
        return totals;
    }

    private static List<Long> keys(PreparedStatement ps, int expected) throws SQLException {
        List<Long> ids = new ArrayList<>(expected);
        try (ResultSet rs = ps.getGeneratedKeys()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        if (ids.size() != expected) {
            throw new SQLException("expected " + expected + " generated ids, got " + ids.size(), "HY000");
        }
        return ids;
    }

    private static int addAdjustments(PreparedStatement ps, long claimId, Long lineId, List<Adjustment> adjustments)
            throws SQLException {
        int seq = 1;
        for (Adjustment a : adjustments) {
            ps.setLong(1, claimId);
            ps.setObject(2, lineId, Types.BIGINT);
            ps.setString(3, lineId == null ? "CLAIM" : "LINE");
            ps.setInt(4, seq++);
            ps.setString(5, a.group());
            ps.setString(6, a.reason());
            ps.setBigDecimal(7, a.amount().amount());
            ps.setBigDecimal(8, a.quantity());
            ps.addBatch();
        }
        return adjustments.size();
    }

    @Override
    public void insertProviderAdjustments(long paymentId, int firstSeq, List<ProviderAdjustment> items) {
        if (items.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO plb_item (payment_id, seq, provider_id, fiscal_period_date, reason_code, reference, amount)
                VALUES (:payment, :seq, :provider, :date, :reason, :reference, :amount)""");
        int seq = firstSeq;
        for (ProviderAdjustment a : items) {
            batch.bind("payment", paymentId)
                    .bind("seq", seq++)
                    .bind("provider", a.providerId())
                    .bindByType("date", a.fiscalPeriodDate(), LocalDate.class)
                    .bind("reason", a.reasonCode())
                    .bind("reference", a.reference())
                    .bind("amount", a.amount().amount())
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<ImportedFile> files() {
        return handle.createQuery("SELECT * FROM remit_file ORDER BY id DESC").map(FILE).list();
    }

    @Override
    public List<ImportedPayment> paymentsOfFile(long fileId) {
        return handle.createQuery("SELECT * FROM payment WHERE remit_file_id = :f ORDER BY seq")
                .bind("f", fileId).map(PAYMENT).list();
    }

    @Override
    public List<RemitClaimSummary> claimsOfPayment(long paymentId) {
        return handle.createQuery("""
                        SELECT rc.id, rc.payment_id, rc.seq, rc.patient_control_number, rc.status_code, rc.charge_amount,
                            rc.paid_amount, rc.patient_responsibility, rc.payer_claim_control_number, rc.service_date,
                            rc.ndc, rc.match_status, rc.matched_claim_id,""" + DenialSql.isDenial("rc") + """
                         AS denied
                        FROM remit_claim rc WHERE rc.payment_id = :p ORDER BY rc.seq""")
                .bind("p", paymentId).map(CLAIM).list();
    }

    @Override
    public String rawSegments(long remitClaimId) {
        return handle.createQuery("SELECT raw_segments FROM remit_claim WHERE id = :id")
                .bind("id", remitClaimId).mapTo(String.class).findOne().orElse("");
    }

    @Override
    public String postingHeldReason(long paymentId) {
        return handle.createQuery("SELECT posting_held_reason FROM payment WHERE id = :p")
                .bind("p", paymentId).mapTo(String.class).findOne().orElse(null);
    }

    @Override
    public MatchCounts matchCounts(long paymentId) {
        return handle.createQuery("SELECT match_status, COUNT(*) AS n FROM remit_claim WHERE payment_id = :p GROUP BY match_status")
                .bind("p", paymentId)
                .map((rs, ctx) -> MatchCounts.of(MatchStatus.valueOf(rs.getString("match_status")), rs.getInt("n")))
                .stream().reduce(MatchCounts.NONE, MatchCounts::plus);
    }

    @Override
    public void recordMatch(long remitClaimId, Long claimId, MatchStatus status) {
        if ((claimId == null) != (status == MatchStatus.UNMATCHED || status == MatchStatus.NEEDS_REVIEW)) {
            throw new IllegalArgumentException("match status " + status + " does not fit claim id " + claimId);
        }
        int updated = handle.createUpdate("""
                        UPDATE remit_claim SET matched_claim_id = :claim, match_status = :status WHERE id = :id""")
                .bindByType("claim", claimId, Long.class)
                .bind("status", status.name())
                .bind("id", remitClaimId)
                .execute();
        if (updated != 1) {
            throw new IllegalArgumentException("no remittance claim " + remitClaimId);
        }
    }

    @Override
    public List<RemittanceListRow> paymentList() {
        // one pass per table, grouped (no per-payment queries): claims paid / matched and PLB totals
        return handle.createQuery("""
                        SELECT p.id, p.remit_file_id, f.file_name, f.imported_at, %s AS payer_name, p.trace_number, p.method,
                            p.payment_date, p.amount, p.claim_count, p.status, p.posting_held_reason,
                            COALESCE(c.paid, 0) AS claims_paid, COALESCE(c.automatic, 0) AS automatic,
                            COALESCE(c.manual, 0) AS manual, COALESCE(c.waiting, 0) AS waiting,
                            COALESCE(c.unmatched, 0) AS unmatched,
                            COALESCE(b.plb, 0) AS plb
                        FROM payment p
                        JOIN remit_file f ON f.id = p.remit_file_id
                        LEFT JOIN (SELECT payment_id, SUM(paid_amount) AS paid,
                                       SUM(CASE match_status WHEN 'MATCHED' THEN 1 ELSE 0 END) AS automatic,
                                       SUM(CASE match_status WHEN 'MANUAL' THEN 1 ELSE 0 END) AS manual,
                                       SUM(CASE match_status WHEN 'NEEDS_REVIEW' THEN 1 ELSE 0 END) AS waiting,
                                       SUM(CASE match_status WHEN 'UNMATCHED' THEN 1 ELSE 0 END) AS unmatched
                                   FROM remit_claim GROUP BY payment_id) c ON c.payment_id = p.id
                        LEFT JOIN (SELECT payment_id, SUM(amount) AS plb FROM plb_item GROUP BY payment_id) b
                            ON b.payment_id = p.id
                        ORDER BY f.imported_at DESC, p.remit_file_id DESC, p.seq""".formatted(
                        PayerSql.paymentPayer("p", "p.payer_name")))
                .map((rs, ctx) -> new RemittanceListRow(rs.getLong("id"), rs.getLong("remit_file_id"),
                        rs.getString("file_name"), rs.getObject("imported_at", OffsetDateTime.class).toInstant(),
                        rs.getString("payer_name"), rs.getString("trace_number"), rs.getString("method"),
                        rs.getObject("payment_date", LocalDate.class), money(rs, "amount"), rs.getInt("claim_count"),
                        new MatchCounts(rs.getInt("automatic"), rs.getInt("manual"), rs.getInt("waiting"),
                                rs.getInt("unmatched")), money(rs, "claims_paid"), money(rs, "plb"),
                        PaymentStatus.valueOf(rs.getString("status")), rs.getString("posting_held_reason")))
                .list();
    }

    @Override
    public List<StoredAdjustment> adjustmentsOfClaim(long remitClaimId) {
        return handle.createQuery("""
                        SELECT l.seq AS line_seq, a.group_code, a.reason_code, a.amount, a.quantity
                        FROM remit_adjustment a LEFT JOIN remit_service_line l ON l.id = a.service_line_id
                        WHERE a.remit_claim_id = :c
                        ORDER BY CASE WHEN a.level = 'CLAIM' THEN 0 ELSE 1 END, l.seq, a.seq""")
                .bind("c", remitClaimId)
                .map((rs, ctx) -> new StoredAdjustment(rs.getObject("line_seq", Integer.class), rs.getString("group_code"),
                        rs.getString("reason_code"), money(rs, "amount"), rs.getBigDecimal("quantity")))
                .list();
    }

    @Override
    public List<StoredRemark> remarksOfClaim(long remitClaimId) {
        return handle.createQuery("""
                        SELECT l.seq AS line_seq, r.qualifier, r.code
                        FROM remit_remark r JOIN remit_service_line l ON l.id = r.service_line_id
                        WHERE l.remit_claim_id = :c ORDER BY l.seq, r.seq""")
                .bind("c", remitClaimId)
                .map((rs, ctx) -> new StoredRemark(rs.getInt("line_seq"), rs.getString("qualifier"), rs.getString("code")))
                .list();
    }

    @Override
    public List<StoredServiceLine> serviceLinesOfClaim(long remitClaimId) {
        return handle.createQuery("""
                        SELECT seq, product_qualifier, product_code, charge_amount, paid_amount, units_paid, service_date
                        FROM remit_service_line WHERE remit_claim_id = :c ORDER BY seq""")
                .bind("c", remitClaimId)
                .map((rs, ctx) -> new StoredServiceLine(rs.getInt("seq"), rs.getString("product_qualifier"),
                        rs.getString("product_code"), money(rs, "charge_amount"), money(rs, "paid_amount"),
                        rs.getBigDecimal("units_paid"), rs.getObject("service_date", LocalDate.class)))
                .list();
    }

    @Override
    public List<StoredProviderAdjustment> providerAdjustmentsOfPayment(long paymentId) {
        return handle.createQuery("""
                        SELECT id, seq, provider_id, fiscal_period_date, reason_code, reference, amount
                        FROM plb_item WHERE payment_id = :p ORDER BY seq""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new StoredProviderAdjustment(rs.getLong("id"), rs.getInt("seq"), rs.getString("provider_id"),
                        rs.getObject("fiscal_period_date", LocalDate.class), rs.getString("reason_code"),
                        rs.getString("reference"), money(rs, "amount")))
                .list();
    }

    @Override
    public long insertRejection(NewRejection r) {
        return handle.createUpdate("""
                        INSERT INTO remit_rejection (file_name, sha256, size_bytes, source, attempted_at, attempted_by,
                            problem_count, problems)
                        VALUES (:name, :sha, :size, :source, :at, :by, :count, :problems)""")
                .bind("name", r.fileName())
                .bind("sha", r.sha256())
                .bindByType("size", r.sizeBytes(), Long.class)
                .bind("source", r.source())
                .bind("at", OffsetDateTime.ofInstant(r.attemptedAt(), ZoneOffset.UTC))
                .bind("by", r.attemptedBy())
                .bind("count", r.problems().size())
                .bind("problems", String.join("\n", r.problems()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public List<RejectedImport> rejections() {
        return handle.createQuery("SELECT * FROM remit_rejection ORDER BY attempted_at DESC, id DESC")
                .map((rs, ctx) -> new RejectedImport(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getObject("size_bytes", Long.class), rs.getString("source"),
                        rs.getObject("attempted_at", OffsetDateTime.class).toInstant(), rs.getString("attempted_by"),
                        rs.getInt("problem_count"), rs.getString("problems")))
                .list();
    }

    /** One segment per line: "number: text" (e.g. "17: CLP*7001234-02*1*48.25…"). */
    static String raw(List<RawSegment> segments) {
        StringBuilder sb = new StringBuilder();
        for (RawSegment s : segments) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.number()).append(": ").append(s.text());
        }
        return sb.toString();
    }

    private static String product(ProductId p) {
        if (p == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(p.qualifier(), p.code()));
        parts.addAll(p.modifiers());
        return String.join(":", parts);
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Money.of(value);
    }
}
