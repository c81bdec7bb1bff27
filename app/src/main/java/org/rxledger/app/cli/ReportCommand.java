package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.reports.xlsx.ClaimsRegisterXlsxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger report NAME --out FILE.xlsx}: Excel workbooks for people who live in Excel. */
@Command(name = "report", description = "Write an Excel report. NAME: ${COMPLETION-CANDIDATES}.")
final class ReportCommand implements Callable<Integer> {

    enum Name {
        claims
    }

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Report name: ${COMPLETION-CANDIDATES}.")
    Name name;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of service (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of service (inclusive).")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Workbook to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        try (AppContext ctx = root.openContext()) {
            List<ClaimSummary> claims = ctx.transactions().read(tx -> tx.claims().summaries()).stream()
                    .filter(c -> from == null || !c.dateOfService().isBefore(from))
                    .filter(c -> to == null || !c.dateOfService().isAfter(to))
                    .toList();
            new ClaimsRegisterXlsxWriter().write(claims, from, to, LocalDateTime.now(ctx.clock()), out);
            stdout.printf("Wrote %s: claims register, %,d claims.%n", out, claims.size());
            stdout.flush();
        }
        return 0;
    }
}
