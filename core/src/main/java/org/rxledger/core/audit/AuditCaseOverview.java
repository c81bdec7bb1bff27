package org.rxledger.core.audit;

/**
 * One row of the audit list: the case, how many claims it asks for, how many of them are unknown,
 * and its deadline flag as of the service's clock. {@code daysUntilDue} is negative when overdue.
 */
public record AuditCaseOverview(AuditCase auditCase, int requestedClaims, int unknownClaims, long daysUntilDue,
                                DeadlineFlag deadline) {

    public boolean overdue() {
        return deadline == DeadlineFlag.OVERDUE;
    }

    public boolean dueSoon() {
        return deadline == DeadlineFlag.DUE_SOON;
    }
}
