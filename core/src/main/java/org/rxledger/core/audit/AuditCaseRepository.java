package org.rxledger.core.audit;

import java.util.List;
import java.util.Optional;

/** Port: audit cases and everything hanging off them. Writes happen inside the caller's transaction. */
public interface AuditCaseRepository {

    /** Stores a new case and returns it with its id. */
    AuditCase insert(AuditCase auditCase);

    Optional<AuditCase> findByAuditId(String auditId);

    /** Every case, earliest due date first. */
    List<AuditCase> all();

    void updateStatus(long caseId, AuditStatus status);

    RequestedClaim insertRequestedClaim(RequestedClaim line);

    /** The case's requested claims in the auditor's order (line number). */
    List<RequestedClaim> requestedClaims(long caseId);

    Transmittal insertTransmittal(Transmittal transmittal);

    List<Transmittal> transmittals(long caseId);

    AuditFinding insertFinding(AuditFinding finding);

    List<AuditFinding> findings(long caseId);

    AuditDocument insertDocument(AuditDocument document);

    /** Documents of the case in line order, then attachment order. */
    List<AuditDocument> documents(long caseId);
}
