package org.rxledger.core.access;

import static org.rxledger.core.access.Permission.AUDIT_CASE_MANAGE;
import static org.rxledger.core.access.Permission.AUDIT_TRAIL_VERIFY;
import static org.rxledger.core.access.Permission.CLAIM_CORRECT;
import static org.rxledger.core.access.Permission.CLAIM_ENTER;
import static org.rxledger.core.access.Permission.CONTRACTS_MANAGE;
import static org.rxledger.core.access.Permission.DEPOSIT_RECORD;
import static org.rxledger.core.access.Permission.EXCEPTION_WORK;
import static org.rxledger.core.access.Permission.MATCH_DECIDE;
import static org.rxledger.core.access.Permission.PAYER_DIRECTORY_EDIT;
import static org.rxledger.core.access.Permission.POST;
import static org.rxledger.core.access.Permission.REMIT_IMPORT;
import static org.rxledger.core.access.Permission.REPORT_EXPORT;
import static org.rxledger.core.access.Permission.SETTINGS_EDIT;
import static org.rxledger.core.access.Permission.UNPOST;
import static org.rxledger.core.access.Permission.VIEW;
import static org.rxledger.core.access.Permission.VIEW_FULL_IDENTIFIERS;
import static org.rxledger.core.access.Permission.WRITEOFF_APPROVE_CLERK_TIER;
import static org.rxledger.core.access.Permission.WRITEOFF_APPROVE_MANAGER_TIER;
import static org.rxledger.core.access.Permission.WRITEOFF_APPROVE_SUPERVISOR_TIER;
import static org.rxledger.core.access.Permission.WRITEOFF_PROPOSE;
import static org.rxledger.core.access.Permission.PATIENT_ACCOUNT_WORK;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the one place that decides it (issue 16 item 2), printed by {@code rxledger roles}.
 * Least privilege (DOMAIN.md §9): a clerk cannot unpost or see full identifiers in lists; the audit
 * coordinator moves no money; the inbox's service account only imports.
 */
public final class PermissionMatrix {

    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        Set<Permission> clerk = EnumSet.of(VIEW, CLAIM_ENTER, CLAIM_CORRECT, REMIT_IMPORT, MATCH_DECIDE, POST,
                EXCEPTION_WORK, DEPOSIT_RECORD, REPORT_EXPORT, PATIENT_ACCOUNT_WORK, WRITEOFF_PROPOSE, WRITEOFF_APPROVE_CLERK_TIER);
        Set<Permission> supervisor = EnumSet.copyOf(clerk);
        supervisor.addAll(EnumSet.of(VIEW_FULL_IDENTIFIERS, UNPOST, PAYER_DIRECTORY_EDIT, WRITEOFF_APPROVE_SUPERVISOR_TIER));
        Set<Permission> manager = EnumSet.copyOf(supervisor);
        manager.addAll(EnumSet.of(WRITEOFF_APPROVE_MANAGER_TIER, SETTINGS_EDIT, AUDIT_CASE_MANAGE, CONTRACTS_MANAGE));
        GRANTS.put(Role.CLERK, clerk);
        GRANTS.put(Role.SUPERVISOR, supervisor);
        GRANTS.put(Role.BILLING_MANAGER, manager);
        GRANTS.put(Role.AUDIT_COORDINATOR, EnumSet.of(VIEW, VIEW_FULL_IDENTIFIERS, AUDIT_CASE_MANAGE, REPORT_EXPORT,
                AUDIT_TRAIL_VERIFY));
        GRANTS.put(Role.ADMIN, EnumSet.allOf(Permission.class)); // incl. ACCOUNTS_MANAGE, WRITEOFF_APPROVE_ADMIN_TIER
        GRANTS.put(Role.READ_ONLY, EnumSet.of(VIEW));
        GRANTS.put(Role.IMPORT_SERVICE, EnumSet.of(REMIT_IMPORT));
    }

    private PermissionMatrix() {
    }

    public static Set<Permission> permissionsOf(Role role) {
        return EnumSet.copyOf(GRANTS.get(role));
    }

    /** The union of what the roles allow. */
    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(GRANTS.get(r)));
        return all;
    }

    public static boolean allows(Collection<Role> roles, Permission permission) {
        return roles.stream().anyMatch(r -> GRANTS.get(r).contains(permission));
    }

    /** The matrix as a text table: one row per permission, one column per role, ✓ where granted. */
    public static String render() {
        StringBuilder out = new StringBuilder(String.format("%-34s", "PERMISSION"));
        for (Role r : Role.values()) {
            out.append(String.format(" %-17s", r.cliName()));
        }
        out.append(System.lineSeparator());
        for (Permission p : Permission.values()) {
            out.append(String.format("%-34s", p.cliName()));
            for (Role r : Role.values()) {
                out.append(String.format(" %-17s", GRANTS.get(r).contains(p) ? "yes" : "-"));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
