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
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger recon …}: third-party reconciliation of claims against what payers remitted. */
@Command(name = "recon", description = "Reconcile claims against remittances: per-claim status and third-party aging.",
        subcommands = {ReconCommand.Claims.class, ReconCommand.Aging.class})
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
}
