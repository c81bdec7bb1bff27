package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.office.OfficeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rxledger office …}: settings every workstation of the office obeys (docs/security.md). */
@Command(name = "office", description = "Office-wide settings.", subcommands = OfficeCommand.LockAfter.class)
final class OfficeCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "lock-after", description = "Show or set the idle minutes after which every window locks "
            + "(billing-manager or admin; a workstation may only shorten it).")
    static final class LockAfter implements Callable<Integer> {

        @ParentCommand
        OfficeCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "MINUTES", description = "1 to 240; without it, show the setting.")
        Integer minutes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                OfficeSettings settings = new OfficeSettings(ctx.transactions());
                if (minutes != null) {
                    settings.setLockAfterMinutes(minutes);
                }
                out.printf("Windows of this office lock after %d idle minutes.%n", settings.lockAfterMinutes());
                out.flush();
            }
            return 0;
        }
    }
}
