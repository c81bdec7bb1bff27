package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.RemittanceImports;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger remit …}: 835 remittance import and listing. The JSON shapes are a contract that
 * scripts and nightly jobs depend on (issue 4, "Command line"): change them only additively.
 */
@Command(name = "remit", description = "Import and list 835 remittances (ERA files).",
        subcommands = {
                RemitCommand.ImportRemits.class,
                RemitCommand.ListRemits.class,
                RemitUnmatchedCommand.class,
                RemitEobCommand.class,
                RemitPostingCommands.Post.class,
                RemitPostingCommands.Unpost.class,
                RemitPostingCommands.Repost.class,
                RemitPostingCommands.Match.class,
                RemitPostingCommands.Unmatch.class,
                RemitPostingCommands.RematchWaiting.class,
                RemitPostingCommands.AttributePlb.class,
        })
final class RemitCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "import", description = {
            "Import 835 files in the order given. Each file is stored completely or not at all.",
            "Exit code 1 if any file was rejected; a duplicate is not an error."})
    static final class ImportRemits implements Callable<Integer> {

        @ParentCommand
        RemitCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object {\"files\":[…]} instead of text.")
        boolean json;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "835 files to import.")
        List<String> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean anyRejected = false;
            List<Map<String, Object>> results = new ArrayList<>();
            try (AppContext ctx = parent.root.openContext()) {
                RemittanceImports imports = new RemittanceImports(ctx.remittanceImports(),
                        new RejectionLog(ctx.transactions()));
                for (String given : files) {
                    ImportOutcome outcome = imports.importFile(Path.of(given), RejectionLog.Source.CLI,
                            ProgressListener.NONE, () -> false);
                    anyRejected |= outcome.status() == ImportOutcome.Status.REJECTED;
                    if (json) {
                        results.add(fileJson(given, outcome));
                    } else {
                        out.println(text(given, outcome));
                        out.flush();
                    }
                }
            }
            if (json) {
                CliOutput.json(out, Map.of("files", results));
            }
            out.flush();
            return anyRejected ? Cli.EXIT_REJECTED : 0;
        }

        private static Map<String, Object> fileJson(String given, ImportOutcome outcome) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", given);
            f.put("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
            f.put("error", outcome instanceof ImportOutcome.Imported ? null : outcome.message());
            List<Map<String, Object>> payments = new ArrayList<>();
            if (outcome instanceof ImportOutcome.Imported imported) {
                for (PaymentSummary p : imported.payments()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("payer", p.payerName());
                    row.put("trace", p.traceNumber());
                    row.put("amount", p.amount().amount().setScale(2).toPlainString());
                    row.put("claims", p.claimCount());
                    row.put("matched", p.matchedCount());
                    payments.add(row);
                }
            }
            f.put("payments", payments);
            return f;
        }

        private static String text(String given, ImportOutcome outcome) {
            StringBuilder sb = new StringBuilder();
            if (outcome instanceof ImportOutcome.Imported imported) {
                sb.append(given).append(": imported ").append(imported.payments().size())
                        .append(imported.payments().size() == 1 ? " payment" : " payments");
                for (PaymentSummary p : imported.payments()) {
                    sb.append(System.lineSeparator()).append(String.format("  %-28.28s trace %-16s %12s  %,d claims, %,d matched",
                            p.payerName(), p.traceNumber(), p.amount(), p.claimCount(), p.matchedCount()));
                    if (p.claimCount() > 0) {
                        sb.append(System.lineSeparator()).append("    ").append(p.matches().describe());
                    }
                    if (p.postingHeldReason() != null) {
                        sb.append(System.lineSeparator()).append("    ").append(p.postingHeldReason());
                    }
                }
            } else if (outcome instanceof ImportOutcome.Rejected r) {
                sb.append(given).append(": ").append(r.message());
            } else {
                // duplicate or cancelled: the outcome's own sentence, starting with the name as given
                String message = outcome.message();
                sb.append(message.startsWith(outcome.fileName()) ? given + message.substring(outcome.fileName().length())
                        : message);
            }
            return sb.toString();
        }
    }

    @Command(name = "list", description = "List imported payments, newest import first.")
    static final class ListRemits implements Callable<Integer> {

        @ParentCommand
        RemitCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array (one object per payment).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                List<RemittanceListRow> rows = ctx.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList());
                if (json) {
                    List<Map<String, Object>> list = new ArrayList<>(rows.size());
                    for (RemittanceListRow r : rows) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("payer", r.payerName());
                        row.put("trace", r.traceNumber());
                        row.put("method", r.method());
                        row.put("payment_date", r.paymentDate() == null ? null : r.paymentDate().toString());
                        row.put("amount", r.amount().amount().setScale(2).toPlainString());
                        row.put("claims", r.claimCount());
                        row.put("matched", r.matchedCount());
                        row.put("balanced", r.balanced());
                        row.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                        row.put("posting_held", r.postingHeld() ? r.postingHeldReason() : null);
                        row.put("file", r.fileName());
                        row.put("imported_at", r.importedAt().toString());
                        list.add(row);
                    }
                    CliOutput.json(out, list);
                } else {
                    out.printf("%-24s %-16s %-6s %-10s %12s %7s %7s %7s %9s %-10s %s%n", "PAYER", "TRACE", "METHOD",
                            "PAID ON", "AMOUNT", "CLAIMS", "MATCHED", "WAITING", "UNMATCHED", "STATUS", "FILE");
                    for (RemittanceListRow r : rows) {
                        out.printf("%-24.24s %-16.16s %-6s %-10s %12s %,7d %,7d %,7d %,9d %-10s %s%n", r.payerName(),
                                r.traceNumber(), r.method(), r.paymentDate(), r.amount(), r.claimCount(),
                                r.matchedCount(), r.matches().waiting(), r.matches().unmatched(), r.postingHeld() ? "held" : r.status().name().toLowerCase(java.util.Locale.ROOT),
                                r.fileName());
                    }
                    out.printf("%,d %s%n", rows.size(), rows.size() == 1 ? "payment" : "payments");
                }
                out.flush();
            }
            return 0;
        }
    }
}
