package org.rxledger.core.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.kpi.Dashboard.AgingSnapshot;
import org.rxledger.core.kpi.Dashboard.PayerFigures;
import org.rxledger.core.kpi.KpiRepository.ReceivableDay;
import org.rxledger.core.mfp.MfpKpi;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.tx.Transactions;

/**
 * The dashboard's figures (issue 22): a read of a handful of aggregate queries, the contract checks of the
 * period's claims priced in one pass, and the MFP refund figures. Nothing is written, so the dashboard can be
 * reloaded at will; MFP refunds of MTF files imported since {@code mfp record} ran show after it runs.
 */
public final class KpiService {

    /** How many weekly aging snapshots the trend shows, the last day of the period being the newest. */
    public static final int AGING_WEEKS = 8;
    /** How many denial codes the dashboard lists. */
    public static final int TOP_DENIALS = 5;
    public static final String ALL_PAYERS = "All payers";

    private final Transactions transactions;

    public KpiService(Transactions transactions) {
        this.transactions = transactions;
    }

    public Dashboard dashboard(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new RxLedgerException("KPI_DATES", "The period ends (" + to + ") before it starts (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Dashboard partial = transactions.read(tx -> {
            KpiRepository repo = tx.port(KpiRepository.class);
            Map<String, Builder> by = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Builder total = new Builder(ALL_PAYERS);
            for (KpiRepository.Receivable r : repo.receivables(to)) {
                for (Builder b : List.of(of(by, r.payer()), total)) {
                    b.receivable = b.receivable.plus(r.balance());
                }
            }
            for (KpiRepository.Sales s : repo.sales(from, to)) {
                for (Builder b : List.of(of(by, s.payer()), total)) {
                    b.claims += s.claims();
                    b.sales = b.sales.plus(s.planPaid());
                }
            }
            for (KpiRepository.RemitLines l : repo.remitLines(from, to)) {
                for (Builder b : List.of(of(by, l.payer()), total)) {
                    b.lines += l.lines();
                    b.autoMatched += l.autoMatched();
                    b.paidLines += l.paidLines();
                    b.daysToPay += l.daysToPay();
                    b.judged += l.judged();
                    b.denied += l.denied();
                    b.shortPaid += l.shortPaid();
                    b.shortAmount = b.shortAmount.plus(l.shortAmount());
                }
            }
            for (ContractCheck c : ContractService.checks(tx, from, to, null)) {
                for (Builder b : List.of(of(by, c.claim().payer()), total)) {
                    if (c.underpaid(ContractService.DEFAULT_TOLERANCE)) {
                        b.underpaid++;
                        b.underpaidAmount = b.underpaidAmount.plus(c.shortfall());
                    }
                    if (c.belowCost()) {
                        b.belowCost++;
                        b.belowCostAmount = b.belowCostAmount.plus(c.belowCostBy());
                    }
                }
            }
            List<PayerFigures> payers = by.values().stream().map(b -> b.build(days)).toList();
            return new Dashboard(from, to, payers, total.build(days), repo.denialCodes(from, to, TOP_DENIALS),
                    repo.plbByMonth(from, to), aging(repo.receivableDays(to), snapshots(to)), repo.writeOffs(from, to),
                    repo.collected(from, to), null);
        });
        MfpKpi mfp = new MfpService(transactions).kpi(from, to, to);
        return new Dashboard(partial.from(), partial.to(), partial.payers(), partial.total(), partial.topDenials(),
                partial.plb(), partial.aging(), partial.writeOffs(), partial.collected(), mfp);
    }

    /** The last day of the period and the same weekday of the {@value #AGING_WEEKS} − 1 weeks before, oldest first. */
    static List<LocalDate> snapshots(LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (int w = AGING_WEEKS - 1; w >= 0; w--) {
            days.add(to.minusWeeks(w));
        }
        return days;
    }

    /** Each snapshot's receivables: the entries effective on or before it, aged from their fill to it. */
    static List<AgingSnapshot> aging(List<ReceivableDay> rows, List<LocalDate> snapshots) {
        List<AgingSnapshot> out = new ArrayList<>();
        for (LocalDate day : snapshots) {
            Map<AgingBucket, Money> third = new EnumMap<>(AgingBucket.class);
            Map<AgingBucket, Money> patient = new EnumMap<>(AgingBucket.class);
            for (ReceivableDay r : rows) {
                if (!r.effective().isAfter(day)) {
                    (r.patient() ? patient : third).merge(AgingBucket.of(r.dateOfService(), day), r.amount(), Money::plus);
                }
            }
            third.values().removeIf(Money::isZero);
            patient.values().removeIf(Money::isZero);
            out.add(new AgingSnapshot(day, third, patient));
        }
        return out;
    }

    private static Builder of(Map<String, Builder> by, String payer) {
        return by.computeIfAbsent(payer, Builder::new);
    }

    /** Ratios to one decimal, half up; null when there is nothing to divide by. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(int part, int whole) {
        return ratio(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(whole));
    }

    private static final class Builder {
        private final String payer;
        private Money receivable = Money.ZERO;
        private int claims;
        private Money sales = Money.ZERO;
        private int lines;
        private int autoMatched;
        private int paidLines;
        private long daysToPay;
        private int judged;
        private int denied;
        private int shortPaid;
        private Money shortAmount = Money.ZERO;
        private int underpaid;
        private Money underpaidAmount = Money.ZERO;
        private int belowCost;
        private Money belowCostAmount = Money.ZERO;

        Builder(String payer) {
            this.payer = payer;
        }

        PayerFigures build(long days) {
            BigDecimal dso = ratio(receivable.amount().multiply(BigDecimal.valueOf(days)), sales.amount());
            return new PayerFigures(payer, receivable, claims, sales, dso,
                    ratio(BigDecimal.valueOf(daysToPay), BigDecimal.valueOf(paidLines)), lines, autoMatched,
                    percent(autoMatched, lines), judged, denied, percent(denied, judged), shortPaid, shortAmount,
                    underpaid, underpaidAmount, belowCost, belowCostAmount);
        }
    }
}
