package org.rxledger.core.security;

import java.time.Instant;

/** One line of the audit trail: who did what to which record, when; detail is JSON. */
public record AuditRecord(long seq, Instant occurredAt, String user, String workstation, String action,
                          String entityType, String entityId, String detail) {
}
