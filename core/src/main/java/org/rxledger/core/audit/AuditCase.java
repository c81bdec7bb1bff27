package org.rxledger.core.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One PBM audit as the letter states it: who audits ({@code pbmName}), their reference
 * ({@code auditId}, unique in this office), the letter and due dates and whom to answer.
 */
public record AuditCase(long id, String auditId, String pbmName, AuditType type, LocalDate letterDate,
                        LocalDate dueDate, String contact, AuditStatus status, Instant createdAt, String createdBy) {

    public AuditCase withStatus(AuditStatus newStatus) {
        return new AuditCase(id, auditId, pbmName, type, letterDate, dueDate, contact, newStatus, createdAt, createdBy);
    }

    public AuditCase withId(long newId) {
        return new AuditCase(newId, auditId, pbmName, type, letterDate, dueDate, contact, status, createdAt, createdBy);
    }
}
