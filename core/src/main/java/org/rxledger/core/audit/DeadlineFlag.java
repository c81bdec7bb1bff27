package org.rxledger.core.audit;

/** How close an unsubmitted audit is to its due date (DOMAIN.md §5.3: extensions must be asked for before it). */
public enum DeadlineFlag {
    /** Not yet submitted and the due date has passed. */
    OVERDUE,
    /** Not yet submitted and due today or within the next {@link AuditCaseService#DUE_SOON_DAYS} days. */
    DUE_SOON,
    /** Submitted or closed, or due later. */
    NONE
}
