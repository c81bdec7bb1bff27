package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.security.AuditTrailVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger audit-trail verify}: checks the audit trail's hash chain (docs/security.md). */
@Command(name = "audit-trail", description = "Check the tamper-evident audit trail.",
        subcommands = AuditTrailCommand.Verify.class)
final class AuditTrailCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "verify", description = "Walk the audit trail's hash chain and name the first broken link; "
            + "exit 0 when intact, 1 when broken.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditTrailCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print {\"intact\", \"checked\", \"first_broken_seq\", \"problem\", \"head\"}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AuditTrailVerification.Result result;
            try (AppContext ctx = parent.root.openContext()) {
                ctx.require(org.rxledger.core.access.Permission.AUDIT_TRAIL_VERIFY, "verify the audit trail");
                result = new AuditTrailVerification(ctx.transactions()).verify();
            }
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("intact", result.intact());
                o.put("checked", result.checked());
                o.put("first_broken_seq", result.firstBrokenSeq());
                o.put("problem", result.problem());
                o.put("head", result.headHash());
                CliOutput.json(out, o);
            } else {
                out.println(result.describe());
            }
            out.flush();
            return result.intact() ? 0 : Cli.EXIT_REJECTED;
        }
    }
}
