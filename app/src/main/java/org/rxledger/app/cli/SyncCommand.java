package org.rxledger.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.app.CentralSync;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralSettings;
import org.rxledger.core.sync.CentralUnreachableException;
import org.rxledger.core.sync.Inbound;
import org.rxledger.core.sync.InboundOutcome;
import org.rxledger.core.sync.ParkedEvent;
import org.rxledger.core.sync.Secrets;
import org.rxledger.core.sync.SyncAttention;
import org.rxledger.core.sync.SyncReport;
import org.rxledger.core.sync.SyncService;
import org.rxledger.core.sync.SyncStatus;
import org.rxledger.core.sync.SyncStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger sync …}: this workstation's journal and the central PostgreSQL server (docs/sync.md).
 * {@code sync run} exits {@value Cli#EXIT_CENTRAL_UNREACHABLE} when the server cannot be reached — nothing is lost.
 */
@Command(name = "sync", description = "Synchronise with the central server: connect, run, status, conflicts, parked events.",
        subcommands = {SyncCommand.Connect.class, SyncCommand.Run.class, SyncCommand.Status.class, SyncCommand.Conflicts.class,
                SyncCommand.Parked.class, SyncCommand.Retry.class, SyncCommand.Discard.class})
final class SyncCommand {

    @ParentCommand
    RxLedgerCommand root;

    /** The sync use case wired for a data folder: its store, its saved settings and the password source. */
    static SyncService service(AppContext ctx) {
        return CentralSync.service(ctx.database(), ctx.dataDir()).orElseThrow(() -> new RxLedgerCommand.UsageError(
                "this workstation is not connected to a central server: run rxledger sync connect --url JDBC_URL --db-user USER"));
    }

    private static String password(AppContext ctx) {
        return CentralSync.password(ctx.dataDir());
    }

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        SyncCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "connect", description = "Save the central server's address and user. The password comes from $"
            + CentralSettings.PASSWORD_ENV + " (not stored) or, with --db-password-stdin, from standard input (kept in an "
            + "owner-only file in the data folder); never in the database.")
    static final class Connect extends Sub {
        @Option(names = "--url", required = true, paramLabel = "JDBC_URL", description = "e.g. jdbc:postgresql://central.example:5432/rxledger")
        String url;

        @Option(names = "--db-user", required = true, description = "PostgreSQL user name.")
        String user;

        @Option(names = "--tls", defaultValue = "REQUIRE", paramLabel = "MODE",
                description = "DISABLE (only for a server on this machine), REQUIRE or VERIFY_FULL; default ${DEFAULT-VALUE}.")
        CentralSettings.TlsMode tls;

        @Option(names = "--db-password-stdin", description = "Read the password from the first line of standard input and keep it "
                + "in <data dir>/secrets/central.password, readable by this operating-system user only.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            CentralSettings settings;
            try {
                settings = new CentralSettings(url, user, tls);
            } catch (RxLedgerException e) {
                throw new RxLedgerCommand.UsageError(e.getMessage());
            }
            try (AppContext ctx = parent.root.openContext()) {
                if (passwordStdin) {
                    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    Secrets.store(Secrets.centralFileIn(ctx.dataDir()), password == null ? "" : password);
                }
                JdbiSyncStore store = new JdbiSyncStore(ctx.database());
                store.saveSettings(settings, ctx.actor().user(), ctx.clock().instant());
                String password = password(ctx);
                String reach;
                try (var central = PostgresCentralJournal.connect(settings, password)) {
                    reach = "reachable, " + central.eventCount() + " event(s) on it";
                } catch (CentralUnreachableException e) {
                    reach = "not reachable now (" + e.getMessage() + "); sync run will try again";
                }
                out().println("central server saved: " + settings.jdbcUrl() + " as " + settings.user() + " (TLS "
                        + settings.tlsMode().sslmode() + "); " + reach);
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "run", description = "Push this workstation's events and pull the others' until caught up. "
            + "Exit " + Cli.EXIT_CENTRAL_UNREACHABLE + " when the central server cannot be reached (nothing is lost).")
    static final class Run extends Sub {
        @Option(names = "--json", description = "Print {\"status\", \"pushed\", \"pulled\", \"applied\", \"duplicates\", \"parked\", \"message\"}.")
        boolean json;

        @Override
        public Integer call() {
            SyncReport r;
            try (AppContext ctx = parent.root.openContext()) {
                r = service(ctx).run();
            }
            boolean reached = r.outcome() != SyncReport.Outcome.UNREACHABLE;
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("status", reached ? "caught_up" : "unreachable");
                o.put("pushed", r.pushed());
                o.put("pulled", r.pulled());
                o.put("applied", r.applied());
                o.put("duplicates", r.duplicates());
                o.put("parked", r.parked());
                o.put("message", r.message());
                CliOutput.json(out(), o);
            } else if (reached) {
                out().println(r.message());
            } else {
                spec.commandLine().getErr().println("rxledger: " + r.message());
                spec.commandLine().getErr().flush();
            }
            out().flush();
            return reached ? 0 : Cli.EXIT_CENTRAL_UNREACHABLE;
        }
    }

    @Command(name = "status", description = "Online or offline, events waiting to be sent, pushed, pulled, parked, last sync.")
    static final class Status extends Sub {
        @Option(names = "--json", description = "Print {\"online\", \"waiting\", \"pushed\", \"pulled\", \"parked\", \"conflicts\", \"last_sync\"}.")
        boolean json;

        @Override
        public Integer call() {
            SyncStatus s;
            Optional<CentralSettings> settings;
            try (AppContext ctx = parent.root.openContext()) {
                JdbiSyncStore store = new JdbiSyncStore(ctx.database());
                s = store.status();
                settings = store.settings();
            }
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("online", s.online());
                o.put("waiting", s.waiting());
                o.put("pushed", s.pushed());
                o.put("pulled", s.pulled());
                o.put("parked", s.parked());
                o.put("conflicts", s.duplicates() + s.parked());
                o.put("last_sync", s.lastSync() == null ? null : s.lastSync().toString());
                o.put("central", settings.map(CentralSettings::jdbcUrl).orElse(null));
                CliOutput.json(out(), o);
            } else {
                out().println("central:   " + settings.map(c -> c.jdbcUrl() + " as " + c.user()).orElse("not connected"));
                out().println("state:     " + (s.online() == null ? "never synchronised" : s.online() ? "online" : "offline"));
                out().println("waiting:   " + s.waiting() + " event(s) to send");
                out().println("pushed:    " + s.pushed());
                out().println("pulled:    " + s.pulled() + " (" + s.duplicates() + " duplicate, " + s.parked() + " parked)");
                out().println("last sync: " + (s.lastSync() == null ? "never" : s.lastSync().toString()));
                if (s.lastMessage() != null) {
                    out().println("last run:  " + s.lastMessage());
                }
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "conflicts", description = "Other workstations' events that need a person: duplicates (counted once) and parked events.")
    static final class Conflicts extends Sub {
        @Option(names = "--json", description = "Print [{\"event_id\", \"from\", \"user\", \"type\", \"outcome\", \"reason\", \"at\"}].")
        boolean json;

        @Option(names = "--limit", defaultValue = "200", description = "At most this many, newest first (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            List<SyncStore.InboundItem> items;
            try (AppContext ctx = parent.root.openContext()) {
                items = new JdbiSyncStore(ctx.database()).attention(limit);
            }
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (SyncStore.InboundItem i : items) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("event_id", i.eventId().toString());
                    o.put("from", i.originName());
                    o.put("user", i.originUser());
                    o.put("type", i.type());
                    o.put("outcome", i.outcome().name().toLowerCase(java.util.Locale.ROOT));
                    o.put("reason", i.reason());
                    o.put("at", i.recordedAt().toString());
                    rows.add(o);
                }
                CliOutput.json(out(), rows);
            } else {
                for (SyncStore.InboundItem i : items) {
                    out().printf("%-9s %-28s from %s (%s): %s%n", i.outcome().name().toLowerCase(java.util.Locale.ROOT), i.type(),
                            i.originName(), i.originUser(), i.reason());
                }
                out().printf("%d %s%n", items.size(), items.size() == 1 ? "item" : "items");
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "parked", description = "Other workstations' events parked here (not applied, not discarded), newest first, "
            + "with the number sync retry and sync discard take.")
    static final class Parked extends Sub {
        @Option(names = "--json", description = "Print [{\"id\", \"event_id\", \"from\", \"user\", \"type\", \"reason\", \"since\"}].")
        boolean json;

        @Override
        public Integer call() {
            List<ParkedEvent> parked;
            try (AppContext ctx = parent.root.openContext()) {
                parked = new SyncAttention(ctx.transactions()).parked();
            }
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ParkedEvent p : parked) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", p.centralSeq());
                    o.put("event_id", p.eventId().toString());
                    o.put("from", p.originName());
                    o.put("user", p.originUser());
                    o.put("type", p.type());
                    o.put("reason", p.reason());
                    o.put("since", p.recordedAt().toString());
                    rows.add(o);
                }
                CliOutput.json(out(), rows);
            } else {
                for (ParkedEvent p : parked) {
                    out().printf("%8d  %-28s from %s (%s): %s%n", p.centralSeq(), p.type(), p.originName(), p.originUser(),
                            p.reason());
                }
                out().printf("%d parked%n", parked.size());
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "retry", description = "Apply parked events again by this version's rules (after an upgrade, or once "
            + "what made them fail is corrected here). Exit 0 when every one was applied, " + Cli.EXIT_REJECTED
            + " when one stays parked, " + Cli.EXIT_CENTRAL_UNREACHABLE + " when the central server cannot be reached.")
    static final class Retry extends Sub {
        @Option(names = "--id", paramLabel = "N", description = "The parked event's number (sync parked).")
        Long id;

        @Option(names = "--all", description = "Every parked event, oldest first.")
        boolean all;

        @Option(names = "--json", description = "Print [{\"id\", \"outcome\", \"reason\"}].")
        boolean json;

        @Override
        public Integer call() {
            if ((id == null) == !all) {
                throw new RxLedgerCommand.UsageError("name the event to retry with --id N (see sync parked), or give --all");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean stillParked = false;
            try (AppContext ctx = parent.root.openContext()) {
                SyncService sync = service(ctx);
                List<Long> ids = all ? new SyncAttention(ctx.transactions()).parked().stream()
                        .map(ParkedEvent::centralSeq).sorted().toList() : List.of(id);
                for (long n : ids) {
                    Inbound r = sync.retry(n);
                    stillParked |= r.outcome() == InboundOutcome.PARKED;
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", n);
                    o.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
                    o.put("reason", r.reason());
                    rows.add(o);
                }
            } catch (CentralUnreachableException e) {
                spec.commandLine().getErr().println("rxledger: the central server cannot be reached (" + e.getMessage()
                        + "); nothing was changed");
                spec.commandLine().getErr().flush();
                return Cli.EXIT_CENTRAL_UNREACHABLE;
            }
            if (json) {
                CliOutput.json(out(), rows);
            } else {
                for (Map<String, Object> o : rows) {
                    out().println("event " + o.get("id") + ": " + ("parked".equals(o.get("outcome")) ? "still parked"
                            : o.get("outcome")) + " — " + o.get("reason"));
                }
                out().printf("%d retried%n", rows.size());
            }
            out().flush();
            return stillParked ? Cli.EXIT_REJECTED : 0;
        }
    }

    @Command(name = "discard", description = "Do not apply a parked event here (it was done by hand, or does not apply); "
            + "kept with your name and the reason, and the event stays on the central server.")
    static final class Discard extends Sub {
        @Option(names = "--id", required = true, paramLabel = "N", description = "The parked event's number (sync parked).")
        long id;

        @Option(names = "--reason", required = true, description = "Why it is not applied here.")
        String reason;

        @Override
        public Integer call() {
            try (AppContext ctx = parent.root.openContext()) {
                new SyncAttention(ctx.transactions()).discard(id, reason);
            }
            out().println("event " + id + " discarded here; it stays on the central server");
            out().flush();
            return 0;
        }
    }
}
