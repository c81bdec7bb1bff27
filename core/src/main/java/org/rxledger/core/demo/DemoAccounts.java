package org.rxledger.core.demo;

import java.util.List;
import java.util.Set;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.access.Role;

/**
 * The demo office's accounts: one per role, all with the password {@value #PASSWORD}, stated on the
 * demo's sign-in screen and in the README. The demo office holds only fictional data; a real office
 * starts with {@code rxledger init} and an administrator's own password.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    public static final List<AccountService.NewAccount> ACCOUNTS = List.of(
            account("demo-clerk", "Demo Clerk", Role.CLERK),
            account("demo-supervisor", "Demo Supervisor", Role.SUPERVISOR),
            account("demo-manager", "Demo Billing Manager", Role.BILLING_MANAGER),
            account("demo-auditor", "Demo Audit Coordinator", Role.AUDIT_COORDINATOR),
            account("demo-admin", "Demo Administrator", Role.ADMIN));

    private DemoAccounts() {
    }

    /** Creates the five accounts in an office that has none (a second call does nothing). */
    public static void create(AccountService accounts) {
        accounts.createDemoAccounts(ACCOUNTS);
    }

    private static AccountService.NewAccount account(String name, String display, Role role) {
        return new AccountService.NewAccount(name, display, Set.of(role), PASSWORD.toCharArray());
    }
}
