package org.rxledger.core.recon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rxledger.core.claim.ClaimPostings;
import org.rxledger.core.deposit.DepositPairing;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.deposit.RemittedPayment;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.DailyReconciliation.PayerDay;
import org.rxledger.core.recon.DailyReconciliation.PlbTotal;
import org.rxledger.core.recon.DailyReconciliation.RollForward;
import org.rxledger.core.recon.DailyReconciliation.Variance;
import org.rxledger.core.recon.ReconRepository.ArBalance;
import org.rxledger.core.recon.ReconRepository.ArMovement;
import org.rxledger.core.recon.ReconRepository.DayDeposits;
import org.rxledger.core.recon.ReconRepository.DayPayment;
import org.rxledger.core.recon.ReconRepository.DayPlb;
import org.rxledger.core.recon.ReconRepository.DayRemitLines;
import org.rxledger.core.tx.Transactions;

/**
 * Daily reconciliation per business day and payer (DOMAIN.md §4.4), read in one transaction from a handful
 * of set-based queries over the whole range. Days are the ledger's effective dates: a claim's adjudication
 * date (UTC), a payment's BPR16 date (its posting batches carry that date, also when unposted or re-matched
 * later), a deposit's date.
 *
 * <p>The roll-forward is computed two ways that must agree: the ledger's receivable balance at the end of
 * each day (a plain sum of THIRD_PARTY_RECEIVABLE entries), and the opening balance plus the day's
 * movements explained by the accounts each receivable entry was booked against. Any difference is shown
 * as the variance {@link VarianceCategory#ROLL_FORWARD_DIFFERENCE}, never absorbed.
 */
public final class DailyReconciliationService {

    private static final Set<String> COUNTER_REVERSAL_SOURCES = Set.of(ClaimPostings.SOURCE_CLAIM_REVERSAL,
            ClaimPostings.SOURCE_CLAIM_REBILL, ClaimPostings.SOURCE_CLAIM_CORRECTION);
    /** Guard against a typo turning a range into centuries of empty days. */
    static final int MAX_DAYS = 3_660;

    private final Transactions transactions;

    public DailyReconciliationService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** One business day, with every payer that had activity or an open receivable. */
    public DailyReconciliation day(LocalDate date) {
        return read(date, date, true).get(0);
    }

    /** Every day of [from, to] on which anything was adjudicated, paid, posted or deposited, in date order. */
    public List<DailyReconciliation> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days; choose a shorter one");
        }
        return read(from, to, false);
    }

    /** First and last day with any activity, for a default range; empty for an empty office. */
    public Optional<LocalDate[]> activityRange() {
        return transactions.read(tx -> tx.port(ReconRepository.class).activityRange());
    }

    private record Key(LocalDate date, String payer) {
    }

    /** Everything of one payer on one day, collected from the queries. */
    private static final class Acc {
        int claims;
        Money expected = Money.ZERO;
        int payments;
        Money received = Money.ZERO;
        Money posted = Money.ZERO;
        Money toClaims = Money.ZERO;
        Money unapplied = Money.ZERO;
        Money plbCash = Money.ZERO;
        final Map<RollForwardLine, Money> movements = new EnumMap<>(RollForwardLine.class);
        Money net = Money.ZERO;
        boolean activity;
        final Map<VarianceCategory, Money> varianceAmounts = new EnumMap<>(VarianceCategory.class);
        final Map<VarianceCategory, Integer> varianceCounts = new EnumMap<>(VarianceCategory.class);

        void move(RollForwardLine line, Money amount) {
            movements.merge(line, amount, Money::plus);
            activity = true;
        }

        void variance(VarianceCategory c, int count, Money amount) {
            if (count != 0 || !amount.isZero()) {
                varianceCounts.merge(c, count, Integer::sum);
                varianceAmounts.merge(c, amount, Money::plus);
            }
        }
    }

    private List<DailyReconciliation> read(LocalDate from, LocalDate to, boolean everyDay) {
        return transactions.read(tx -> {
            ReconRepository recon = tx.port(ReconRepository.class);
            Map<Key, Acc> days = new HashMap<>();
            Map<String, Money> opening = new TreeMap<>();
            recon.arBalances(from, to, (ArBalance b) -> {
                if (b.date() == null) {
                    opening.merge(b.payer(), b.amount(), Money::plus);
                } else {
                    acc(days, b.date(), b.payer()).net = b.amount();
                }
            });
            recon.arMovements(from, to, (ArMovement m) -> classify(acc(days, m.date(), m.payer()), m));
            recon.adjudicatedClaims(from, to, (ReconRepository.DayClaims c) -> {
                Acc a = acc(days, c.date(), c.payer());
                a.claims += c.claims();
                a.activity = true;
            });
            Map<Long, String> paymentPayers = new HashMap<>();
            recon.dayPayments(from, to, (DayPayment p) -> {
                paymentPayers.put(p.paymentId(), p.payer());
                Acc a = acc(days, p.date(), p.payer());
                a.activity = true;
                a.payments++;
                a.received = a.received.plus(p.amount());
                a.posted = a.posted.plus(p.posted());
                a.toClaims = a.toClaims.plus(p.cashToClaims());
                a.unapplied = a.unapplied.plus(p.unapplied());
                a.plbCash = a.plbCash.plus(p.plbCash());
                if ("POSTED".equals(p.status())) {
                    Money diff = p.posted().minus(p.amount());
                    a.variance(VarianceCategory.POSTED_NOT_BPR02, diff.isZero() ? 0 : 1, diff);
                } else if (!p.amount().isZero()) {
                    a.variance(VarianceCategory.RECEIVED_NOT_POSTED, 1, p.amount());
                }
            });
            Map<LocalDate, List<PlbTotal>> plb = new TreeMap<>();
            recon.dayPlb(from, to, (DayPlb p) -> {
                acc(days, p.date(), p.payer()).activity = true;
                plb.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(new PlbTotal(p.payer(), p.code(), p.items(), p.amount()));
            });
            recon.dayRemitLines(from, to, (DayRemitLines l) -> {
                Acc a = acc(days, l.date(), l.payer());
                a.activity = true;
                a.variance(VarianceCategory.SHORT_PAID, l.shortPaid(), l.shortAmount());
                a.variance(VarianceCategory.OVER_PAID, l.overPaid(), l.overAmount());
                a.variance(VarianceCategory.DENIED, l.denied(), l.deniedExpected());
                a.variance(VarianceCategory.REVERSED_AFTER_PAYMENT, l.reversals(), l.reversedAmount());
                a.variance(VarianceCategory.UNMATCHED_CASH, l.unmatched(), l.unmatchedCash());
            });
            Map<LocalDate, DayDeposits> deposits = new HashMap<>();
            recon.dayDeposits(from, to, d -> deposits.put(d.date(), d));
            DepositRepository depositRows = tx.port(DepositRepository.class);
            DepositPairing pairing = DepositPairing.of(depositRows.payments(), depositRows.all());
            for (RemittedPayment p : pairing.paymentsWithoutDeposit()) {
                if (!p.paymentDate().isBefore(from) && !p.paymentDate().isAfter(to)) {
                    String payer = paymentPayers.getOrDefault(p.paymentId(), p.payerName());
                    acc(days, p.paymentDate(), payer).variance(VarianceCategory.PAYMENT_WITHOUT_DEPOSIT, 1, p.amount());
                }
            }

            Set<String> payers = new TreeSet<>(opening.keySet());
            days.keySet().forEach(k -> payers.add(k.payer()));
            Map<String, Money> running = new TreeMap<>(opening);
            List<DailyReconciliation> result = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                List<PayerDay> rows = new ArrayList<>();
                List<Variance> variances = new ArrayList<>();
                boolean any = deposits.containsKey(d);
                for (String payer : payers) {
                    Acc a = days.getOrDefault(new Key(d, payer), new Acc());
                    Money open = running.getOrDefault(payer, Money.ZERO);
                    Money close = open.plus(a.net);
                    running.put(payer, close);
                    if (!a.activity && open.isZero() && close.isZero()) {
                        continue;
                    }
                    any |= a.activity || !a.net.isZero();
                    RollForward rf = new RollForward(open, a.movements, close);
                    a.variance(VarianceCategory.ROLL_FORWARD_DIFFERENCE, rf.difference().isZero() ? 0 : 1, rf.difference());
                    rows.add(new PayerDay(payer, a.claims, a.expected, a.payments, a.received, a.posted, a.toClaims,
                            a.unapplied, a.plbCash.negate(), rf));
                    for (VarianceCategory c : VarianceCategory.values()) {
                        if (a.varianceAmounts.containsKey(c)) {
                            variances.add(new Variance(payer, c, a.varianceCounts.get(c), a.varianceAmounts.get(c)));
                        }
                    }
                }
                if (!any && !everyDay) {
                    continue;
                }
                PayerDay total = total(rows);
                DayDeposits dep = deposits.get(d);
                int depositCount = dep == null ? 0 : dep.count();
                Money deposited = dep == null ? Money.ZERO : dep.amount();
                Money depositGap = deposited.minus(total.received());
                if (!depositGap.isZero()) {
                    variances.add(new Variance(DailyReconciliation.ALL_PAYERS, VarianceCategory.DEPOSITS_VS_PAYMENTS,
                            depositCount, depositGap));
                }
                result.add(new DailyReconciliation(d, rows, total, plb.getOrDefault(d, List.of()), depositCount, deposited,
                        variances));
            }
            return result;
        });
    }

    private static Acc acc(Map<Key, Acc> days, LocalDate date, String payer) {
        return days.computeIfAbsent(new Key(date, payer), k -> new Acc());
    }

    /**
     * Receivable entries of claim batches count as they are; a remittance group's receivable movement is
     * explained by its other entries (the group sums to zero), each signed as its effect on the receivable.
     */
    private static void classify(Acc a, ArMovement m) {
        boolean receivable = "THIRD_PARTY_RECEIVABLE".equals(m.account());
        if (ClaimPostings.SOURCE_CLAIM.equals(m.sourceType())) {
            if (receivable) {
                a.move(RollForwardLine.NEW_RECEIVABLES, m.amount());
                a.expected = a.expected.plus(m.amount());
            }
            return;
        }
        if (COUNTER_REVERSAL_SOURCES.contains(m.sourceType())) {
            if (receivable) {
                a.move(RollForwardLine.COUNTER_REVERSALS, m.amount());
            }
            return;
        }
        if (receivable) {
            return;
        }
        Money effect = m.amount().negate();
        RollForwardLine line = switch (m.account()) {
            case "PAYER_CASH" -> "22".equals(m.remitStatus()) ? RollForwardLine.PAYMENT_REVERSALS : RollForwardLine.PAYMENTS;
            case "CONTRACTUAL_ADJUSTMENT" -> RollForwardLine.CONTRACTUAL;
            case "PAYER_REDUCTION" -> RollForwardLine.PAYER_REDUCTIONS;
            case "OTHER_ADJUSTMENT" -> RollForwardLine.OTHER_ADJUSTMENTS;
            case "PATIENT_RECEIVABLE" -> RollForwardLine.PATIENT_TRANSFERS;
            case "UNAPPLIED_CASH" -> RollForwardLine.UNAPPLIED;
            default -> RollForwardLine.OTHER;
        };
        a.move(line, effect);
    }

    private static PayerDay total(List<PayerDay> rows) {
        int claims = 0;
        int payments = 0;
        Money expected = Money.ZERO;
        Money received = Money.ZERO;
        Money posted = Money.ZERO;
        Money toClaims = Money.ZERO;
        Money unapplied = Money.ZERO;
        Money plb = Money.ZERO;
        RollForward rf = new RollForward(Money.ZERO, Map.of(), Money.ZERO);
        for (PayerDay p : rows) {
            claims += p.claims();
            payments += p.payments();
            expected = expected.plus(p.expected());
            received = received.plus(p.received());
            posted = posted.plus(p.posted());
            toClaims = toClaims.plus(p.cashToClaims());
            unapplied = unapplied.plus(p.unapplied());
            plb = plb.plus(p.plbTaken());
            rf = RollForward.plus(rf, p.rollForward());
        }
        return new PayerDay(DailyReconciliation.ALL_PAYERS, claims, expected, payments, received, posted, toClaims,
                unapplied, plb, rf);
    }
}
