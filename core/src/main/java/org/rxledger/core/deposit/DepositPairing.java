package org.rxledger.core.deposit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.Trace;

/**
 * Pairs 835 payments with bank deposits: same trace number (compared without case, spaces or leading
 * zeros, which bank exports add and drop freely) and the same amount. Each deposit pays at most one
 * payment and the reverse; when several share trace and amount they pair in date order. A trace that
 * agrees with a different amount is reported as an amount mismatch, the case a clerk must call about.
 * Voided deposits take no part.
 */
public record DepositPairing(List<Pair> paired, List<AmountMismatch> amountMismatches,
                             List<RemittedPayment> paymentsWithoutDeposit, List<Deposit> depositsWithoutRemittance) {

    public record Pair(RemittedPayment payment, Deposit deposit) {
    }

    /** Trace numbers agree but amounts do not: {@code difference} = deposit − payment. */
    public record AmountMismatch(RemittedPayment payment, Deposit deposit, Money difference) {
    }

    public DepositPairing {
        paired = List.copyOf(paired);
        amountMismatches = List.copyOf(amountMismatches);
        paymentsWithoutDeposit = List.copyOf(paymentsWithoutDeposit);
        depositsWithoutRemittance = List.copyOf(depositsWithoutRemittance);
    }

    public static DepositPairing of(List<RemittedPayment> payments, List<Deposit> deposits) {
        record Key(String trace, Money amount) {
        }
        Map<Key, Deque<Deposit>> byTraceAndAmount = new HashMap<>();
        deposits.stream().filter(d -> !d.voided())
                .sorted(Comparator.comparing(Deposit::depositDate).thenComparing(Deposit::id))
                .forEach(d -> byTraceAndAmount.computeIfAbsent(new Key(normalise(d.traceNumber()), d.amount()),
                        k -> new ArrayDeque<>()).add(d));

        List<Pair> paired = new ArrayList<>();
        List<RemittedPayment> unpaired = new ArrayList<>();
        payments.stream()
                .sorted(Comparator.comparing(RemittedPayment::paymentDate).thenComparing(RemittedPayment::paymentId))
                .forEach(p -> {
                    Deque<Deposit> candidates = byTraceAndAmount.get(new Key(normalise(p.traceNumber()), p.amount()));
                    if (candidates != null && !candidates.isEmpty()) {
                        paired.add(new Pair(p, candidates.removeFirst()));
                    } else {
                        unpaired.add(p);
                    }
                });

        Map<String, Deque<Deposit>> leftByTrace = new HashMap<>();
        byTraceAndAmount.values().stream().flatMap(Deque::stream)
                .sorted(Comparator.comparing(Deposit::depositDate).thenComparing(Deposit::id))
                .forEach(d -> leftByTrace.computeIfAbsent(normalise(d.traceNumber()), k -> new ArrayDeque<>()).add(d));

        List<AmountMismatch> mismatches = new ArrayList<>();
        List<RemittedPayment> withoutDeposit = new ArrayList<>();
        for (RemittedPayment p : unpaired) {
            Deque<Deposit> sameTrace = leftByTrace.get(normalise(p.traceNumber()));
            if (sameTrace != null && !sameTrace.isEmpty()) {
                Deposit d = sameTrace.removeFirst();
                mismatches.add(new AmountMismatch(p, d, d.amount().minus(p.amount())));
            } else {
                withoutDeposit.add(p);
            }
        }
        List<Deposit> withoutRemittance = leftByTrace.values().stream().flatMap(Deque::stream)
                .sorted(Comparator.comparing(Deposit::depositDate).thenComparing(Deposit::id)).toList();
        return new DepositPairing(paired, mismatches, withoutDeposit, withoutRemittance);
    }

    /** Traces compare as {@link Trace#normalise(String)} says (the same key duplicate detection uses). */
    static String normalise(String trace) {
        return Trace.normalise(trace);
    }
}
