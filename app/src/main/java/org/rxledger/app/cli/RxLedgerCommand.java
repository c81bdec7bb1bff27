package org.rxledger.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.app.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level command. With a subcommand it runs headless; with none it opens the workstation
 * (through the {@link WorkstationStarter} the caller supplies, so the CLI never loads JavaFX).
 */
@Command(name = "rxledger", mixinStandardHelpOptions = true, version = "RxLedger 0.1.0",
        description = "Pharmacy billing workstation. With no command, opens the workstation window.",
        subcommands = {DemoCommand.class, ClaimsCommand.class, RemitCommand.class, DepositsCommand.class, ReconCommand.class,
                ReportCommand.class, AuditCommand.class, ExceptionsCommand.class,
                RemitPostingCommands.Payers.class})
public final class RxLedgerCommand implements Callable<Integer> {

    /** Opens the window for a data directory; returns the exit code when it closes. */
    @FunctionalInterface
    public interface WorkstationStarter {
        int start(Path dataDir);
    }

    @Option(names = "--data", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $" + DataDirectory.ENV + " or the per-user data directory).")
    Path data;

    @Spec
    CommandSpec spec;

    private final WorkstationStarter starter;

    public RxLedgerCommand(WorkstationStarter starter) {
        this.starter = starter;
    }

    Path dataDir() {
        return DataDirectory.resolve(data);
    }

    /** Opens the data folder; what the open settled of an interrupted import is said on stderr (stdout may be JSON). */
    AppContext openContext() {
        AppContext ctx = AppContext.open(dataDir());
        for (String notice : ctx.openingNotices()) {
            spec.commandLine().getErr().println("rxledger: " + notice);
        }
        return ctx;
    }

    @Override
    public Integer call() {
        return starter.start(dataDir());
    }
}
