package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRegistry;
import org.rxledger.reports.engine.ReportRunner;
import org.rxledger.reports.engine.ReportTableWriter.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger report NAME [--from] [--to] [--as-of] [--format xlsx|pdf] --out FILE}: Excel workbooks for people
 * who live in Excel, or the same tables as a printable PDF. NAME is looked up in the {@link ReportRegistry}; a report that is planned but
 * not built yet, or an unknown name, is refused with the list of available reports (exit 1).
 */
@Command(name = "report", description = {"Write a report as an Excel workbook or a PDF.",
        "NAME: claims, remittances, denials, reconciliation, mfp-manufacturers (--from/--to), aging, mfp-aging"
                + " (--as-of), exceptions."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Report name.")
    String name;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of the period (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of the period (inclusive).")
    LocalDate to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Cut-off date for point-in-time reports (aging).")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (.xlsx or .pdf).")
    Path out;

    @Option(names = "--format", paramLabel = "xlsx|pdf",
            description = "xlsx (default) or pdf; a --out without that extension gets it.")
    String format;

    @Option(names = "--recipient", paramLabel = "WHO",
            description = "Who the workbook is for; a report naming patients is written to the disclosure log.")
    String recipient;

    /** The registry; tests and later areas may swap it. */
    ReportRegistry registry = ReportRegistry.standard();

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Report> report = registry.find(name);
        if (report.isEmpty()) {
            stderr.println("rxledger: " + registry.unavailableMessage(name));
            stderr.flush();
            return Cli.EXIT_REJECTED;
        }
        if (from != null && to != null && to.isBefore(from)) {
            stderr.println("rxledger: --to " + to + " is before --from " + from + ".");
            stderr.flush();
            return Cli.EXIT_REJECTED;
        }
        Format chosen = Format.of(out);
        if (format != null) {
            Format asked = switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "xlsx" -> Format.XLSX;
                case "pdf" -> Format.PDF;
                default -> null;
            };
            if (asked == null) {
                stderr.println("rxledger: --format " + format + " is not a report format; expected xlsx or pdf.");
                stderr.flush();
                return Cli.EXIT_REJECTED;
            }
            if (chosen != null && chosen != asked) {
                stderr.println("rxledger: --out " + out + " is " + chosen.description() + " but --format is " + format
                        + "; name the file " + asked.extension() + " or leave --format out.");
                stderr.flush();
                return Cli.EXIT_REJECTED;
            }
            if (chosen == null) {
                out = Path.of(out + asked.extension());
            }
        } else if (chosen == null) {
            stderr.println("rxledger: --out " + out + " must end in .xlsx (an Excel workbook) or .pdf (a PDF).");
            stderr.flush();
            return Cli.EXIT_REJECTED;
        }
        try (AppContext ctx = root.openContext()) {
            ReportOutcome outcome = new ReportRunner(registry, ctx.transactions())
                    .run(report.get().name(), new ReportPeriod(from, to, asOf), out, recipient);
            stdout.printf("Wrote %s: %s.%n", out, outcome.summary());
            stdout.flush();
        }
        return 0;
    }
}
