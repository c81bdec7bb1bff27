package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.app.DemoSeeder;
import org.rxledger.core.demo.DemoAccounts;
import org.rxledger.core.demo.DemoCollections;
import org.rxledger.core.demo.DemoContracts;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.security.OfficeKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger demo}: creates the demo office in an empty data directory. */
@Command(name = "demo", description = "Create the demo office (patients, plans, ~3,000 adjudicated claims) in an empty data directory, "
        + "then import, match and post its 835 remittances.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.nio.file.Path dir = root.dataDir();
        boolean encryptedOffice = OfficeKeys.isEncrypted(dir) && new OfficeKeys(dir).unclaimed().isEmpty();
        try (AppContext ctx = encryptedOffice ? null : root.openContextToSetUp(true)) {
            if (ctx == null || !DemoOffice.isEmpty(ctx.transactions())) {
                err.println("rxledger: " + dir + " already holds an office; the demo office is only created in an "
                        + "empty data directory (choose another with --data DIR).");
                err.flush();
                return Cli.EXIT_REJECTED;
            }
            createDemoOffice(ctx, out);
        }
        return 0;
    }

    /** Creates the demo office, its 835s, accounts, statements and MFP refunds in an empty data directory. */
    static void createDemoOffice(AppContext ctx, PrintWriter out) {
        // the folder has no accounts yet: the opener creates the office and imports its 835s, then the accounts follow
        ctx.signInIfNoAccounts();
        out.println("Demo office created in " + ctx.dataDir() + " for " + DemoSeeder.describe(DemoOffice.create(ctx.transactions())) + ".");
        out.flush();
        String remittances = DemoSeeder.describe(DemoSeeder.importRemittances(ctx));
        out.println(Character.toUpperCase(remittances.charAt(0)) + remittances.substring(1) + ".");
        String contracts = DemoSeeder.describe(DemoContracts.create(ctx.transactions(), LocalDate.now(ctx.clock())));
        out.println(Character.toUpperCase(contracts.charAt(0)) + contracts.substring(1) + ".");
        DemoAccounts.create(ctx.accounts());
        out.println("Demo accounts (password '" + DemoAccounts.PASSWORD + "'): "
                + String.join(", ", DemoAccounts.ACCOUNTS.stream().map(a -> a.name()).toList()) + ".");
        DemoCollections.Summary c = DemoCollections.create(ctx.transactions());
        out.println("Patient accounts: " + c.accounts() + " with a balance, " + c.statements() + " statements sent, "
                + c.recommendations() + " write-offs to review.");
        out.println(DemoSeeder.describe(DemoSeeder.seedMfp(ctx)) + ".");
        out.flush();
    }
}
