package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimName;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportedFile;
import org.rxledger.core.remit.ImportedPayment;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.Payment;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.ProductId;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.RawSegment;
import org.rxledger.core.remit.Remark;
import org.rxledger.core.remit.RemitClaimSummary;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.remit.ServiceLine;

/**
 * Remittance tables of V002 on Jdbi. Claims, lines, adjustments and remarks of a chunk are written
 * with one {@link PreparedBatch} per table (generated ids come back from the batch), so a chunk of
 * 1,000 claims costs four round trips.
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
            MatchStatus.valueOf(rs.getString("match_status")), rs.getObject("matched_claim_id", Long.class));

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
                        WHERE trace_number = :trace AND amount = :amount
                          AND (payer_identifier = :payerId OR payer_name = :payerName)
                        ORDER BY id LIMIT 1""")
                .bind("trace", traceNumber)
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

    @Override
    public long insertPayment(long fileId, int seq, Payment p) {
        return handle.createUpdate("""
                        INSERT INTO payment (remit_file_id, seq, interchange_control, group_control, transaction_control,
                            payer_name, payer_identifier, trace_number, amount, credit_debit, handling_code, method,
                            payment_format, payment_date, production_date, payee_name, payee_id_qualifier, payee_id,
                            payee_npi, payee_ncpdp, payee_tax_id, status)
                        VALUES (:file, :seq, :isa, :gs, :st, :payerName, :payerId, :trace, :amount, :creditDebit,
                            :handling, :method, :format, :paymentDate, :productionDate, :payeeName, :payeeQualifier,
                            :payeeId, :npi, :ncpdp, :tin, :status)""")
                .bind("file", fileId)
                .bind("seq", seq)
                .bind("isa", p.interchange().controlNumber())
                .bind("gs", p.group().controlNumber())
                .bind("st", p.transactionControlNumber())
                .bind("payerName", p.payer().name() == null ? "" : p.payer().name())
                .bind("payerId", p.payerIdentifier() == null ? "" : p.payerIdentifier())
                .bind("trace", p.traceNumber())
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

    @Override
    public void insertClaims(long paymentId, int firstSeq, List<ClaimPayment> claims) {
        if (claims.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO remit_claim (payment_id, seq, lx_number, patient_control_number, status_code, charge_amount,
                    paid_amount, patient_responsibility, filing_indicator, payer_claim_control_number, facility_type_code,
                    frequency_code, patient_last_name, patient_first_name, member_id, service_date, service_date_to,
                    received_date, ndc, quantity, original_reference, raw_segments, match_status)
                VALUES (:payment, :seq, :lx, :pcn, :status, :charge, :paid, :patientResp, :filing, :payerCcn, :facility,
                    :frequency, :lastName, :firstName, :memberId, :serviceDate, :serviceDateTo, :receivedDate, :ndc,
                    :quantity, :originalRef, :raw, :matchStatus)""");
        int seq = firstSeq;
        for (ClaimPayment c : claims) {
            Optional<ClaimName> patient = c.patient();
            BigDecimal quantity = c.serviceLines().isEmpty() ? null : c.serviceLines().get(0).unitsPaid();
            batch.bind("payment", paymentId)
                    .bind("seq", seq++)
                    .bind("lx", c.headerNumber())
                    .bind("pcn", c.patientControlNumber())
                    .bind("status", c.status())
                    .bind("charge", c.charge().amount())
                    .bind("paid", c.paid().amount())
                    .bind("patientResp", amount(c.patientResponsibility()))
                    .bind("filing", c.filingIndicator())
                    .bind("payerCcn", c.payerClaimControlNumber())
                    .bind("facility", c.facilityTypeCode())
                    .bind("frequency", c.frequencyCode())
                    .bind("lastName", patient.map(ClaimName::lastName).orElse(null))
                    .bind("firstName", patient.map(ClaimName::firstName).orElse(null))
                    .bind("memberId", c.memberId().orElse(null))
                    .bindByType("serviceDate", c.serviceDate().orElse(null), LocalDate.class)
                    .bindByType("serviceDateTo", c.date("233").orElse(null), LocalDate.class)
                    .bindByType("receivedDate", c.date("050").orElse(null), LocalDate.class)
                    .bind("ndc", c.ndc().orElse(null))
                    .bind("quantity", quantity)
                    .bind("originalRef", c.reference("F8").orElse(null))
                    .bind("raw", raw(c.rawSegments()))
                    .bind("matchStatus", MatchStatus.UNMATCHED.name())
                    .add();
        }
        List<Long> claimIds = batch.executePreparedBatch("id").mapTo(Long.class).list();

        // service lines of the chunk, then everything that hangs off claims and lines
        PreparedBatch lines = handle.prepareBatch("""
                INSERT INTO remit_service_line (remit_claim_id, seq, product_qualifier, product_code, modifiers,
                    charge_amount, paid_amount, revenue_code, units_paid, original_product, original_units, service_date)
                VALUES (:claim, :seq, :qualifier, :code, :modifiers, :charge, :paid, :revenue, :units, :originalProduct,
                    :originalUnits, :serviceDate)""");
        List<ServiceLine> lineOrder = new ArrayList<>();
        List<Long> lineClaimIds = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            int lineSeq = 1;
            for (ServiceLine l : claims.get(i).serviceLines()) {
                lines.bind("claim", claimIds.get(i))
                        .bind("seq", lineSeq++)
                        .bind("qualifier", l.product().qualifier())
                        .bind("code", l.product().code())
                        .bind("modifiers", String.join(":", l.product().modifiers()))
                        .bind("charge", l.charge().amount())
                        .bind("paid", l.paid().amount())
                        .bind("revenue", l.revenueCode())
                        .bind("units", l.unitsPaid())
                        .bind("originalProduct", product(l.originalProduct()))
                        .bind("originalUnits", l.originalUnits())
                        .bindByType("serviceDate", l.serviceDate().orElse(null), LocalDate.class)
                        .add();
                lineOrder.add(l);
                lineClaimIds.add(claimIds.get(i));
            }
        }
        List<Long> lineIds = lineOrder.isEmpty() ? List.of()
                : lines.executePreparedBatch("id").mapTo(Long.class).list();

        PreparedBatch adjustments = handle.prepareBatch("""
                INSERT INTO remit_adjustment (remit_claim_id, service_line_id, level, seq, group_code, reason_code,
                    amount, quantity)
                VALUES (:claim, :line, :level, :seq, :group, :reason, :amount, :quantity)""");
        int adjustmentRows = 0;
        for (int i = 0; i < claims.size(); i++) {
            adjustmentRows += bindAdjustments(adjustments, claimIds.get(i), null, claims.get(i).adjustments());
        }
        PreparedBatch remarks = handle.prepareBatch("""
                INSERT INTO remit_remark (service_line_id, seq, qualifier, code) VALUES (:line, :seq, :qualifier, :code)""");
        int remarkRows = 0;
        for (int i = 0; i < lineOrder.size(); i++) {
            ServiceLine l = lineOrder.get(i);
            adjustmentRows += bindAdjustments(adjustments, lineClaimIds.get(i), lineIds.get(i), l.adjustments());
            int remarkSeq = 1;
            for (Remark r : l.remarks()) {
                remarks.bind("line", lineIds.get(i)).bind("seq", remarkSeq++).bind("qualifier", r.qualifier())
                        .bind("code", r.code()).add();
                remarkRows++;
            }
        }
        if (adjustmentRows > 0) {
            adjustments.execute();
        }
        if (remarkRows > 0) {
            remarks.execute();
        }
    }

    private static int bindAdjustments(PreparedBatch batch, long claimId, Long lineId, List<Adjustment> adjustments) {
        int seq = 1;
        for (Adjustment a : adjustments) {
            batch.bind("claim", claimId)
                    .bindByType("line", lineId, Long.class)
                    .bind("level", lineId == null ? "CLAIM" : "LINE")
                    .bind("seq", seq++)
                    .bind("group", a.group())
                    .bind("reason", a.reason())
                    .bind("amount", a.amount().amount())
                    .bind("quantity", a.quantity())
                    .add();
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
                        SELECT id, payment_id, seq, patient_control_number, status_code, charge_amount, paid_amount,
                            patient_responsibility, payer_claim_control_number, service_date, ndc, match_status,
                            matched_claim_id
                        FROM remit_claim WHERE payment_id = :p ORDER BY seq""")
                .bind("p", paymentId).map(CLAIM).list();
    }

    @Override
    public String rawSegments(long remitClaimId) {
        return handle.createQuery("SELECT raw_segments FROM remit_claim WHERE id = :id")
                .bind("id", remitClaimId).mapTo(String.class).findOne().orElse("");
    }

    @Override
    public int matchedClaimCount(long paymentId) {
        return handle.createQuery("SELECT COUNT(*) FROM remit_claim WHERE payment_id = :p AND matched_claim_id IS NOT NULL")
                .bind("p", paymentId).mapTo(Integer.class).one();
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
