package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.app.cli.RxLedgerCommand.WorkstationStarter;
import org.rxledger.core.error.RxLedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Builds and runs the picocli command tree; errors become plain messages and exit codes. */
public final class Cli {

    /** Exit code for bad input (rejected file, invalid rows); nothing was written. */
    public static final int EXIT_REJECTED = 1;
    /** A usage mistake: picocli's code for unknown options, and ours for a --data that is a file. */
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 3;
    /** 4 is kept for "central services unreachable" (synchronisation). */
    public static final int EXIT_CENTRAL_UNREACHABLE = 4;
    /** The data folder stayed in use by another process for the whole --wait; nothing was read or written. */
    public static final int EXIT_BUSY = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static CommandLine commandLine(WorkstationStarter starter) {
        CommandLine cl = new CommandLine(new RxLedgerCommand(starter));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof RxLedgerException refused) {
                // a refusal written for the person at the keyboard: the message, exit 1; the trace only in the log
                LOG.info("command refused: {}", refused.code(), refused);
                commandLine.getErr().println("rxledger: " + refused.getMessage());
                commandLine.getErr().flush();
                return EXIT_REJECTED;
            }
            LOG.error("command failed", ex);
            commandLine.getErr().println("rxledger: " + plainMessage(ex));
            commandLine.getErr().flush();
            return EXIT_FAILURE;
        });
        cl.setExecutionExceptionHandler(busyUsageAndJson(cl.getExecutionExceptionHandler()));
        return cl;
    }

    /**
     * Around {@code other}: a busy data folder exits {@value #EXIT_BUSY} and a usage mistake {@value #EXIT_USAGE}, each with
     * one line on stderr; under {@code --json} every failure also prints one object on stdout, so a script reading it
     * always gets JSON.
     */
    private static IExecutionExceptionHandler busyUsageAndJson(IExecutionExceptionHandler other) {
        return (ex, commandLine, parseResult) -> {
            int code;
            if (ex instanceof org.rxledger.core.store.DataFolderBusyException busy) {
                LOG.warn("the data folder is busy: {}", busy.holder().map(h -> "process " + h.pid()).orElse("holder unknown"));
                code = EXIT_BUSY;
            } else if (ex instanceof RxLedgerCommand.UsageError) {
                code = EXIT_USAGE;
            } else {
                code = other.handleExecutionException(ex, commandLine, parseResult);
            }
            if (code == EXIT_BUSY || code == EXIT_USAGE) {
                commandLine.getErr().println("rxledger: " + plainMessage(ex));
                commandLine.getErr().flush();
            }
            if (jsonRequested(parseResult)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("status", "error");
                o.put("error", switch (code) {
                    case EXIT_REJECTED -> "rejected";
                    case EXIT_USAGE -> "usage";
                    case EXIT_BUSY -> "busy";
                    default -> "failure";
                });
                o.put("message", plainMessage(ex));
                o.put("exit_code", code);
                CliOutput.json(commandLine.getOut(), o);
            }
            return code;
        };
    }

    private static boolean jsonRequested(ParseResult parseResult) {
        ParseResult pr = parseResult;
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        return pr.hasMatchedOption("--json");
    }

    public static int run(String[] args, WorkstationStarter starter) {
        return commandLine(starter).execute(args);
    }

    /** Runs with captured output (tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, WorkstationStarter starter) {
        CommandLine cl = commandLine(starter);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static String plainMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
