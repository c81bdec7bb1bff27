package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimImportError;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger claims import FILE.csv}: all or nothing, idempotent. */
@Command(name = "import", description = "Import adjudicated claims from a CSV file (all rows or none).")
final class ClaimsImportCommand implements Callable<Integer> {

    @ParentCommand
    ClaimsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "CSV with a header row (see README for the columns).")
    Path file;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("rxledger: cannot read " + file + " (no such file, or no permission)");
            err.flush();
            return Cli.EXIT_REJECTED;
        }
        ClaimImportResult result;
        try (AppContext ctx = parent.root.openContext()) {
            result = new ClaimImportService(ctx.transactions(), new ClaimRules(ctx.clock())).importFile(file);
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", file.toString());
            o.put("status", result.succeeded() ? "imported" : "rejected");
            o.put("imported", result.imported());
            o.put("skipped_duplicates", result.skippedDuplicates());
            o.put("errors", result.errors().stream().map(e -> Map.of("line", e.line(), "column", e.column(),
                    "message", e.message())).toList());
            CliOutput.json(out, o);
        } else if (result.succeeded()) {
            out.printf("%s: imported %,d claim%s", file.getFileName(), result.imported(), result.imported() == 1 ? "" : "s");
            if (result.skippedDuplicates() > 0) {
                out.printf("; %,d already present (same Rx, fill, date of service, BIN and PCN) were skipped",
                        result.skippedDuplicates());
            }
            out.println(".");
            out.flush();
        }
        if (!result.succeeded()) {
            List<ClaimImportError> errors = result.errors();
            for (ClaimImportError e : errors) {
                err.println(e);
            }
            err.printf("%s was not imported: %d error%s. Nothing was written; correct the file and import it again.%n",
                    file.getFileName(), errors.size(), errors.size() == 1 ? "" : "s");
            err.flush();
            return Cli.EXIT_REJECTED;
        }
        return 0;
    }
}
