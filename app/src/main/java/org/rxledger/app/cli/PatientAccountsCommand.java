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
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.collections.AccountActivity;
import org.rxledger.core.collections.AccountDetail;
import org.rxledger.core.collections.AccountItem;
import org.rxledger.core.collections.AgencyReferral;
import org.rxledger.core.collections.AgencyReferralService;
import org.rxledger.core.collections.AgingBucket;
import org.rxledger.core.collections.CollectionSettings;
import org.rxledger.core.collections.HoldKind;
import org.rxledger.core.collections.PatientAccount;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.PaymentMethod;
import org.rxledger.core.collections.PaymentPlan;
import org.rxledger.core.collections.PaymentPlanService;
import org.rxledger.core.collections.Statement;
import org.rxledger.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger patient-accounts …}: patient and house-charge accounts (docs/collections.md). Not to be confused
 * with {@code rxledger accounts}, the office's user accounts.
 */
@Command(name = "patient-accounts", aliases = "patients", description = "Patient and house-charge accounts: balances, aging, payments, holds, "
        + "statements (docs/collections.md).",
        subcommands = {PatientAccountsCommand.ListAccounts.class, PatientAccountsCommand.Show.class,
                PatientAccountsCommand.Pay.class, PatientAccountsCommand.Refund.class, PatientAccountsCommand.Hold.class,
                PatientAccountsCommand.Statements.class, PatientAccountsCommand.Settings.class,
                PatientAccountsCommand.FederalPlan.class, PatientAccountsCommand.Plan.class,
                PatientAccountsCommand.Plans.class, PatientAccountsCommand.Refer.class})
final class PatientAccountsCommand {

    @ParentCommand
    RxLedgerCommand root;

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        PatientAccountsCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            try (AppContext ctx = parent.root.openContext()) {
                try {
                    int code = run(ctx, new PatientAccountService(ctx.transactions()));
                    out().flush();
                    return code;
                } catch (IllegalArgumentException e) {
                    throw new RxLedgerCommand.UsageError(e.getMessage());
                }
            }
        }

        abstract int run(AppContext ctx, PatientAccountService service);

        /** An option value the core refuses is a usage mistake (exit 2), like one picocli itself refuses. */
        static <T> T option(java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (RxLedgerException e) {
                throw new RxLedgerCommand.UsageError(e.getMessage());
            }
        }

        static LocalDate today(AppContext ctx, LocalDate given) {
            return given != null ? given : LocalDate.now(ctx.clock());
        }
    }

    static Map<String, Object> json(PatientAccount a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("account", a.key());
        o.put("name", a.name());
        o.put("balance", a.balance().toString());
        Map<String, String> aging = new LinkedHashMap<>();
        a.aging().forEach((b, m) -> aging.put(b.label(), m.toString()));
        o.put("aging", aging);
        o.put("holds", a.holds().stream().map(HoldKind::cliName).toList());
        o.put("statements_sent", a.statementsSent());
        o.put("last_statement", a.lastStatement() == null ? null : a.lastStatement().toString());
        o.put("last_payment", a.lastPayment() == null ? null : a.lastPayment().toString());
        o.put("open_items", a.openItems());
        o.put("federal_program", a.federalProgram());
        return o;
    }

    @Command(name = "list", aliases = "balances", description = "Accounts with a balance: aging 0-30/31-60/61-90/91-120/120+ from the ledger, holds.")
    static final class ListAccounts extends Sub {
        @Option(names = "--json", description = "Print [{\"account\", \"name\", \"balance\", \"aging\", \"holds\", …}].")
        boolean json;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Balances and aging as of this date (default today).")
        LocalDate asOf;

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            List<PatientAccount> accounts = service.accounts(today(ctx, asOf));
            if (json) {
                CliOutput.json(out(), accounts.stream().map(PatientAccountsCommand::json).toList());
                return 0;
            }
            out().printf("%-16s %-26s %10s %9s %9s %9s %9s %9s  %s%n", "ACCOUNT", "NAME", "BALANCE", "0-30", "31-60",
                    "61-90", "91-120", "120+", "HOLDS");
            Money total = Money.ZERO;
            for (PatientAccount a : accounts) {
                out().printf("%-16s %-26.26s %10s %9s %9s %9s %9s %9s  %s%n", a.key(), a.name(), a.balance(),
                        a.aging().get(AgingBucket.CURRENT), a.aging().get(AgingBucket.DAYS_31_60),
                        a.aging().get(AgingBucket.DAYS_61_90), a.aging().get(AgingBucket.DAYS_91_120),
                        a.aging().get(AgingBucket.OVER_120),
                        String.join(",", a.holds().stream().map(HoldKind::cliName).toList()));
                total = total.plus(a.balance());
            }
            out().printf("%d %s, %s in all%n", accounts.size(), accounts.size() == 1 ? "account" : "accounts", total);
            return 0;
        }
    }

    @Command(name = "show", description = "One account: its open fills, every ledger movement, statements sent.")
    static final class Show extends Sub {
        @Option(names = "--account", required = true, paramLabel = "KEY", description = "P<patient id> or H:<charge account>.")
        String account;

        @Option(names = "--json", description = "Print {\"account\": …, \"items\": […], \"activity\": […], \"statements\": […]}.")
        boolean json;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "As of this date (default today).")
        LocalDate asOf;

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            AccountDetail d = service.account(account, today(ctx, asOf));
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>(PatientAccountsCommand.json(d.account()));
                List<Map<String, Object>> items = new ArrayList<>();
                for (AccountItem i : d.items()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("claim_id", i.claimId());
                    m.put("rx", i.rxNumber());
                    m.put("fill", i.fillNumber());
                    m.put("date_of_service", i.dateOfService().toString());
                    m.put("drug", i.drugName());
                    m.put("balance", i.balance().toString());
                    m.put("third_party_open", i.thirdPartyOpen());
                    items.add(m);
                }
                o.put("items", items);
                List<Map<String, Object>> activity = new ArrayList<>();
                for (AccountActivity a : d.activity()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("date", a.date().toString());
                    m.put("rx_fill", a.rxFill());
                    m.put("source", a.sourceType());
                    m.put("memo", a.memo());
                    m.put("amount", a.amount().toString());
                    m.put("by", a.by());
                    activity.add(m);
                }
                o.put("activity", activity);
                o.put("statements", d.statements().stream().map(s -> Map.of("number", s.number(), "sent_on",
                        s.sentOn().toString(), "amount_due", s.amountDue().toString())).toList());
                CliOutput.json(out(), o);
                return 0;
            }
            PatientAccount a = d.account();
            out().printf("%s  %s  balance %s%s%n", a.key(), a.name(), a.balance(),
                    a.holds().isEmpty() ? "" : "  holds: " + String.join(",", a.holds().stream().map(HoldKind::cliName).toList()));
            out().printf("%-12s %-10s %-28s %10s%n", "RX-FILL", "DOS", "DRUG", "BALANCE");
            for (AccountItem i : d.items()) {
                out().printf("%-12s %-10s %-28.28s %10s%s%n", i.rxFill(), i.dateOfService(), i.drugName(), i.balance(),
                        i.thirdPartyOpen() ? "  (plan still owes)" : "");
            }
            out().printf("%nActivity:%n");
            for (AccountActivity x : d.activity()) {
                out().printf("%-10s %-12s %10s  %s (%s)%n", x.date(), x.rxFill(), x.amount(), x.memo(), x.by());
            }
            out().printf("%d statement(s) sent%s%n", d.statements().size(), d.statements().isEmpty() ? ""
                    : ", the last on " + d.statements().get(d.statements().size() - 1).sentOn());
            return 0;
        }
    }

    @Command(name = "pay", description = "Post a payment (counter, phone, mail, card token), oldest fills first or to --claim.")
    static final class Pay extends Sub {
        @Option(names = "--account", required = true, paramLabel = "KEY") String account;
        @Option(names = "--amount", required = true, paramLabel = "A") String amount;
        @Option(names = "--method", required = true, paramLabel = "counter|phone|mail|card") String method;
        @Option(names = "--reference", paramLabel = "R", description = "Check number, or the card processor's token "
                + "reference (never a card number).") String reference;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Received on (default today).") LocalDate date;
        @Option(names = "--claim", paramLabel = "ID", split = ",", description = "Apply to these fills (claim ids), in order.")
        List<Long> claims;
        @Option(names = "--json", description = "Print {\"payment\", \"account\", \"amount\", \"applied\"}.") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            PatientAccountService.Applied a = service.pay(who.signIn(ctx), new PatientAccountService.Payment(account,
                    Money.parse(amount), option(() -> PaymentMethod.parse(method)), reference, today(ctx, date), claims));
            return applied(out(), a, "Payment", json);
        }
    }

    static int applied(PrintWriter out, PatientAccountService.Applied a, String what, boolean asJson) {
            if (asJson) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("payment", a.paymentId());
                o.put("account", a.accountKey());
                o.put("amount", a.amount().toString());
                Map<String, String> applied = new LinkedHashMap<>();
                a.byFill().forEach((k, v) -> applied.put(k, v.toString()));
                o.put("applied", applied);
                CliOutput.json(out, o);
            } else {
                out.printf("%s %d of %s posted to %s: %s%n", what, a.paymentId(), a.amount(), a.accountKey(),
                        String.join(", ", a.byFill().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            }
            return 0;
    }

    @Command(name = "refund", description = "Refund a credit on the account.")
    static final class Refund extends Sub {
        @Option(names = "--account", required = true, paramLabel = "KEY") String account;
        @Option(names = "--amount", required = true, paramLabel = "A") String amount;
        @Option(names = "--method", required = true, paramLabel = "counter|phone|mail|card") String method;
        @Option(names = "--reference", paramLabel = "R") String reference;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
        @Option(names = "--json") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            PatientAccountService.Applied a = service.refund(who.signIn(ctx), account, Money.parse(amount),
                    option(() -> PaymentMethod.parse(method)), reference, today(ctx, date));
            return applied(out(), a, "Refund", json);
        }
    }

    @Command(name = "hold", description = "Place (or with --release end) a hold: dispute, third-party-open, bankruptcy, "
            + "bankruptcy-discharged, deceased, hardship-pending, hardship-approved. Bankruptcy stops all collection.")
    static final class Hold extends Sub {
        @Option(names = "--account", required = true, paramLabel = "KEY") String account;
        @Option(names = "--kind", required = true, paramLabel = "KIND") String kind;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--release", description = "End the hold instead of placing it.") boolean release;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            HoldKind k = option(() -> HoldKind.parse(kind));
            if (release) {
                service.releaseHold(who.signIn(ctx), account, k, note, today(ctx, date));
            } else {
                service.placeHold(who.signIn(ctx), account, k, note, today(ctx, date));
            }
            out().printf("%s hold %s on %s.%n", k.cliName(), release ? "released" : "placed", account);
            return 0;
        }
    }

    @Command(name = "statements", description = "Record the statements due on a date (1, 2, 3 past due, final notice "
            + "every 30 days); accounts on hold get none.")
    static final class Statements extends Sub {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
        @Option(names = "--json", description = "Print [{\"account\", \"number\", \"amount_due\"}].") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            List<Statement> sent = service.runStatements(who.signIn(ctx), today(ctx, date));
            if (json) {
                CliOutput.json(out(), sent.stream().map(s -> Map.of("account", s.accountKey(), "number", s.number(),
                        "amount_due", s.amountDue().toString())).toList());
            } else {
                sent.forEach(s -> out().printf("%-16s statement %d  %s%n", s.accountKey(), s.number(), s.amountDue()));
                out().printf("%d statement(s) recorded for %s%n", sent.size(), today(ctx, date));
            }
            return 0;
        }
    }

    @Command(name = "settings", description = "Collection thresholds and approval limits; --set NAME=VALUE changes one "
            + "(billing manager).")
    static final class Settings extends Sub {
        @Option(names = "--set", paramLabel = "NAME=VALUE") String set;
        @Option(names = "--json") boolean json;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            CollectionSettings s;
            if (set != null) {
                int eq = set.indexOf('=');
                if (eq < 1) {
                    throw new RxLedgerCommand.UsageError("--set expects NAME=VALUE");
                }
                s = service.changeSetting(who.signIn(ctx), set.substring(0, eq).strip(), set.substring(eq + 1));
            } else {
                s = service.settings();
            }
            if (json) {
                CliOutput.json(out(), s.asMap());
            } else {
                s.asMap().forEach((k, v) -> out().printf("%-26s %s%n", k, v));
            }
            return 0;
        }
    }

    @Command(name = "federal-plan", description = "Mark a plan as a federal program's (medicare-part-d, medicaid, tricare, …) "
            + "or not (none): its patients' copays are never waived routinely.")
    static final class FederalPlan extends Sub {
        @Option(names = "--plan", required = true, paramLabel = "ID") long plan;
        @Option(names = "--program", required = true, paramLabel = "NAME|none") String program;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            String p = program.strip().equalsIgnoreCase("none") ? null : program.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            service.markFederalProgram(who.signIn(ctx), plan, p);
            out().printf("Plan %d: %s.%n", plan, p == null ? "not a federal program" : p);
            return 0;
        }
    }

    @Command(name = "plan", description = "Start a payment plan (instalment, day of the month 1-28), or end it with --end. "
            + "A kept plan stops dunning escalation; a missed instalment resumes it.")
    static final class Plan extends Sub {
        @Option(names = "--account", required = true, paramLabel = "KEY") String account;
        @Option(names = "--amount", paramLabel = "A", description = "The monthly instalment.") String amount;
        @Option(names = "--day", paramLabel = "1-28", description = "Day of the month it is due.") Integer day;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Starts (or ends) on (default today).") LocalDate date;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--end", description = "End the account's plan instead.") boolean end;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            PaymentPlanService plans = new PaymentPlanService(ctx.transactions());
            if (end) {
                plans.end(who.signIn(ctx), account, today(ctx, date), note);
                out().printf("Payment plan of %s ended.%n", account);
                return 0;
            }
            if (amount == null || day == null) {
                throw new RxLedgerCommand.UsageError("a payment plan needs --amount and --day (or --end to end one)");
            }
            PaymentPlan p = plans.start(who.signIn(ctx), account, Money.parse(amount), day, today(ctx, date), note);
            out().printf("Payment plan of %s: %s on day %d of each month from %s.%n", p.accountKey(), p.amount(),
                    p.dayOfMonth(), p.startsOn());
            return 0;
        }
    }

    @Command(name = "plans", description = "Active payment plans: instalments due, paid, next due date, missed or kept.")
    static final class Plans extends Sub {
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD") LocalDate asOf;
        @Option(names = "--json", description = "Print [{\"account\", \"amount\", \"day\", \"starts_on\", \"due\", "
                + "\"paid\", \"next_due\", \"missed\"}].") boolean json;

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            List<PaymentPlan.Status> plans = new PaymentPlanService(ctx.transactions()).plans(today(ctx, asOf));
            if (json) {
                CliOutput.json(out(), plans.stream().map(s -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("account", s.plan().accountKey());
                    o.put("amount", s.plan().amount().toString());
                    o.put("day", s.plan().dayOfMonth());
                    o.put("starts_on", s.plan().startsOn().toString());
                    o.put("due", s.due().toString());
                    o.put("paid", s.paid().toString());
                    o.put("next_due", s.nextDue().toString());
                    o.put("missed", s.missed());
                    return o;
                }).toList());
                return 0;
            }
            out().printf("%-16s %10s %4s %-10s %10s %10s %-10s %s%n", "ACCOUNT", "AMOUNT", "DAY", "STARTS", "DUE", "PAID",
                    "NEXT DUE", "STATE");
            plans.forEach(s -> out().printf("%-16s %10s %4d %-10s %10s %10s %-10s %s%n", s.plan().accountKey(),
                    s.plan().amount(), s.plan().dayOfMonth(), s.plan().startsOn(), s.due(), s.paid(), s.nextDue(),
                    s.missed() ? "MISSED" : "kept"));
            out().printf("%d payment plan(s)%n", plans.size());
            return 0;
        }
    }

    @Command(name = "refer", description = "Refer accounts to a collection agency (billing manager) and write the agency's "
            + "CSV; refused for accounts on hold, on a kept plan, or referred before.")
    static final class Refer extends Sub {
        @Option(names = "--account", required = true, split = ",", paramLabel = "KEY[,KEY…]") List<String> accounts;
        @Option(names = "--agency", required = true, paramLabel = "NAME") String agency;
        @Option(names = "--out", required = true, paramLabel = "FILE.csv") java.nio.file.Path outFile;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
        final SignedIn who = new SignedIn();

        @Override
        int run(AppContext ctx, PatientAccountService service) {
            java.nio.file.Path dir = outFile.toAbsolutePath().getParent();
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new RxLedgerCommand.UsageError("cannot create the folder " + dir + " (" + e.getMessage() + ")");
            }
            if (!java.nio.file.Files.isWritable(dir)) {
                throw new RxLedgerCommand.UsageError("cannot write into " + dir + "; nothing is referred");
            }
            List<AgencyReferral> done = new AgencyReferralService(ctx.transactions()).refer(who.signIn(ctx), accounts,
                    agency, today(ctx, date));
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(outFile, java.nio.charset.StandardCharsets.UTF_8)) {
                AgencyReferralService.writeCsv(done, w);
            } catch (java.io.IOException e) {
                throw new RxLedgerCommand.UsageError("the referrals are recorded, but " + outFile + " cannot be written ("
                        + e.getMessage() + ")");
            }
            out().printf("Referred %d account(s) to %s, %s in all; wrote %s%n", done.size(), agency.strip(),
                    Money.sum(done.stream().map(AgencyReferral::balance).toList()), outFile);
            return 0;
        }
    }
}
