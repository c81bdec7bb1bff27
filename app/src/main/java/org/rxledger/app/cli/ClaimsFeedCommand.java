package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.adapters.mailbox.SftpRemitMailbox;
import org.rxledger.core.store.JdbiMailboxStore;
import org.rxledger.core.sync.ClaimsFeedFiles;
import org.rxledger.core.sync.MailboxSettings;
import org.rxledger.core.sync.MailboxUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger claims feed}: the claims CSV files the pharmacy system dropped in the mailbox's claims folder, each
 * imported once like {@code claims import} (docs/sync.md). The central table's batches come with {@code sync run}.
 */
@Command(name = "feed", description = "Import the new claims CSV files from the mailbox's claims folder, each once and all or "
        + "nothing. Exit " + Cli.EXIT_REJECTED + " if a file was rejected, " + Cli.EXIT_CENTRAL_UNREACHABLE
        + " if the mailbox cannot be reached.")
final class ClaimsFeedCommand implements Callable<Integer> {

    @ParentCommand
    ClaimsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"status\", \"files\": [{\"file\", \"status\", \"imported\", \"skipped_duplicates\", "
            + "\"errors\": [{\"line\", \"column\", \"message\"}], \"message\"}], \"already_seen\"}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClaimsFeedFiles.Report report;
        try (AppContext ctx = parent.root.openContext()) {
            JdbiMailboxStore store = new JdbiMailboxStore(ctx.database());
            MailboxSettings settings = MailboxCommand.settings(store);
            if (settings.claimsDir() == null) {
                throw new RxLedgerCommand.UsageError("no claims folder is set up: run rxledger mailbox connect … --claims-folder DIR");
            }
            String secret = MailboxCommand.secret(ctx);
            report = new ClaimsFeedFiles(store, () -> SftpRemitMailbox.connect(settings.claimsFolder(), secret),
                    ctx.transactions()).take();
        } catch (MailboxUnreachableException e) {
            if (json) {
                CliOutput.json(out, Map.of("status", "unreachable", "message", e.getMessage()));
            }
            spec.commandLine().getErr().println("rxledger: the mailbox cannot be reached: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Cli.EXIT_CENTRAL_UNREACHABLE;
        }
        if (json) {
            List<Map<String, Object>> files = new ArrayList<>();
            for (ClaimsFeedFiles.Taken t : report.files()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", t.file());
                f.put("status", t.outcome().name().toLowerCase(Locale.ROOT));
                f.put("imported", t.imported());
                f.put("skipped_duplicates", t.skipped());
                f.put("errors", t.errors().stream().map(e -> Map.of("line", e.line(), "column", e.column(),
                        "message", e.message())).toList());
                f.put("message", t.message());
                files.add(f);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("status", report.anyRejected() ? "rejected" : "ok");
            o.put("files", files);
            o.put("already_seen", report.alreadySeen());
            CliOutput.json(out, o);
        } else {
            report.files().forEach(t -> out.println(t.message()));
            out.println(report.files().size() + " new file(s), " + report.alreadySeen() + " seen before");
        }
        out.flush();
        return report.anyRejected() ? Cli.EXIT_REJECTED : 0;
    }
}
