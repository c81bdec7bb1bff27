package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.security.Account;
import org.rxledger.core.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger accounts list}: the office's accounts, without any password material. */
@Command(name = "accounts", description = "The office's accounts (docs/security.md).",
        subcommands = AccountsCommand.ListAccounts.class)
final class AccountsCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "list", description = "List accounts: name, display name, roles, active, locked.")
    static final class ListAccounts implements Callable<Integer> {

        @ParentCommand
        AccountsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print [{\"name\", \"display_name\", \"roles\", \"active\", \"locked_until\"}].")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Account> accounts;
            try (AppContext ctx = parent.root.openContext()) {
                accounts = ctx.accounts().list();
            }
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Account a : accounts) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("name", a.name());
                    o.put("display_name", a.displayName());
                    o.put("roles", a.roles().stream().map(Role::cliName).toList());
                    o.put("active", a.active());
                    o.put("locked_until", a.lockedUntil() == null ? null : a.lockedUntil().toString());
                    list.add(o);
                }
                CliOutput.json(out, list);
            } else {
                out.printf("%-20s %-28s %-30s %s%n", "NAME", "DISPLAY NAME", "ROLES", "STATE");
                for (Account a : accounts) {
                    out.printf("%-20s %-28.28s %-30s %s%n", a.name(), a.displayName(),
                            String.join(",", a.roles().stream().map(Role::cliName).toList()),
                            !a.active() ? "switched off" : a.lockedUntil() != null ? "locked until " + a.lockedUntil() : "active");
                }
                out.printf("%d %s%n", accounts.size(), accounts.size() == 1 ? "account" : "accounts");
            }
            out.flush();
            return 0;
        }
    }
}
