package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.demo.OfficeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger bench …}: tools for measuring the application on a large office (docs/benchmarks.md). */
@Command(name = "bench", description = "Benchmark tools (docs/benchmarks.md).",
        subcommands = {BenchCommand.GenerateOffice.class})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.EXIT_USAGE;
    }

    /** {@code rxledger bench generate-office}: the demo office plus a year of a busy office, deterministic by seed. */
    @Command(name = "generate-office", description = "In an empty data directory: create the demo office, then add N claims "
            + "over the given days (ending today or --end) and the 835s that pay them, through the claims and remittance imports.")
    static final class GenerateOffice implements Callable<Integer> {

        @ParentCommand
        BenchCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--claims", required = true, description = "Claims to add (e.g. 1000000).")
        int claims;

        @Option(names = "--days", defaultValue = "365", description = "Days of claims (default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "20", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--end", description = "Last date of service (default today); the same seed, size and end give the same office.")
        LocalDate end;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = parent.root.openContextWithoutSignIn()) {
                if (!DemoOffice.isEmpty(ctx.transactions())) {
                    err.println("rxledger: " + ctx.dataDir() + " already holds an office; the generator starts from an empty "
                            + "data directory (choose another with --data DIR).");
                    err.flush();
                    return Cli.EXIT_REJECTED;
                }
                LocalDate last = end != null ? end : LocalDate.now(ctx.clock());
                OfficeGenerator.Options options;
                try {
                    options = new OfficeGenerator.Options(claims, days, seed, last);
                } catch (IllegalArgumentException e) {
                    err.println("rxledger: " + e.getMessage());
                    err.flush();
                    return Cli.EXIT_USAGE;
                }
                DemoCommand.createDemoOffice(ctx, out);
                OfficeGenerator generator = new OfficeGenerator(ctx.transactions(),
                        new ClaimImportService(ctx.transactions(), new ClaimRules(ctx.clock())), ctx.remittanceImports());
                OfficeGenerator.Summary s = generator.generate(options, ctx.dataDir().resolve("generated"), m -> {
                    out.println(m);
                    out.flush();
                });
                out.printf("Generated %,d claims in %,d weekly files (%.1f s) and %,d 835s with %,d claim payments, %,d matched, "
                                + "$%s paid (%.1f s).%n", s.claims(), s.claimFiles(), s.claimMillis() / 1000.0, s.remittanceFiles(),
                        s.claimPayments(), s.matched(), s.paid(), s.remittanceMillis() / 1000.0);
                out.flush();
            }
            return 0;
        }
    }
}
