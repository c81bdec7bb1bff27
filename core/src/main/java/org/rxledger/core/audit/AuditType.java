package org.rxledger.core.audit;

/** The kinds of PBM audit a pharmacy answers (DOMAIN.md §5.1). */
public enum AuditType {
    /** Remote review of copies mailed/uploaded by a due date; the packet builder's main case. */
    DESK,
    /** The auditor visits and pulls records on site. */
    ONSITE,
    /** Units billed per NDC compared with units purchased (wholesaler invoices). */
    INVOICE
}
