package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.app.DataDirectory;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.security.DataKey;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level command. With a subcommand it runs headless; with none it opens the workstation
 * (through the {@link WorkstationStarter} the caller supplies, so the CLI never loads JavaFX).
 */
@Command(name = "rxledger", mixinStandardHelpOptions = true, version = "RxLedger 0.1.0",
        description = "Pharmacy billing workstation. With no command, opens the workstation window.",
        subcommands = {DemoCommand.class, ClaimsCommand.class, RemitCommand.class, DepositsCommand.class, ReconCommand.class,
                ReportCommand.class, AuditCommand.class, AuditTrailCommand.class, ExceptionsCommand.class,
                RolesCommand.class, AccountsCommand.class, InitCommand.class, DisclosuresCommand.class,
                RemitPostingCommands.Payers.class, SyncCommand.class, CentralCommand.class, MailboxCommand.class,
                PatientAccountsCommand.class, WriteOffsCommand.class, MfpCommand.class,
                StatementsCommand.class, BenchCommand.class, OfficeCommand.class,
                ContractsCommand.class, ContractsCommand.Prices.class, KpiCommand.class,
                EncryptCommand.class, KeysCommand.class})
public final class RxLedgerCommand implements Callable<Integer> {

    /** Opens the window for a data directory; returns the exit code when it closes. */
    @FunctionalInterface
    public interface WorkstationStarter {
        int start(Path dataDir);
    }

    @Option(names = "--data", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $" + DataDirectory.ENV + " or the per-user data directory).")
    Path data;

    @Option(names = "--wait", paramLabel = "SECONDS", scope = picocli.CommandLine.ScopeType.INHERIT, defaultValue = "30",
            description = "When another RxLedger has the data folder open, wait up to this long for it (default ${DEFAULT-VALUE}; "
                    + "0 = do not wait). Still busy: exit code " + Cli.EXIT_BUSY + ".")
    int waitSeconds;

    @Option(names = "--user", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Sign in as NAME (default: $" + CliSignIn.ENV_USER + "; on the demo office, " + CliSignIn.DEMO_USER
                    + "). The password comes from $" + CliSignIn.ENV_PASSWORD + ", --password-stdin or the terminal.")
    String user;

    @Option(names = "--password-stdin", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Read the password from the first line of standard input (for init: the new administrator's).")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    private final WorkstationStarter starter;

    public RxLedgerCommand(WorkstationStarter starter) {
        this.starter = starter;
    }

    Path dataDir() {
        Path dir = DataDirectory.resolve(data);
        String problem = DataDirectory.problem(dir);
        if (problem != null) {
            throw new UsageError(problem);
        }
        return dir;
    }

    /**
     * Opens the data folder for the command being run and signs its person in ({@link CliSignIn}); the folder is
     * closed again when the sign-in is refused.
     */
    AppContext openContext() {
        Path dir = dataDir();
        OfficeKeys keys = new OfficeKeys(dir);
        if (OfficeKeys.isEncrypted(dir) && keys.unclaimed().isEmpty()) {
            // the password unwraps the key before the file can be opened; the database then checks it again
            CliSignIn.Credentials who = CliSignIn.forEncryptedOffice(user, passwordStdin, keys.isDemo());
            AppContext ctx;
            try {
                ctx = open(keys.unlock(who.name(), who.password()));
            } catch (RuntimeException e) {
                Arrays.fill(who.password(), '\0');
                throw e;
            }
            try {
                CliSignIn.signIn(ctx, who, !IMPORT_ONLY.equals(commandWords()));
                return ctx;
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }
        AppContext ctx = openContextWithoutSignIn();
        try {
            CliSignIn.signIn(ctx, user, passwordStdin, !IMPORT_ONLY.equals(commandWords()));
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** The one command the inbox's service account (import permission only, no {@code view}) may run. */
    private static final String IMPORT_ONLY = "rxledger remit import";

    /**
     * Opens the data folder without signing anyone in ({@code demo} and {@code init}, which set an office up), waiting
     * (with a notice on stderr) while another process holds it.
     */
    AppContext openContextWithoutSignIn() {
        return open(null);
    }

    /**
     * Opens a folder to set a new office up in ({@code demo}, {@code init}): an empty folder first gets its key file,
     * so the new office is encrypted from its first page (docs/adr/0024-encryption-at-rest.md, point 2).
     */
    AppContext openContextToSetUp(boolean demo) {
        Path dir = dataDir();
        if (!Database.existsIn(dir) && !OfficeKeys.isEncrypted(dir)) {
            new OfficeKeys(dir).createForNewOffice(demo);
        } else if (OfficeKeys.isEncrypted(dir) && new OfficeKeys(dir).unclaimed().isEmpty()) {
            throw new RxLedgerException("OFFICE_EXISTS", "This data folder already holds an office; nothing was changed.");
        }
        return open(null);
    }

    private AppContext open(DataKey key) {
        if (waitSeconds < 0) {
            throw new UsageError("--wait " + waitSeconds + ": expected a number of seconds, 0 or more");
        }
        PrintWriter err = spec.commandLine().getErr();
        AppContext ctx = AppContext.open(dataDir(), Duration.ofSeconds(waitSeconds), commandWords(), notice -> {
            err.println("rxledger: " + notice);
            err.flush();
        }, key);
        // what the open settled of an interrupted import is said on stderr (stdout may be JSON)
        for (String notice : ctx.openingNotices()) {
            err.println("rxledger: " + notice);
        }
        err.flush();
        return ctx;
    }

    /** "rxledger remit import": the command being run, without its arguments (they may name patients' files). */
    private String commandWords() {
        StringBuilder words = new StringBuilder("rxledger");
        ParseResult pr = spec.commandLine().getParseResult();
        while (pr != null && pr.hasSubcommand()) {
            pr = pr.subcommand();
            words.append(' ').append(pr.commandSpec().name());
        }
        return words.toString();
    }

    /** A usage mistake found while running (exit code 2, one line). */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        return starter.start(dataDir());
    }
}
