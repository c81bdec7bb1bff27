package org.rxledger.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.adapters.mailbox.SftpRemitMailbox;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.store.JdbiMailboxStore;
import org.rxledger.core.sync.MailboxService;
import org.rxledger.core.sync.MailboxSettings;
import org.rxledger.core.sync.MailboxUnreachableException;
import org.rxledger.core.sync.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger mailbox …}: the clearinghouse's SFTP ERA mailbox (docs/sync.md). */
@Command(name = "mailbox", description = "Fetch 835 files from the clearinghouse's SFTP mailbox.",
        subcommands = {MailboxCommand.Connect.class, MailboxCommand.Fetch.class})
final class MailboxCommand {

    @ParentCommand
    RxLedgerCommand root;

    static MailboxSettings settings(JdbiMailboxStore store) {
        return store.settings().orElseThrow(() -> new RxLedgerCommand.UsageError(
                "no mailbox is set up: run rxledger mailbox connect --host H --sftp-user U --folder DIR --known-hosts FILE"));
    }

    /** The password or key passphrase: the environment's, else the owner-only file {@code --sftp-password-stdin} keeps. */
    static String secret(AppContext ctx) {
        return Secrets.resolve(Secrets.mailboxFileIn(ctx.dataDir()), System.getenv(MailboxSettings.PASSWORD_ENV)).orElse(null);
    }

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        MailboxCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "connect", description = "Save the mailbox's address. The password (or key passphrase) comes from $"
            + MailboxSettings.PASSWORD_ENV + " or, with --sftp-password-stdin, an owner-only file in the data folder.")
    static final class Connect extends Sub {
        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--port", defaultValue = "22", description = "Default ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--sftp-user", required = true)
        String user;

        @Option(names = "--folder", required = true, paramLabel = "DIR", description = "The remote folder the 835s arrive in.")
        String folder;

        @Option(names = "--claims-folder", paramLabel = "DIR", description = "The remote folder the pharmacy system drops "
                + "claims CSV files in, taken by rxledger claims feed (none when left out).")
        String claimsFolder;

        @Option(names = "--known-hosts", required = true, paramLabel = "FILE",
                description = "OpenSSH known_hosts file listing the server's host key (always checked).")
        Path knownHosts;

        @Option(names = "--key", paramLabel = "FILE", description = "OpenSSH private key for key login (else password login).")
        Path key;

        @Option(names = "--sftp-password-stdin", description = "Read the password or passphrase from standard input and keep it "
                + "in <data dir>/secrets/mailbox.password, readable by this operating-system user only.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(knownHosts)) {
                throw new RxLedgerCommand.UsageError("--known-hosts " + knownHosts + ": expected a readable known_hosts file");
            }
            MailboxSettings settings;
            try {
                settings = new MailboxSettings(host, port, user, folder, key == null ? null : key.toAbsolutePath().toString(),
                        knownHosts.toAbsolutePath().toString(), claimsFolder);
            } catch (RxLedgerException e) {
                throw new RxLedgerCommand.UsageError(e.getMessage());
            }
            try (AppContext ctx = parent.root.openContext()) {
                if (passwordStdin) {
                    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    Secrets.store(Secrets.mailboxFileIn(ctx.dataDir()), password == null ? "" : password);
                }
                new JdbiMailboxStore(ctx.database()).saveSettings(settings, ctx.clock().instant());
            }
            out().println("mailbox saved: sftp://" + user + "@" + host + ":" + port + folder
                    + (claimsFolder == null ? "" : "; claims files from " + claimsFolder));
            out().flush();
            return 0;
        }
    }

    @Command(name = "fetch", description = "Download and import the mailbox's new 835 files, each once. Exit 1 if a file "
            + "was rejected, " + Cli.EXIT_CENTRAL_UNREACHABLE + " if the mailbox cannot be reached.")
    static final class Fetch extends Sub {
        @Option(names = "--json", description = "Print {\"status\", \"files\": [{\"file\", \"status\", \"message\"}], \"already_seen\"}.")
        boolean json;

        @Override
        public Integer call() {
            MailboxService.FetchReport report;
            try (AppContext ctx = parent.root.openContext()) {
                JdbiMailboxStore store = new JdbiMailboxStore(ctx.database());
                MailboxSettings settings = settings(store);
                String secret = secret(ctx);
                try {
                    report = new MailboxService(store, () -> SftpRemitMailbox.connect(settings, secret), ctx.remittanceImports(),
                            ctx.clock()).fetch();
                } catch (MailboxUnreachableException e) {
                    if (json) {
                        CliOutput.json(out(), Map.of("status", "unreachable", "message", e.getMessage()));
                    }
                    spec.commandLine().getErr().println("rxledger: the mailbox cannot be reached: " + e.getMessage());
                    spec.commandLine().getErr().flush();
                    return Cli.EXIT_CENTRAL_UNREACHABLE;
                }
            }
            boolean rejected = report.outcomes().stream().anyMatch(o -> o.status() == ImportOutcome.Status.REJECTED);
            if (json) {
                List<Map<String, Object>> files = new ArrayList<>();
                for (ImportOutcome o : report.outcomes()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("file", o.fileName());
                    f.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
                    f.put("message", o.message());
                    files.add(f);
                }
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("status", rejected ? "rejected" : "ok");
                o.put("files", files);
                o.put("already_seen", report.alreadySeen());
                CliOutput.json(out(), o);
            } else {
                report.outcomes().forEach(o -> out().println(o.message()));
                out().println(report.outcomes().size() + " new file(s), " + report.alreadySeen() + " seen before");
            }
            out().flush();
            return rejected ? Cli.EXIT_REJECTED : 0;
        }
    }
}
