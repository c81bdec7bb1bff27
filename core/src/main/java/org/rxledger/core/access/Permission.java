package org.rxledger.core.access;

/**
 * What a use case needs before it writes (issue 16 item 2). Reading is {@link #VIEW}; unmasked
 * patient identifiers in lists are {@link #VIEW_FULL_IDENTIFIERS}. Which role holds which
 * permission is decided in one place, {@link PermissionMatrix}.
 */
public enum Permission {
    VIEW("read claims, remittances, reconciliation and reports"),
    VIEW_FULL_IDENTIFIERS("see full dates of birth and cardholder ids in lists"),
    CLAIM_ENTER("enter charges and import claims"),
    CLAIM_CORRECT("reverse, rebill and correct claims"),
    REMIT_IMPORT("import 835 remittances"),
    MATCH_DECIDE("match, unmatch and re-match claim payments; attribute PLB items"),
    POST("post payments to the ledger"),
    UNPOST("unpost and re-post payments"),
    EXCEPTION_WORK("assign, resolve and reopen exceptions and rejects"),
    DEPOSIT_RECORD("record, import and void bank deposits"),
    REPORT_EXPORT("export and print reports that name patients"),
    AUDIT_CASE_MANAGE("open PBM audit cases and produce desk-audit packets"),
    PAYER_DIRECTORY_EDIT("edit the payer directory and per-payer settings"),
    PATIENT_ACCOUNT_WORK("post patient payments and refunds, place and release holds, run statements"),
    WRITEOFF_PROPOSE("propose write-offs"),
    WRITEOFF_APPROVE_CLERK_TIER("approve write-offs up to 25.00"),
    WRITEOFF_APPROVE_SUPERVISOR_TIER("approve write-offs up to 250.00"),
    WRITEOFF_APPROVE_MANAGER_TIER("approve write-offs up to 1,000.00"),
    WRITEOFF_APPROVE_ADMIN_TIER("approve any write-off, and deceased, bankruptcy and charity write-offs"),
    CONTRACTS_MANAGE("import payer contracts and price lists, acknowledge contract change notices"),
    SETTINGS_EDIT("change office settings and the pharmacy's identity"),
    ACCOUNTS_MANAGE("create accounts, assign roles, reset passwords"),
    AUDIT_TRAIL_VERIFY("verify the audit trail and read the disclosure log");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** {@code writeoff-approve-clerk-tier}: as {@code rxledger roles} prints it and refusals name it. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
