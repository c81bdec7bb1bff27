package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.money.Money;
import java.time.format.DateTimeParseException;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.RollForwardLine;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger recon …}: third-party reconciliation of claims against what payers remitted. */
@Command(name = "recon", description = "Reconcile claims against remittances: per-claim status, third-party aging "
        + "and the daily reconciliation.",
        subcommands = {ReconCommand.Claims.class, ReconCommand.Aging.class, ReconCommand.Daily.class,
                ContractsCommand.Underpaid.class})
final class ReconCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "claims", description = "Each claim's expected plan payment, net paid and status "
            + "(UNPAID, PAID, UNDERPAID, OVERPAID, DENIED, REVERSED).")
    static final class Claims implements Callable<Integer> {

        @ParentCommand
        ReconCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array: {rx, fill, dos, expected, paid, status}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                List<ReconciliationService.ClaimRecon> claims = new ReconciliationService(ctx.transactions()).claims();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>(claims.size());
                    for (ReconciliationService.ClaimRecon c : claims) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("rx", c.rx());
                        row.put("fill", c.fill());
                        row.put("dos", c.dateOfService().toString());
                        row.put("expected", c.expected().amount().toPlainString());
                        row.put("paid", c.paid().amount().toPlainString());
                        row.put("status", c.status().name());
                        rows.add(row);
                    }
                    CliOutput.json(out, rows);
                } else {
                    out.printf("%-12s %4s %-10s %-22s %10s %10s %10s  %s%n", "RX", "FILL", "DOS", "PAYER", "EXPECTED", "PAID",
                            "VARIANCE", "STATUS");
                    Map<ReconStatus, Integer> counts = new EnumMap<>(ReconStatus.class);
                    for (ReconciliationService.ClaimRecon c : claims) {
                        out.printf("%-12s %4d %-10s %-22.22s %10s %10s %10s  %s%n", c.rx(), c.fill(), c.dateOfService(),
                                c.payerName(), c.expected(), c.paid(), c.variance(), c.status().name());
                        counts.merge(c.status(), 1, Integer::sum);
                    }
                    StringBuilder sb = new StringBuilder(String.format("%,d claims", claims.size()));
                    counts.forEach((s, n) -> sb.append(String.format(", %,d %s", n, s.name().toLowerCase())));
                    out.println(sb);
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "aging", description = "Open third-party receivables by payer, aged from the date of service "
            + "(0–14, 15–30, 31–45, 46–60, 61–90, 91–120, >120 days).")
    static final class Aging implements Callable<Integer> {

        @ParentCommand
        ReconCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array, one object per payer.")
        boolean json;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Age as of this date (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                LocalDate date = asOf != null ? asOf : LocalDate.now(ctx.clock());
                List<ReconciliationService.PayerAging> rows = new ReconciliationService(ctx.transactions()).aging(date);
                if (json) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (ReconciliationService.PayerAging a : rows) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("payer", a.payerName());
                        Map<String, String> buckets = new LinkedHashMap<>();
                        for (AgingBucket b : AgingBucket.values()) {
                            buckets.put(b.label(), a.bucket(b).amount().toPlainString());
                        }
                        row.put("buckets", buckets);
                        row.put("total", a.total().amount().toPlainString());
                        row.put("open_claims", a.openClaims());
                        row.put("credits", a.credits().amount().toPlainString());
                        row.put("credit_claims", a.creditClaims());
                        list.add(row);
                    }
                    CliOutput.json(out, list);
                } else {
                    out.printf("Third-party aging as of %s (days from date of service)%n", date);
                    StringBuilder header = new StringBuilder(String.format("%-24s", "PAYER"));
                    for (AgingBucket b : AgingBucket.values()) {
                        header.append(String.format(" %10s", b.label()));
                    }
                    header.append(String.format(" %11s %7s %10s", "TOTAL", "CLAIMS", "CREDITS"));
                    out.println(header);
                    Money grand = Money.ZERO;
                    for (ReconciliationService.PayerAging a : rows) {
                        StringBuilder line = new StringBuilder(String.format("%-24.24s", a.payerName()));
                        for (AgingBucket b : AgingBucket.values()) {
                            line.append(String.format(" %10s", a.bucket(b)));
                        }
                        line.append(String.format(" %11s %7d %10s", a.total(), a.openClaims(), a.credits()));
                        out.println(line);
                        grand = grand.plus(a.total());
                    }
                    out.printf("Total open third-party receivable: %s%n", grand);
                }
                out.flush();
            }
            return 0;
        }
    }

    /** Exit code of a bad option value (picocli's usage-error code). */
    static final int EXIT_USAGE = 2;

    @Command(name = "daily", description = {"One business day's reconciliation per payer: claims adjudicated, 835 "
            + "payments dated the day (BPR16), what was posted, PLB by code, deposits, variances and the third-party "
            + "A/R roll-forward checked against the ledger."})
    static final class Daily implements Callable<Integer> {

        @ParentCommand
        ReconCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The business day.")
        String date;

        @Option(names = "--json", description = "Print one JSON object (see docs/reconciliation.md).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LocalDate day;
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("rxledger: --date '" + date + "' is not a date; expected YYYY-MM-DD, e.g. 2025-03-14.");
                err.flush();
                return EXIT_USAGE;
            }
            try (AppContext ctx = parent.root.openContext()) {
                DailyReconciliation r = new DailyReconciliationService(ctx.transactions()).day(day);
                if (json) {
                    CliOutput.json(out, toJson(r));
                } else {
                    print(out, r);
                }
                out.flush();
            }
            return 0;
        }

        static String amount(Money m) {
            return m.amount().toPlainString();
        }

        /** The stable JSON contract of {@code recon daily --json} (documented in docs/reconciliation.md). */
        static Map<String, Object> toJson(DailyReconciliation r) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("date", r.date().toString());
            root.put("closed", r.closed());
            Map<String, Object> deposits = new LinkedHashMap<>();
            deposits.put("count", r.deposits());
            deposits.put("amount", amount(r.deposited()));
            root.put("deposits", deposits);
            List<Map<String, Object>> payers = new ArrayList<>();
            r.payers().forEach(p -> payers.add(payer(p)));
            root.put("payers", payers);
            root.put("total", payer(r.total()));
            List<Map<String, Object>> plb = new ArrayList<>();
            for (DailyReconciliation.PlbTotal p : r.plb()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("payer", p.payer());
                row.put("code", p.code());
                row.put("items", p.items());
                row.put("amount", amount(p.amount()));
                plb.add(row);
            }
            root.put("plb", plb);
            List<Map<String, Object>> variances = new ArrayList<>();
            for (DailyReconciliation.Variance v : r.variances()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("payer", v.payer());
                row.put("category", v.category().name());
                row.put("label", v.category().label());
                row.put("count", v.count());
                row.put("amount", amount(v.amount()));
                variances.add(row);
            }
            root.put("variances", variances);
            return root;
        }

        private static Map<String, Object> payer(DailyReconciliation.PayerDay p) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("payer", p.payer());
            row.put("claims_adjudicated", p.claims());
            row.put("expected", amount(p.expected()));
            row.put("payments", p.payments());
            row.put("received", amount(p.received()));
            row.put("posted", amount(p.posted()));
            row.put("cash_to_claims", amount(p.cashToClaims()));
            row.put("unapplied", amount(p.unapplied()));
            // the 835's sign, as in "plb" by code above: positive = taken from the payment (docs/reports.md)
            row.put("plb", amount(p.plbTaken()));
            DailyReconciliation.RollForward rf = p.rollForward();
            Map<String, Object> roll = new LinkedHashMap<>();
            roll.put("opening", amount(rf.opening()));
            for (RollForwardLine l : RollForwardLine.values()) {
                roll.put(l.name().toLowerCase(java.util.Locale.ROOT), amount(rf.movement(l)));
            }
            roll.put("closing", amount(rf.computedClosing()));
            roll.put("ledger_closing", amount(rf.closing()));
            roll.put("difference", amount(rf.difference()));
            row.put("roll_forward", roll);
            return row;
        }

        private static void print(PrintWriter out, DailyReconciliation r) {
            out.printf("Daily reconciliation %s (claims by adjudication date, payments by BPR16 date): %s%n", r.date(),
                    r.closed() ? "CLOSED" : "OPEN");
            out.printf("%-24s %6s %11s %5s %11s %11s %11s %10s %10s%n", "PAYER", "CLAIMS", "EXPECTED", "PMTS",
                    "RECEIVED", "POSTED", "TO CLAIMS", "UNAPPLIED", "PLB TAKEN");
            List<DailyReconciliation.PayerDay> rows = new ArrayList<>(r.payers());
            rows.add(r.total());
            for (DailyReconciliation.PayerDay p : rows) {
                out.printf("%-24.24s %6d %11s %5d %11s %11s %11s %10s %10s%n", p.payer(), p.claims(), p.expected(),
                        p.payments(), p.received(), p.posted(), p.cashToClaims(), p.unapplied(), p.plbTaken());
            }
            out.printf("Deposits: %d, %s%n%n", r.deposits(), r.deposited());

            out.println("Third-party A/R roll-forward");
            StringBuilder header = new StringBuilder(String.format("%-50s", ""));
            rows.forEach(p -> header.append(String.format(" %14.14s", p.payer())));
            out.println(header);
            line(out, "Opening balance", rows, p -> p.rollForward().opening());
            for (RollForwardLine l : RollForwardLine.values()) {
                line(out, l.label(), rows, p -> p.rollForward().movement(l));
            }
            line(out, "Closing balance (opening + movements)", rows, p -> p.rollForward().computedClosing());
            line(out, "Closing balance on the ledger", rows, p -> p.rollForward().closing());
            line(out, "Difference", rows, p -> p.rollForward().difference());
            out.println();

            out.println("PLB by code (positive = taken from the payment)");
            if (r.plb().isEmpty()) {
                out.println("  none");
            }
            for (DailyReconciliation.PlbTotal p : r.plb()) {
                out.printf("  %-24.24s %-4s %5d %11s%n", p.payer(), p.code(), p.items(), p.amount());
            }
            out.println();
            out.println("Variances");
            if (r.variances().isEmpty()) {
                out.println("  none");
            }
            for (DailyReconciliation.Variance v : r.variances()) {
                out.printf("  %-24.24s %-28s %5d %11s%n", v.payer(), v.category().label(), v.count(), v.amount());
            }
        }

        private static void line(PrintWriter out, String label, List<DailyReconciliation.PayerDay> rows,
                                 java.util.function.Function<DailyReconciliation.PayerDay, Money> value) {
            StringBuilder sb = new StringBuilder(String.format("%-50.50s", label));
            rows.forEach(p -> sb.append(String.format(" %14s", value.apply(p))));
            out.println(sb);
        }
    }
}
