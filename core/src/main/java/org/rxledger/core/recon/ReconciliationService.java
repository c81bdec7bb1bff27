package org.rxledger.core.recon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Transactions;

/**
 * Reconciliation reads (DOMAIN.md §4.3, §4.5): each claim's expected vs net paid with its status, the
 * third-party aging by payer, and the claim payments tied to no claim. All set-based.
 */
public final class ReconciliationService {

    /** One claim's reconciliation. */
    public record ClaimRecon(long claimId, String rx, int fill, LocalDate dateOfService, String payerName,
                             Money expected, Money paid, ReconStatus status, int remitLines) {
        public Money variance() {
            return paid.minus(expected);
        }
    }

    /**
     * One payer's open third-party receivable by aging bucket (days from date of service). Credit
     * balances (paid twice, paid after a counter reversal) are money owed back and are shown apart.
     */
    public record PayerAging(String payerName, Map<AgingBucket, Money> buckets, Money total, int openClaims,
                             Money credits, int creditClaims) {
        public PayerAging {
            buckets = Map.copyOf(buckets);
        }

        public Money bucket(AgingBucket b) {
            return buckets.getOrDefault(b, Money.ZERO);
        }
    }

    private final Transactions transactions;

    public ReconciliationService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Every claim with a receivable, by Rx, fill and date of service. */
    public List<ClaimRecon> claims() {
        return transactions.read(tx -> {
            List<ClaimRecon> rows = new ArrayList<>();
            tx.port(ReconRepository.class).claimTotals(t -> rows.add(new ClaimRecon(t.claimId(), t.rx(), t.fill(), t.dateOfService(),
                    t.payerName(), t.expected(), t.paid(),
                    ClaimReconciliation.status(t.expected(), t.paid(), t.lines(), t.reversals() > 0, t.denials() > 0),
                    t.lines())));
            return rows;
        });
    }

    /**
     * Third-party aging by payer as of a date, from the ledger's receivable balance per claim counting the
     * entries effective on or before that date (so a past date shows the receivable as it stood then).
     */
    public List<PayerAging> aging(LocalDate asOf) {
        return transactions.read(tx -> {
            Map<String, Map<AgingBucket, Money>> buckets = new TreeMap<>();
            Map<String, int[]> counts = new TreeMap<>();
            Map<String, Money> credits = new TreeMap<>();
            tx.port(ReconRepository.class).openByDay(asOf, r -> {
                int[] c = counts.computeIfAbsent(r.payerName(), k -> new int[2]);
                buckets.computeIfAbsent(r.payerName(), k -> new EnumMap<>(AgingBucket.class));
                if (r.credit()) {
                    credits.merge(r.payerName(), r.balance(), Money::plus);
                    c[1] += r.claims();
                } else {
                    buckets.get(r.payerName()).merge(AgingBucket.of(r.dateOfService(), asOf), r.balance(), Money::plus);
                    c[0] += r.claims();
                }
            });
            List<PayerAging> rows = new ArrayList<>();
            buckets.forEach((payer, b) -> rows.add(new PayerAging(payer, b, Money.sum(b.values()), counts.get(payer)[0],
                    credits.getOrDefault(payer, Money.ZERO), counts.get(payer)[1])));
            return rows;
        });
    }

    /** One open claim of the aging, with its bucket and age in days from the date of service. */
    public record AgedClaim(ReconRepository.OpenClaim claim, long days, AgingBucket bucket) {
    }

    /** The open claims behind {@link #aging(LocalDate)}, by payer and date of service; streamed to {@code sink}. */
    public void openClaims(LocalDate asOf, java.util.function.Consumer<AgedClaim> sink) {
        transactions.read(tx -> {
            tx.port(ReconRepository.class).openClaims(asOf, c -> sink.accept(new AgedClaim(c,
                    Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(c.dateOfService(), asOf)),
                    AgingBucket.of(c.dateOfService(), asOf))));
            return null;
        });
    }

    /**
     * A short-paid or denied claim: the payer's remittance closed its receivable on the ledger (the shortfall or the
     * denial went to an adjustment account), so the receivable aging does not show it, yet the plan paid less than
     * it adjudicated and the difference is worth working (appeal, rebill). {@code owed} = expected − net paid.
     */
    public record ShortOrDenied(ReconRepository.ClaimTotals claim, ReconStatus status, Money owed, long days,
                                AgingBucket bucket) {
    }

    /** The short-paid and denied claims with a date of service on or before {@code asOf}, aged as of it; streamed. */
    public void shortPaidAndDenied(LocalDate asOf, java.util.function.Consumer<ShortOrDenied> sink) {
        transactions.read(tx -> {
            tx.port(ReconRepository.class).claimTotals(t -> {
                if (t.dateOfService().isAfter(asOf)) {
                    return;
                }
                ReconStatus status = ClaimReconciliation.status(t.expected(), t.paid(), t.lines(), t.reversals() > 0,
                        t.denials() > 0);
                if (status == ReconStatus.UNDERPAID || status == ReconStatus.DENIED) {
                    sink.accept(new ShortOrDenied(t, status, t.expected().minus(t.paid()),
                            Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(t.dateOfService(), asOf)),
                            AgingBucket.of(t.dateOfService(), asOf)));
                }
            });
            return null;
        });
    }

    /** Claim payments tied to no claim (unmatched or waiting for review), oldest payment first. */
    public List<MatchRepository.UnmatchedRemitClaim> unmatched() {
        return transactions.read(tx -> tx.port(MatchRepository.class).unmatched());
    }
}
