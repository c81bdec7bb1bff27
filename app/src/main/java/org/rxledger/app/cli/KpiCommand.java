package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.core.kpi.Dashboard;
import org.rxledger.core.kpi.Dashboard.PayerFigures;
import org.rxledger.core.kpi.Kpi;
import org.rxledger.core.kpi.KpiService;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.tx.Transactions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rxledger kpi}: the dashboard's figures for a script or a morning e-mail (docs/kpi.md). */
@Command(name = "kpi", description = {"The owner's figures for a period: A/R and days sales outstanding per payer, days to "
        + "pay, first-pass auto-match and denial rates, top denial codes, short-paid, underpaid and below-cost amounts, "
        + "PLB by code and month, the weekly aging trend, write-offs, collections and MFP refunds outstanding.",
        "--definitions prints what each figure means."})
final class KpiCommand extends RemitPostingCommands.Base {

    /** The default period: the 90 days ending on the as-of day (as `mfp kpi`). */
    static final int DEFAULT_DAYS = 90;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period (default 89 days before --to).")
    LocalDate from;

    @Option(names = {"--to", "--as-of"}, paramLabel = "YYYY-MM-DD", description = "Last day of the period, the day balances "
            + "are taken on (default today).")
    LocalDate to;

    @Option(names = "--definitions", description = "Print what each figure means, and nothing else.")
    boolean definitions;

    @Override
    void run(Transactions transactions, PrintWriter out) {
        if (definitions) {
            for (Kpi k : Kpi.values()) {
                out.printf("%s: %s%n", k.label(), k.definition());
            }
            return;
        }
        LocalDate last = to == null ? LocalDate.now(transactions.clock()) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        Dashboard d = new KpiService(transactions).dashboard(first, last);
        if (json) {
            CliOutput.json(out, json(d));
            return;
        }
        out.printf("Figures for %s to %s (balances as of %s)%n%n", d.from(), d.to(), d.to());
        out.printf("%-24s %11s %11s %6s %6s %7s %7s %10s %10s %10s%n", "PAYER", "A/R", "SALES", "DSO", "PAY D",
                "AUTO %", "DENY %", "SHORT", "UNDERPAID", "BELOW COST");
        for (PayerFigures p : d.payers()) {
            payerLine(out, p);
        }
        payerLine(out, d.total());
        out.println();
        out.printf("Top denial codes: %s%n", d.topDenials().isEmpty() ? "none"
                : String.join(", ", d.topDenials().stream().map(c -> c.code() + " ×" + c.lines() + " (" + c.amount() + ")")
                .toList()));
        out.printf("PLB by month:     %s%n", d.plb().isEmpty() ? "none" : String.join(", ", d.plb().stream()
                .map(p -> p.month().toString().substring(0, 7) + " " + p.code() + " " + p.amount()).toList()));
        out.println("Aging trend (third-party / patient):");
        for (Dashboard.AgingSnapshot s : d.aging()) {
            out.printf("  %s %12s %12s%n", s.asOf(), s.thirdPartyTotal(), s.patientTotal());
        }
        out.printf("Write-offs:       %s%n", d.writeOffs().isEmpty() ? "none" : String.join(", ", d.writeOffs().stream()
                .map(w -> w.kind() + " " + w.amount() + " (" + w.approved() + ")").toList()));
        out.printf("Collections:      payer cash %s on %,d payment(s); patient cash %s on %,d payment(s)%n",
                d.collected().payerCash(), d.collected().payments(), d.collected().patientCash(),
                d.collected().patientPayments());
        out.printf("MFP refunds:      %s outstanding on %,d fill(s); median days to refund %s%n", d.mfp().outstanding(),
                d.mfp().outstandingCount(), text(d.mfp().medianDaysToRefund()));
    }

    private static void payerLine(PrintWriter out, PayerFigures p) {
        out.printf("%-24.24s %11s %11s %6s %6s %7s %7s %10s %10s %10s%n", p.payer(), p.receivable(), p.sales(), text(p.dso()),
                text(p.daysToPay()), text(p.autoMatchRate()), text(p.denialRate()), p.shortAmount(), p.underpaidAmount(),
                p.belowCostAmount());
    }

    private static String text(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private static String money(Money m) {
        return m.amount().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Map<String, Object> json(Dashboard d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", d.from().toString());
        o.put("to", d.to().toString());
        o.put("payers", d.payers().stream().map(KpiCommand::json).toList());
        o.put("total", json(d.total()));
        o.put("top_denial_codes", d.topDenials().stream().map(c -> Map.of("code", c.code(), "lines", c.lines(),
                "amount", money(c.amount()))).toList());
        o.put("plb", d.plb().stream().map(p -> Map.of("month", p.month().toString().substring(0, 7), "code", p.code(),
                "items", p.items(), "amount", money(p.amount()))).toList());
        o.put("aging", d.aging().stream().map(s -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("as_of", s.asOf().toString());
            a.put("third_party", buckets(s.thirdParty()));
            a.put("patient", buckets(s.patient()));
            return a;
        }).toList());
        o.put("write_offs", d.writeOffs().stream().map(w -> Map.of("kind", w.kind(), "approved", w.approved(),
                "amount", money(w.amount()))).toList());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("payments", d.collected().payments());
        c.put("payer_cash", money(d.collected().payerCash()));
        c.put("patient_payments", d.collected().patientPayments());
        c.put("patient_cash", money(d.collected().patientCash()));
        o.put("collections", c);
        Map<String, Object> mfp = new LinkedHashMap<>();
        mfp.put("outstanding", money(d.mfp().outstanding()));
        mfp.put("outstanding_count", d.mfp().outstandingCount());
        mfp.put("median_days_to_refund", plain(d.mfp().medianDaysToRefund()));
        o.put("mfp", mfp);
        return o;
    }

    private static Map<String, Object> json(PayerFigures p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("payer", p.payer());
        o.put("receivable", money(p.receivable()));
        o.put("claims", p.claims());
        o.put("sales", money(p.sales()));
        o.put("dso", plain(p.dso()));
        o.put("days_to_pay", plain(p.daysToPay()));
        o.put("remit_lines", p.remitLines());
        o.put("auto_matched", p.autoMatched());
        o.put("auto_match_rate", plain(p.autoMatchRate()));
        o.put("denied", p.denied());
        o.put("denial_rate", plain(p.denialRate()));
        o.put("short_paid", p.shortPaid());
        o.put("short_amount", money(p.shortAmount()));
        o.put("underpaid", p.underpaid());
        o.put("underpaid_amount", money(p.underpaidAmount()));
        o.put("below_cost", p.belowCost());
        o.put("below_cost_amount", money(p.belowCostAmount()));
        return o;
    }

    private static Map<String, String> buckets(Map<AgingBucket, Money> by) {
        Map<String, String> o = new LinkedHashMap<>();
        by.forEach((b, m) -> o.put(b.label(), money(m)));
        return o;
    }
}
