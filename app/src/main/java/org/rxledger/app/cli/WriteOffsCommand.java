package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.collections.WriteOff;
import org.rxledger.core.collections.WriteOffPolicy;
import org.rxledger.core.collections.WriteOffService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger writeoffs …}: write-off recommendations and their tiered approval (docs/collections.md). */
@Command(name = "writeoffs", description = "Write-off recommendations: recommend, list, approve, reject, reverse "
        + "(docs/collections.md).",
        subcommands = {WriteOffsCommand.Recommend.class, WriteOffsCommand.ListWriteOffs.class, WriteOffsCommand.Approve.class,
                WriteOffsCommand.Reject.class, WriteOffsCommand.Reverse.class})
final class WriteOffsCommand {

    @ParentCommand
    RxLedgerCommand root;

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        WriteOffsCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            try (AppContext ctx = parent.root.openContext()) {
                int code = run(ctx, new WriteOffService(ctx.transactions()));
                out().flush();
                return code;
            }
        }

        abstract int run(AppContext ctx, WriteOffService service);

        int report(List<WriteOff> done, boolean json) {
            if (json) {
                CliOutput.json(out(), done.stream().map(WriteOffsCommand::json).toList());
            } else {
                done.forEach(w -> out().printf("Write-off %d %s by %s: %s %s on %s.%n", w.id(),
                        w.status().name().toLowerCase(Locale.ROOT), w.decidedBy(), w.kind(), w.amount(), w.accountKey()));
            }
            return 0;
        }
    }

    /**
     * The object of {@code --json}: issue 18's fields. Patient scope has {@code rx}, {@code fill} and {@code payer} null;
     * claim scope (a third-party kind) has them and {@code account} null.
     */
    static Map<String, Object> json(WriteOff w) {
        Map<String, Object> o = base(w.id(), w.accountKey(), w.amount().toString(), w.kind().name(), w.tier().jsonName(),
                w.explanation());
        if (w.kind().claimScope()) {
            int dash = w.rxFill().lastIndexOf('-');
            o.put("scope", w.scope());
            o.put("account", null);
            o.put("rx", w.rxFill().substring(0, dash));
            o.put("fill", Integer.parseInt(w.rxFill().substring(dash + 1)));
            o.put("payer", w.accountName());
        }
        o.put("name", w.accountName());
        o.put("status", w.status().name().toLowerCase(Locale.ROOT));
        o.put("as_of", w.asOf().toString());
        o.put("proposed_by", w.proposedBy());
        o.put("decided_by", w.decidedBy());
        o.put("decision_reason", w.decisionReason());
        o.put("claims", w.items().stream().map(WriteOff.Item::claimId).toList());
        return o;
    }

    private static Map<String, Object> base(Long id, String account, String amount, String kind, String tier, String why) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("scope", "patient");
        o.put("account", account);
        o.put("rx", null);
        o.put("fill", null);
        o.put("payer", null);
        o.put("amount", amount);
        o.put("kind", kind);
        o.put("tier", tier);
        o.put("explanation", why);
        return o;
    }

    static void print(PrintWriter out, WriteOff w) {
        out.printf("%5d %-16s %-24.24s %-14s %10s %-16s %-9s %s%n", w.id(), w.accountKey(), w.accountName(), w.kind(),
                w.amount(), w.tier().jsonName(), w.status().name().toLowerCase(Locale.ROOT), w.explanation());
    }

    @Command(name = "recommend", description = "Run the write-off rules as of a date and record what they recommend; "
            + "rules that must not be followed (e.g. a federal-program copay) say why.")
    static final class Recommend extends Sub {
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Default today.") LocalDate asOf;
        @Option(names = "--json", description = "Print [{\"id\", \"scope\", \"account\", \"rx\", \"fill\", \"payer\", "
                + "\"amount\", \"kind\", \"tier\", \"explanation\", \"status\"}]; a refused rule has id null and status "
                + "\"refused\".") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, WriteOffService service) {
            LocalDate date = asOf != null ? asOf : LocalDate.now(ctx.clock());
            WriteOffService.Recommendations r = service.recommend(who.signIn(ctx), date);
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>(r.created().stream().map(WriteOffsCommand::json).toList());
                for (WriteOffPolicy.Finding f : r.refused()) {
                    Map<String, Object> o = base(null, f.accountKey(), f.amount().toString(), f.kind().name(),
                            f.tier().jsonName(), f.explanation());
                    o.put("status", "refused");
                    list.add(o);
                }
                CliOutput.json(out(), list);
            } else {
                r.created().forEach(w -> print(out(), w));
                r.refused().forEach(f -> out().printf("  not recommended %-16s %-14s %10s: %s%n", f.accountKey(), f.kind(),
                        f.amount(), f.explanation()));
                out().printf("%d recommended, %d refused by the rules, as of %s%n", r.created().size(), r.refused().size(), date);
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Recommendations and their decisions, newest first.")
    static final class ListWriteOffs extends Sub {
        @Option(names = "--status", paramLabel = "pending|approved|rejected|reversed|all", defaultValue = "all") String status;
        @Option(names = "--json") boolean json;

        @Override
        int run(AppContext ctx, WriteOffService service) {
            List<WriteOff> list = service.list().stream().filter(w -> status.equalsIgnoreCase("all")
                    || w.status().name().equalsIgnoreCase(status)).toList();
            if (json) {
                CliOutput.json(out(), list.stream().map(WriteOffsCommand::json).toList());
            } else {
                out().printf("%5s %-16s %-24s %-14s %10s %-16s %-9s %s%n", "ID", "ACCOUNT", "NAME", "KIND", "AMOUNT", "TIER",
                        "STATUS", "WHY");
                list.forEach(w -> print(out(), w));
                out().printf("%d write-off(s)%n", list.size());
            }
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve and post a write-off (the tier's permission; never your own proposal).")
    static final class Approve extends Sub {
        @Option(names = "--id", required = true, split = ",", paramLabel = "N[,N…]") List<Long> ids;
        @Option(names = "--json") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, WriteOffService service) {
            var session = who.signIn(ctx);
            List<WriteOff> done = ids.stream().map(id -> service.approve(session, id)).toList();
            return report(done, json);
        }
    }

    @Command(name = "reject", description = "Reject a recommendation with a reason.")
    static final class Reject extends Sub {
        @Option(names = "--id", required = true, paramLabel = "N") long id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--json") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, WriteOffService service) {
            return report(List.of(service.reject(who.signIn(ctx), id, reason)), json);
        }
    }

    @Command(name = "reverse", description = "Reverse an approved write-off by a new ledger batch (a recovery, or an error).")
    static final class Reverse extends Sub {
        @Option(names = "--id", required = true, paramLabel = "N") long id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--json") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, WriteOffService service) {
            return report(List.of(service.reverse(who.signIn(ctx), id, reason)), json);
        }
    }
}
