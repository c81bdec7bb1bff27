package org.rxledger.core.access;

import java.util.Locale;

/** The roles of a billing office (issue 16, DOMAIN.md §9 "access control"); what each may do is in {@link PermissionMatrix}. */
public enum Role {
    CLERK("Billing clerk", "enters charges, imports and matches remittances, posts, works exceptions and deposits"),
    SUPERVISOR("Supervisor", "a clerk's work plus unposting, the payer directory and write-offs up to 250.00"),
    BILLING_MANAGER("Billing manager", "a supervisor's work plus office settings and write-offs up to 1,000.00"),
    AUDIT_COORDINATOR("Audit coordinator", "PBM audit cases and packets; reads everything, changes no money"),
    ADMIN("Administrator", "accounts and every permission"),
    READ_ONLY("Read-only", "reads lists and reports with patient identifiers masked"),
    IMPORT_SERVICE("Import service", "the inbox folder's service account: imports remittances, nothing else");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** As typed on the command line: {@code clerk}, {@code billing-manager}, {@code BILLING_MANAGER}. */
    public static Role parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected one of clerk, supervisor, "
                + "billing-manager, audit-coordinator, admin, read-only, import-service");
    }

    /** {@code billing-manager} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
