package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger central start}: a PostgreSQL server on this machine for trying the sync (docs/sync.md). */
@Command(name = "central", description = "Run a central server on this machine for trying the sync.",
        subcommands = {CentralCommand.Start.class})
final class CentralCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "start", description = "Run an embedded PostgreSQL on localhost in the foreground (Ctrl+C stops it) "
            + "and print its JDBC URL. For trying and tests; an office runs a real PostgreSQL server.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        CentralCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "5433", description = "Port on localhost (default ${DEFAULT-VALUE}; 0 = any free port).")
        int port;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where the server keeps its files (default: <data dir>/central-server).")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            Path where = dir != null ? dir : parent.root.dataDir().resolve("central-server");
            PrintWriter out = spec.commandLine().getOut();
            CountDownLatch stopped = new CountDownLatch(1);
            EmbeddedCentral central = EmbeddedCentral.start(port, where);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                central.close();
                stopped.countDown();
            }, "central-stop"));
            out.println("central server running: " + central.jdbcUrl() + " (user " + EmbeddedCentral.USER
                    + ", any password; files in " + where + ")");
            out.println("connect a workstation: rxledger sync connect --url " + central.jdbcUrl() + " --db-user "
                    + EmbeddedCentral.USER + " --tls DISABLE");
            out.println("Ctrl+C stops it.");
            out.flush();
            stopped.await();
            return 0;
        }
    }
}
