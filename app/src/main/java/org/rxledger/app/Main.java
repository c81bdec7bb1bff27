package org.rxledger.app;

import java.nio.file.Path;
import org.rxledger.app.cli.Cli;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point. Arguments → the command-line interface (no display needed); none (or only
 * {@code --data DIR}) → the workstation window. Deliberately not a JavaFX Application subclass:
 * such a main class fails on the class path ("JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Path dataDir = DataDirectory.resolve(dataOption(args));
        String problem = DataDirectory.problem(dataDir);
        if (problem != null) {
            // before logging starts: logback would print its own failure to create a log there, dozens of lines
            System.err.println("rxledger: " + problem);
            System.exit(Cli.EXIT_USAGE);
        }
        // before the first logger is created: logs go to <data dir>/logs (logback.xml reads this)
        if (System.getProperty("rxledger.logdir") == null) {
            System.setProperty("rxledger.logdir", dataDir.resolve("logs").toString());
        }
        // libraries that log through java.util.logging (StAEDI) would otherwise print on the console
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(Cli.run(args, WorkstationLauncher::start));
    }

    /** The value of {@code --data DIR} or {@code --data=DIR}, wherever it appears; null if absent. */
    static Path dataOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data=")) {
                return Path.of(args[i].substring("--data=".length()));
            }
        }
        return null;
    }
}
