package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.rxledger.core.payer.Clp07Evidence;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.PayerImportResult;
import org.rxledger.core.payer.RoutingLink;
import org.rxledger.core.tx.Transactions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The payer directory from the command line (issue 14): {@code payers import|export|list|merge|move-routing|unlink}.
 * Subcommands of {@code rxledger payers} beside {@code payers settings}.
 */
final class PayersCommand {

    private PayersCommand() {
    }

    @Command(name = "import", description = "Import the payer directory from CSV (payer_name,remit_payer_id,bin,pcn,group_id); all rows or none.")
    static final class Import extends RemitPostingCommands.Base {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemitPostingCommands.Refused.unlessReadable(file);
            PayerImportResult r;
            try {
                r = new PayerDirectoryService(transactions).importCsv(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!r.succeeded()) {
                throw RemitPostingCommands.Refused.notImported(file, r.errors());
            }
            out.printf("%s: %d payer(s) created, %d 835 identit%s and %d routing(s) added, %d row(s) already known.%n",
                    file.getFileName(), r.payersCreated(), r.identitiesAdded(), r.identitiesAdded() == 1 ? "y" : "ies",
                    r.routingsAdded(), r.unchanged());
        }
    }

    @Command(name = "export", description = "Write the payer directory as CSV (the import's format).")
    static final class Export extends RemitPostingCommands.Base {
        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV.")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            try {
                Files.writeString(file, new PayerDirectoryService(transactions).exportCsv(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.printf("Payer directory written to %s.%n", file);
        }
    }

    @Command(name = "list", description = "List the directory's payers: 835 identities, routings, what CLP07 carries.")
    static final class ListPayers extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            PayerDirectory d = new PayerDirectoryService(transactions).directory();
            if (json) {
                CliOutput.json(out, d.payers().stream().map(p -> row(d, p)).toList());
                return;
            }
            out.printf("%-5s %-32s %-28s %-40s %s%n", "ID", "PAYER", "835 IDENTITIES", "ROUTINGS", "CLP07");
            for (DirectoryPayer p : d.payers()) {
                String ids = p.identities().stream().map(i -> i.kind() + " " + i.value()).collect(Collectors.joining("; "));
                String routings = p.routings().stream().map(r -> "#" + r.id() + " " + r.routing().label()
                        + (r.source().equals("LEARNED") ? " (learned)" : "")).collect(Collectors.joining("; "));
                String clp07 = p.merged() ? "merged into " + d.payer(p.id()).map(DirectoryPayer::name).orElse("?")
                        : d.clp07(p.id()).describe();
                out.printf("%-5d %-32.32s %-28s %-40s %s%n", p.id(), p.name(), ids.isEmpty() ? "—" : ids,
                        routings.isEmpty() ? "—" : routings, clp07);
            }
            out.printf("%,d payer(s), %,d merged%n", d.active().size(), d.payers().size() - d.active().size());
        }

        private static Map<String, Object> row(PayerDirectory d, DirectoryPayer p) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", p.id());
            o.put("name", p.name());
            o.put("merged_into", p.mergedIntoId());
            o.put("identities", p.identities().stream().map(i -> Map.of("kind", i.kind().name(), "value", i.value())).toList());
            o.put("routings", p.routings().stream().map(PayersCommand::routing).toList());
            Clp07Evidence e = d.clp07(p.id());
            Map<String, Object> clp07 = new LinkedHashMap<>();
            clp07.put("carries", e.convention().name());
            clp07.put("lines", e.lines());
            clp07.put("equal_to_authorization", e.equal());
            o.put("clp07", clp07);
            return o;
        }
    }

    private static Map<String, Object> routing(RoutingLink r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("bin", r.routing().bin());
        o.put("pcn", r.routing().pcn());
        o.put("group_id", r.routing().groupId());
        o.put("source", r.source());
        return o;
    }

    @Command(name = "merge", description = "Merge one payer into another (routings and 835 identities move; reason required).")
    static final class Merge extends RemitPostingCommands.Base {
        @Option(names = "--payer", required = true, paramLabel = "ID", description = "The payer that is merged away.")
        long payer;

        @Option(names = "--into", required = true, paramLabel = "ID", description = "The payer that remains.")
        long into;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new PayerDirectoryService(transactions).merge(into, payer, reason);
            out.printf("Payer %d merged into payer %d.%n", payer, into);
        }
    }

    @Command(name = "move-routing", description = "Move a routing (see payers list, #ID) to another payer; reason required.")
    static final class MoveRouting extends RemitPostingCommands.Base {
        @Option(names = "--routing", required = true, paramLabel = "ID", description = "The routing's id.")
        long routing;

        @Option(names = "--to", required = true, paramLabel = "ID", description = "The payer it belongs to.")
        long to;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new PayerDirectoryService(transactions).moveRouting(routing, to, reason);
            out.printf("Routing %d moved to payer %d.%n", routing, to);
        }
    }

    @Command(name = "unlink", description = "Unlink a routing from its payer (e.g. a wrong learned link); reason required.")
    static final class Unlink extends RemitPostingCommands.Base {
        @Option(names = "--routing", required = true, paramLabel = "ID", description = "The routing's id.")
        long routing;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new PayerDirectoryService(transactions).unlinkRouting(routing, reason);
            out.printf("Routing %d unlinked; its claims show an unknown payer until it is linked again.%n", routing);
        }
    }
}
