package org.rxledger.core.recon;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.money.Money;

/**
 * One business day's third-party reconciliation (DOMAIN.md §4.4): per payer and for all payers, the claims
 * adjudicated, the 835 payments dated the day (BPR16) and what of them was posted, the PLB items by code,
 * the bank deposits of the day, the variances by category and the A/R roll-forward from the ledger.
 *
 * @param payers    one row per payer with activity or an open balance, by name
 * @param total     the same figures for all payers
 * @param plb       provider-level adjustments of the day's payments by payer and code
 * @param variances non-zero variances by payer (all-payer ones under {@link #ALL_PAYERS})
 */
public record DailyReconciliation(LocalDate date, List<PayerDay> payers, PayerDay total, List<PlbTotal> plb,
                                  int deposits, Money deposited, List<Variance> variances) {

    /** The payer name of all-payer rows (totals and day-level variances). */
    public static final String ALL_PAYERS = "All payers";

    public DailyReconciliation {
        payers = List.copyOf(payers);
        plb = List.copyOf(plb);
        variances = List.copyOf(variances);
    }

    /**
     * One payer's day.
     *
     * @param claims        claims adjudicated with a plan payment (new receivables)
     * @param expected      Σ plan paid (509-F9) of those claims
     * @param payments      835 payments dated the day (BPR16)
     * @param received      Σ BPR02 of those payments (debits negative)
     * @param posted        payer cash on the ledger for those payments (net of unposting)
     * @param cashToClaims  of the posted cash, what was applied to claims (CLP04 of matched claims)
     * @param unapplied     of the posted cash, what went to unapplied cash (unmatched claim payments)
     * @param plbTaken      PLB of those payments in the 835's own sign, as everywhere a PLB amount is shown
     *                      (docs/reports.md): positive = taken from the payment (a recoupment, a fee), negative = added
     *                      (interest). So {@code posted = cashToClaims + unapplied − plbTaken}.
     */
    public record PayerDay(String payer, int claims, Money expected, int payments, Money received, Money posted,
                           Money cashToClaims, Money unapplied, Money plbTaken, RollForward rollForward) {
    }

    /**
     * The third-party A/R roll-forward: {@code opening + Σ movements = computed closing}; {@code closing} is
     * the ledger's own receivable balance at the end of the day. They must agree to the cent.
     */
    public record RollForward(Money opening, Map<RollForwardLine, Money> movements, Money closing) {
        public RollForward {
            Map<RollForwardLine, Money> all = new EnumMap<>(RollForwardLine.class);
            for (RollForwardLine l : RollForwardLine.values()) {
                all.put(l, movements.getOrDefault(l, Money.ZERO));
            }
            movements = Map.copyOf(all);
        }

        public Money movement(RollForwardLine line) {
            return movements.get(line);
        }

        /** The adjustments: everything but new receivables, counter reversals and payments. */
        public Money adjustments() {
            return Money.sum(List.of(movement(RollForwardLine.PAYMENT_REVERSALS), movement(RollForwardLine.CONTRACTUAL),
                    movement(RollForwardLine.PAYER_REDUCTIONS), movement(RollForwardLine.OTHER_ADJUSTMENTS),
                    movement(RollForwardLine.PATIENT_TRANSFERS), movement(RollForwardLine.UNAPPLIED),
                    movement(RollForwardLine.OTHER)));
        }

        /** Opening plus every movement. */
        public Money computedClosing() {
            return opening.plus(Money.sum(movements.values()));
        }

        /** Computed minus ledger closing; anything but zero is a variance. */
        public Money difference() {
            return computedClosing().minus(closing);
        }

        static RollForward plus(RollForward a, RollForward b) {
            Map<RollForwardLine, Money> m = new EnumMap<>(RollForwardLine.class);
            for (RollForwardLine l : RollForwardLine.values()) {
                m.put(l, a.movement(l).plus(b.movement(l)));
            }
            return new RollForward(a.opening.plus(b.opening), m, a.closing.plus(b.closing));
        }
    }

    /** PLB items of the day's payments: PLB03-1 code, count and Σ amount as sent (positive reduces the payment). */
    public record PlbTotal(String payer, String code, int items, Money amount) {
    }

    /** A variance: how many items and how much money. */
    public record Variance(String payer, VarianceCategory category, int count, Money amount) {
    }

    /**
     * True when the day needs no more work: deposits equal posted cash and no variance remains
     * (DOMAIN.md §4.4: "closed only when deposits = posted cash and every variance is assigned").
     */
    public boolean closed() {
        return deposited.equals(total.posted()) && variances.isEmpty();
    }

    public Money variance(String payer, VarianceCategory category) {
        return variances.stream().filter(v -> v.payer().equals(payer) && v.category() == category)
                .map(Variance::amount).findFirst().orElse(Money.ZERO);
    }

    public PayerDay payer(String name) {
        return payers.stream().filter(p -> p.payer().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no payer " + name + " on " + date));
    }
}
