package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.StatementRun;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.PatientStatementPdfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger statements run --date D --out FILE.pdf}: a statement run printed as one PDF (docs/collections.md). */
@Command(name = "statements", description = "Patient statements: run the statements due on a date into one PDF.",
        subcommands = StatementsCommand.Run.class)
final class StatementsCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "run", description = "Send the statements due on a date (1, 2, past due, final notice; none for "
            + "accounts on hold) and print them all into one PDF; each account's cycle advances.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        StatementsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Statement date (default today).") LocalDate date;
        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF to write.") Path out;
        final SignedIn who = new SignedIn();

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                LocalDate on = date != null ? date : LocalDate.now(ctx.clock());
                StatementRun run = new PatientAccountService(ctx.transactions()).statementRun(who.signIn(ctx), on);
                AuditPacketPdfWriter.Result r = new PatientStatementPdfWriter().write(run, out);
                stdout.printf("Wrote %s: %d statement%s for %s, %d page%s, SHA-256 %s%n", r.file(), run.notices().size(),
                        run.notices().size() == 1 ? "" : "s", on, r.pageCount(), r.pageCount() == 1 ? "" : "s", r.sha256());
                stdout.flush();
            }
            return 0;
        }
    }
}
