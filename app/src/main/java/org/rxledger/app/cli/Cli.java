package org.rxledger.app.cli;

import java.io.PrintWriter;
import org.rxledger.app.cli.RxLedgerCommand.WorkstationStarter;
import org.rxledger.core.error.RxLedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds and runs the picocli command tree; errors become plain messages and exit codes. */
public final class Cli {

    /** Exit code for bad input (rejected file, invalid rows); 2 is picocli's usage error. */
    public static final int EXIT_REJECTED = 1;
    public static final int EXIT_FAILURE = 3;

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
        return cl;
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
