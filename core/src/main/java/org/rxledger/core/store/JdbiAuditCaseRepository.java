package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.audit.AuditCase;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.audit.AuditDocument;
import org.rxledger.core.audit.AuditFinding;
import org.rxledger.core.audit.AuditStatus;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.DocumentContentType;
import org.rxledger.core.audit.DocumentKind;
import org.rxledger.core.audit.RequestedClaim;
import org.rxledger.core.audit.Transmittal;
import org.rxledger.core.audit.TransmittalMethod;
import org.rxledger.core.money.Money;

/** Audit cases in H2 (V004__audit_cases.sql); enums by name, money as DECIMAL(15,2). */
final class JdbiAuditCaseRepository implements AuditCaseRepository {

    private static final RowMapper<AuditCase> CASE = (rs, ctx) -> new AuditCase(rs.getLong("id"),
            rs.getString("audit_id"), rs.getString("pbm_name"), AuditType.valueOf(rs.getString("audit_type")),
            rs.getObject("letter_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
            rs.getString("contact"), AuditStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
            rs.getString("created_by"));

    private static final RowMapper<RequestedClaim> LINE = (rs, ctx) -> new RequestedClaim(rs.getLong("id"),
            rs.getLong("case_id"), rs.getInt("line_no"), rs.getString("rx_number"), rs.getInt("fill_number"),
            rs.getObject("date_of_service", LocalDate.class), JdbiLedgerRepository.nullableLong(rs, "claim_id"));

    private static final RowMapper<Transmittal> TRANSMITTAL = (rs, ctx) -> new Transmittal(rs.getLong("id"),
            rs.getLong("case_id"), TransmittalMethod.valueOf(rs.getString("method")), instant(rs, "sent_at"),
            rs.getString("tracking_number"), rs.getString("person"));

    private static final RowMapper<AuditFinding> FINDING = (rs, ctx) -> new AuditFinding(rs.getLong("id"),
            rs.getLong("case_id"), rs.getInt("line_no"), rs.getString("finding"), Money.of(rs.getBigDecimal("recoupment")),
            instant(rs, "recorded_at"), rs.getString("recorded_by"));

    private static final RowMapper<AuditDocument> DOCUMENT = (rs, ctx) -> new AuditDocument(rs.getLong("id"),
            rs.getLong("case_id"), rs.getInt("line_no"), DocumentKind.valueOf(rs.getString("kind")),
            DocumentContentType.valueOf(rs.getString("content_type")), rs.getString("sha256"),
            rs.getString("stored_path"), rs.getString("original_name"), rs.getLong("size_bytes"),
            instant(rs, "attached_at"), rs.getString("attached_by"));

    private final Handle handle;

    JdbiAuditCaseRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public AuditCase insert(AuditCase c) {
        long id = handle.createUpdate("""
                        INSERT INTO audit_case (audit_id, pbm_name, audit_type, letter_date, due_date, contact, status,
                            created_at, created_by)
                        VALUES (:auditId, :pbm, :type, :letter, :due, :contact, :status, :at, :by)""")
                .bind("auditId", c.auditId()).bind("pbm", c.pbmName()).bind("type", c.type().name())
                .bind("letter", c.letterDate()).bind("due", c.dueDate()).bind("contact", c.contact())
                .bind("status", c.status().name()).bind("at", utc(c.createdAt())).bind("by", c.createdBy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return c.withId(id);
    }

    @Override
    public Optional<AuditCase> findByAuditId(String auditId) {
        return handle.createQuery("SELECT * FROM audit_case WHERE audit_id = :id").bind("id", auditId).map(CASE).findOne();
    }

    @Override
    public List<AuditCase> all() {
        return handle.createQuery("SELECT * FROM audit_case ORDER BY due_date, id").map(CASE).list();
    }

    @Override
    public void updateStatus(long caseId, AuditStatus status) {
        handle.createUpdate("UPDATE audit_case SET status = :s WHERE id = :id")
                .bind("s", status.name()).bind("id", caseId).execute();
    }

    @Override
    public RequestedClaim insertRequestedClaim(RequestedClaim l) {
        long id = handle.createUpdate("""
                        INSERT INTO audit_requested_claim (case_id, line_no, rx_number, fill_number, date_of_service, claim_id)
                        VALUES (:caseId, :line, :rx, :fill, :dos, :claimId)""")
                .bind("caseId", l.caseId()).bind("line", l.lineNo()).bind("rx", l.rxNumber())
                .bind("fill", l.fillNumber()).bind("dos", l.dateOfService()).bind("claimId", l.claimId())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new RequestedClaim(id, l.caseId(), l.lineNo(), l.rxNumber(), l.fillNumber(), l.dateOfService(), l.claimId());
    }

    @Override
    public List<RequestedClaim> requestedClaims(long caseId) {
        return handle.createQuery("SELECT * FROM audit_requested_claim WHERE case_id = :c ORDER BY line_no")
                .bind("c", caseId).map(LINE).list();
    }

    @Override
    public Transmittal insertTransmittal(Transmittal t) {
        long id = handle.createUpdate("""
                        INSERT INTO audit_transmittal (case_id, method, sent_at, tracking_number, person, recorded_at)
                        VALUES (:caseId, :method, :sentAt, :tracking, :person, CURRENT_TIMESTAMP)""")
                .bind("caseId", t.caseId()).bind("method", t.method().name()).bind("sentAt", utc(t.sentAt()))
                .bind("tracking", t.trackingNumber()).bind("person", t.person())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Transmittal(id, t.caseId(), t.method(), t.sentAt(), t.trackingNumber(), t.person());
    }

    @Override
    public List<Transmittal> transmittals(long caseId) {
        return handle.createQuery("SELECT * FROM audit_transmittal WHERE case_id = :c ORDER BY sent_at, id")
                .bind("c", caseId).map(TRANSMITTAL).list();
    }

    @Override
    public AuditFinding insertFinding(AuditFinding f) {
        long id = handle.createUpdate("""
                        INSERT INTO audit_finding (case_id, line_no, finding, recoupment, recorded_at, recorded_by)
                        VALUES (:caseId, :line, :finding, :recoupment, :at, :by)""")
                .bind("caseId", f.caseId()).bind("line", f.lineNo()).bind("finding", f.finding())
                .bind("recoupment", f.recoupment().amount()).bind("at", utc(f.recordedAt())).bind("by", f.recordedBy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new AuditFinding(id, f.caseId(), f.lineNo(), f.finding(), f.recoupment(), f.recordedAt(), f.recordedBy());
    }

    @Override
    public List<AuditFinding> findings(long caseId) {
        return handle.createQuery("SELECT * FROM audit_finding WHERE case_id = :c ORDER BY line_no, id")
                .bind("c", caseId).map(FINDING).list();
    }

    @Override
    public AuditDocument insertDocument(AuditDocument d) {
        long id = handle.createUpdate("""
                        INSERT INTO audit_document (case_id, line_no, kind, content_type, sha256, stored_path,
                            original_name, size_bytes, attached_at, attached_by)
                        VALUES (:caseId, :line, :kind, :type, :sha, :path, :name, :size, :at, :by)""")
                .bind("caseId", d.caseId()).bind("line", d.lineNo()).bind("kind", d.kind().name())
                .bind("type", d.contentType().name()).bind("sha", d.sha256()).bind("path", d.storedPath())
                .bind("name", d.originalName()).bind("size", d.sizeBytes()).bind("at", utc(d.attachedAt()))
                .bind("by", d.attachedBy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new AuditDocument(id, d.caseId(), d.lineNo(), d.kind(), d.contentType(), d.sha256(), d.storedPath(),
                d.originalName(), d.sizeBytes(), d.attachedAt(), d.attachedBy());
    }

    @Override
    public List<AuditDocument> documents(long caseId) {
        return handle.createQuery("SELECT * FROM audit_document WHERE case_id = :c ORDER BY line_no, id")
                .bind("c", caseId).map(DOCUMENT).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
