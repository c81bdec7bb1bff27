package org.rxledger.app.cli;

import org.rxledger.core.error.RxLedgerException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.exceptions.ExceptionStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger exceptions …}: the exceptions work queue (docs/exceptions.md). */
@Command(name = "exceptions", description = "List, assign and resolve the exceptions work queue.",
        subcommands = {ExceptionsCommand.ListItems.class, ExceptionsCommand.Assign.class, ExceptionsCommand.Resolve.class,
                ExceptionsCommand.Reopen.class})
final class ExceptionsCommand {

    @ParentCommand
    RxLedgerCommand root;

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ExceptionsCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() throws Exception {
            try (AppContext ctx = parent.root.openContext()) {
                try {
                    return run(new ExceptionQueue(ctx.transactions()));
                } catch (IllegalArgumentException | IllegalStateException | RxLedgerException e) {
                    err().println("rxledger: " + e.getMessage());
                    err().flush();
                    return Cli.EXIT_REJECTED;
                }
            }
        }

        abstract int run(ExceptionQueue queue) throws Exception;

        int done(ExceptionItem i, String what) {
            out().printf("%s %s: %s, owner %s%s.%n", i.key(), what, i.status().name().toLowerCase(Locale.ROOT),
                    i.owner() == null ? "none" : i.owner(), i.note() == null ? "" : ", note: " + i.note());
            out().flush();
            return 0;
        }
    }

    @Command(name = "list", description = "List exceptions (open ones by default), oldest first within each category.")
    static final class ListItems extends Sub {
        @Option(names = "--category", paramLabel = "C", description = "Only this category: UNMATCHED, AMBIGUOUS, "
                + "SHORT_PAID, OVER_PAID, DENIED, REVERSED, PAID_TWICE, PLB_UNATTRIBUTED, PATIENT_PAY.")
        String category;

        @Option(names = "--status", defaultValue = "open", paramLabel = "open|resolved|all",
                description = "Which items; default ${DEFAULT-VALUE}.")
        String status;

        @Option(names = "--payer", description = "Only this payer (as on the 835).")
        String payer;

        @Option(names = "--owner", description = "Only items assigned to this person.")
        String owner;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(ExceptionQueue queue) {
            ExceptionStatus s = switch (status.strip().toLowerCase(Locale.ROOT)) {
                case "open" -> ExceptionStatus.OPEN;
                case "resolved" -> ExceptionStatus.RESOLVED;
                case "all" -> null;
                default -> throw new IllegalArgumentException("--status is open, resolved or all, not '" + status + "'");
            };
            ExceptionCategory c = category == null ? null : ExceptionCategory.parse(category);
            List<ExceptionItem> items = queue.items(new ExceptionFilter(c, payer, s, owner));
            if (json) {
                CliOutput.json(out(), items.stream().map(ExceptionsCommand::json).toList());
                return 0;
            }
            PrintWriter out = out();
            out.printf("%-26s %-20s %-18s %-14s %10s %10s %4s  %-10s %s%n", "key", "category", "rx-fill/clp01", "trace",
                    "expected", "paid", "age", "owner", "next step");
            for (ExceptionItem i : items) {
                out.printf("%-26s %-20s %-18s %-14s %10s %10s %4d  %-10s %s%s%n", i.key(), i.category().label(),
                        i.reference(), i.trace(), i.expected(), i.paid(), i.age(), i.owner() == null ? "-" : i.owner(),
                        i.nextStep(), i.open() ? "" : "  [resolved: " + i.note() + "]");
            }
            out.printf("%d item%s.", items.size(), items.size() == 1 ? "" : "s");
            Map<ExceptionCategory, Integer> counts = ExceptionQueue.counts(items);
            StringBuilder by = new StringBuilder();
            counts.forEach((k, v) -> {
                if (v > 0) {
                    by.append(by.isEmpty() ? " " : ", ").append(k.label()).append(' ').append(v);
                }
            });
            out.println(by);
            out.flush();
            return 0;
        }
    }

    @Command(name = "assign", description = "Make someone the owner of an exception.")
    static final class Assign extends Sub {
        @Parameters(paramLabel = "KEY", description = "The item's key, e.g. SHORT_PAID:C42.")
        String key;

        @Option(names = "--owner", required = true, paramLabel = "NAME", description = "Who works it.")
        String owner;

        @Override
        int run(ExceptionQueue queue) {
            return done(queue.assign(key, owner), "assigned");
        }
    }

    @Command(name = "resolve", description = "Resolve an open exception with a note saying what was done.")
    static final class Resolve extends Sub {
        @Parameters(paramLabel = "KEY", description = "The item's key, e.g. SHORT_PAID:C42.")
        String key;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What was done (required).")
        String note;

        @Override
        int run(ExceptionQueue queue) {
            return done(queue.resolve(key, note), "resolved");
        }
    }

    @Command(name = "reopen", description = "Open a resolved exception again.")
    static final class Reopen extends Sub {
        @Parameters(paramLabel = "KEY")
        String key;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why it is reopened.")
        String note;

        @Override
        int run(ExceptionQueue queue) {
            return done(queue.reopen(key, note), "reopened");
        }
    }

    static Map<String, Object> json(ExceptionItem i) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("key", i.key());
        o.put("category", i.category().name());
        o.put("payer", i.payer());
        o.put("reference", i.reference());
        o.put("trace", i.trace());
        o.put("expected", i.expected().toString());
        o.put("paid", i.paid().toString());
        o.put("difference", i.difference().toString());
        o.put("reason", i.reason());
        o.put("next_step", i.nextStep());
        o.put("arose", i.arose() == null ? null : i.arose().toString());
        o.put("age_days", i.age());
        o.put("owner", i.owner());
        o.put("status", i.status().name());
        o.put("note", i.note());
        o.put("claim_id", i.claimId());
        o.put("remit_claim_id", i.remitClaimId());
        o.put("candidates", i.candidates());
        return o;
    }
}
