package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.reporting.PaymentAdvice;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.RemittanceEobPdfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger remit eob --trace TRACE --out FILE.pdf}: prints the remittance advice of one
 * stored 835 payment. Meant as a subcommand of {@code remit}: add {@code RemitEobCommand.class} to
 * the {@code subcommands} of {@code RemitCommand}. It takes the data directory from the root
 * command ({@code --data} is an inherited option), so it needs no field of its parent.
 */
@Command(name = "eob", description = "Print the remittance advice (EOB) of one payment as a PDF.")
public final class RemitEobCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "TRN02 trace or check number.")
    String trace;

    @Option(names = "--payer", paramLabel = "NAME", description = "Payer name, when several payers used the same trace number.")
    String payer;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF to write.")
    Path out;

    @Option(names = "--recipient", paramLabel = "WHO", description = "Who the advice is for (the disclosure log records it).")
    String recipient;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RxLedgerCommand root = (RxLedgerCommand) spec.root().userObject();
        try (AppContext ctx = root.openContext()) {
            List<PaymentAdvice> found = PaymentAdvice.withTrace(ctx.transactions(), trace).stream()
                    .filter(a -> payer == null || a.payment().payerName().equalsIgnoreCase(payer.strip()))
                    .toList();
            if (found.isEmpty()) {
                err.println("rxledger: no stored payment has trace number " + trace
                        + (payer == null ? "" : " from " + payer) + ".");
                err.flush();
                return Cli.EXIT_REJECTED;
            }
            if (found.size() > 1) {
                err.println("rxledger: " + found.size() + " payments have trace number " + trace + " ("
                        + String.join(", ", found.stream().map(a -> a.payment().payerName()).distinct().toList())
                        + "); choose one with --payer NAME.");
                err.flush();
                return Cli.EXIT_REJECTED;
            }
            // recorded first: a refused person writes no file, and a failed write over-counts rather than hides one
            PaymentAdvice.recordDisclosure(ctx.transactions(), found.get(0),
                    recipient == null || recipient.isBlank() ? PaymentAdvice.RECIPIENT_NOT_STATED : recipient.strip());
            AuditPacketPdfWriter.Result result = new RemittanceEobPdfWriter().write(found.get(0),
                    LocalDateTime.now(ctx.clock()), out);
            stdout.printf("Wrote %s: remittance advice for %s trace %s, %d claims, %d page%s, SHA-256 %s%n", result.file(),
                    found.get(0).payment().payerName(), trace, found.get(0).claims().size(), result.pageCount(),
                    result.pageCount() == 1 ? "" : "s", result.sha256());
            stdout.flush();
        }
        return 0;
    }
}
