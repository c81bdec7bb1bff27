package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.app.cli.RxLedgerCommand.WorkstationStarter;
import org.rxledger.core.store.DataFolderBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
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
            int code;
            String kind;
            if (ex instanceof DataFolderBusyException busy) {
                LOG.warn("the data folder is busy: {}", busy.holder().map(h -> "process " + h.pid()).orElse("holder unknown"));
                code = EXIT_BUSY;
                kind = "busy";
            } else if (ex instanceof RxLedgerCommand.UsageError) {
                code = EXIT_USAGE;
                kind = "usage";
            } else {
                LOG.error("command failed", ex);
                code = EXIT_FAILURE;
                kind = "failure";
            }
            String message = plainMessage(ex);
            commandLine.getErr().println("rxledger: " + message);
            commandLine.getErr().flush();
            if (jsonRequested(parseResult)) {
                // a script reading stdout gets an object whatever happened
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("status", "error");
                o.put("error", kind);
                o.put("message", message);
                o.put("exit_code", code);
                CliOutput.json(commandLine.getOut(), o);
            }
            return code;
        });
        return cl;
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
