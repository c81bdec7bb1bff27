package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.access.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger keys recovery-export}: the encrypted office's recovery code, shown once (docs/security.md). */
@Command(name = "keys", description = "The encrypted office's key (docs/security.md, Encryption at rest).",
        subcommands = KeysCommand.RecoveryExport.class)
final class KeysCommand {

    @ParentCommand
    RxLedgerCommand root;

    /** Text shown with every recovery code: what it is for and what losing it means. */
    static void printRecoveryCode(PrintWriter out, String code) {
        out.println("Recovery code of this office (shown only this once; write it down and keep it away from this "
                + "computer, e.g. in the office safe):");
        out.println("    " + code);
        out.println("It opens the office if every administrator's password is lost. Losing every password and this "
                + "code loses the office's data.");
    }

    @Command(name = "recovery-export", description = "Make the office's recovery code and print it, once (administrator).")
    static final class RecoveryExport implements Callable<Integer> {

        @ParentCommand
        KeysCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = parent.root.openContext()) {
                ctx.require(Permission.ACCOUNTS_MANAGE, "export the office's recovery code");
                String code = ctx.database().keySlots().exportRecoveryCode();
                PrintWriter out = spec.commandLine().getOut();
                printRecoveryCode(out, code);
                out.flush();
            }
            return 0;
        }
    }
}
