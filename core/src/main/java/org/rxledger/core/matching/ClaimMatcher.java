package org.rxledger.core.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;

/**
 * Matches one remitted claim to the stored claims it could pay (DOMAIN.md §4.2). Pure: no database,
 * no clock; every decision carries the keys that made it.
 *
 * <p>Candidates come from every reading of CLP01 (Rx, optionally fill and DOS) and, independently,
 * from CLP07 against the stored authorization number — so a payment still matches when CLP01 is
 * unreadable. Each candidate is scored by {@link MatchKey} weights; the best one is matched only when
 * it is strong, grounded on a primary key, and clearly ahead of the runner-up.
 */
public final class ClaimMatcher {

    /** Below this a best candidate is too weak to post without a person. */
    public static final int MIN_SCORE = 60;
    /** The best must lead the runner-up by this much, or the result is ambiguous. */
    public static final int MIN_LEAD = 15;
    static final int NOT_ACTIVE_PENALTY = 10;
    static final int REJECTED_PENALTY = 40;

    private final Clp01Patterns patterns;

    public ClaimMatcher(Clp01Patterns patterns) {
        this.patterns = patterns;
    }

    public MatchDecision match(RemittedClaim remitted, ClaimIndex index) {
        List<RxFill> readings = patterns.decode(remitted.payerName(), remitted.patientControlNumber());
        Map<Long, MatchCandidate> best = new LinkedHashMap<>();
        for (RxFill reading : readings) {
            for (ClaimFacts claim : index.byRx(reading.rx())) {
                if (reading.fill() == null || reading.fill() == claim.fill()) {
                    consider(best, score(remitted, reading, claim));
                }
            }
        }
        for (ClaimFacts claim : index.byAuthorization(remitted.payerClaimControlNumber())) {
            RxFill reading = readings.stream()
                    .filter(r -> ClaimIndex.normaliseRx(r.rx()).equals(ClaimIndex.normaliseRx(claim.rx())))
                    .findFirst().orElse(null);
            consider(best, score(remitted, reading, claim));
        }
        List<MatchCandidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingInt(MatchCandidate::score).reversed()
                .thenComparing(c -> c.claim().dateOfService(), Comparator.reverseOrder())
                .thenComparingLong(c -> c.claim().claimId()));
        return decide(readings, ranked);
    }

    /**
     * Scores one given claim against a remitted claim (for a manual match, so the person's choice is
     * stored with the same key checks as an automatic one).
     */
    public static MatchCandidate candidate(Clp01Patterns patterns, RemittedClaim remitted, ClaimFacts claim) {
        List<RxFill> sameRx = patterns.decode(remitted.payerName(), remitted.patientControlNumber()).stream()
                .filter(r -> ClaimIndex.normaliseRx(r.rx()).equals(ClaimIndex.normaliseRx(claim.rx())))
                .toList();
        // as for a candidate found by CLP07: the Rx agrees even when the fill read from CLP01 is another one
        RxFill reading = sameRx.stream().filter(r -> r.fill() == null || r.fill() == claim.fill())
                .findFirst().orElse(sameRx.isEmpty() ? null : sameRx.get(0));
        return score(remitted, reading, claim);
    }

    private static void consider(Map<Long, MatchCandidate> best, MatchCandidate candidate) {
        best.merge(candidate.claim().claimId(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
    }

    private static MatchDecision decide(List<RxFill> readings, List<MatchCandidate> ranked) {
        if (ranked.isEmpty()) {
            String why = readings.isEmpty()
                    ? "CLP01 could not be read as an Rx number and CLP07 matches no authorization number"
                    : "no stored claim for " + readings.get(0) + " and CLP07 matches no authorization number";
            return new MatchDecision(MatchDecision.Verdict.UNMATCHED, ranked, why);
        }
        MatchCandidate top = ranked.get(0);
        if (top.score() < MIN_SCORE || !grounded(top)) {
            return new MatchDecision(MatchDecision.Verdict.WEAK, ranked,
                    "best candidate is too weak to post automatically: " + top.explanation());
        }
        if (ranked.size() > 1 && top.score() - ranked.get(1).score() < MIN_LEAD) {
            return new MatchDecision(MatchDecision.Verdict.AMBIGUOUS, ranked,
                    ranked.size() + " candidates are too close to choose between (scores " + top.score() + " and "
                            + ranked.get(1).score() + ")");
        }
        return new MatchDecision(MatchDecision.Verdict.MATCHED, ranked, top.explanation());
    }

    /** A match must rest on the authorization number, or on the Rx with its fill or date of service. */
    private static boolean grounded(MatchCandidate c) {
        boolean auth = agreed(c, MatchKey.AUTHORIZATION);
        boolean rx = agreed(c, MatchKey.RX);
        return auth || (rx && (agreed(c, MatchKey.FILL) || agreed(c, MatchKey.DATE_OF_SERVICE)));
    }

    private static boolean agreed(MatchCandidate c, MatchKey key) {
        return c.checks().stream().anyMatch(k -> k.key() == key && k.outcome() == KeyCheck.Outcome.AGREED);
    }

    static MatchCandidate score(RemittedClaim r, RxFill reading, ClaimFacts c) {
        List<KeyCheck> checks = new ArrayList<>();
        checks.add(compare(MatchKey.AUTHORIZATION, blankToNull(r.payerClaimControlNumber()),
                blankToNull(c.authorizationNumber()), (a, b) -> a.strip().equalsIgnoreCase(b.strip())));
        checks.add(reading == null
                ? new KeyCheck(MatchKey.RX, KeyCheck.Outcome.DISAGREED, r.patientControlNumber(), c.rx())
                : new KeyCheck(MatchKey.RX, KeyCheck.Outcome.AGREED, reading.rx(), c.rx()));
        checks.add(compare(MatchKey.FILL, reading == null ? null : reading.fill(), c.fill(), Objects::equals));
        var serviceDate = r.serviceDate() != null ? r.serviceDate() : reading == null ? null : reading.dateOfService();
        checks.add(compare(MatchKey.DATE_OF_SERVICE, serviceDate, c.dateOfService(), Objects::equals));
        checks.add(compare(MatchKey.MEMBER_ID, blankToNull(r.memberId()), blankToNull(c.cardholderId()),
                (a, b) -> a.strip().equalsIgnoreCase(b.strip())));
        checks.add(compare(MatchKey.NDC, blankToNull(r.ndc()), blankToNull(c.ndc()), String::equals));
        checks.add(compare(MatchKey.QUANTITY, r.quantity(), c.quantity(), (a, b) -> a.abs().compareTo(b) == 0));
        checks.add(compare(MatchKey.PAYER, blankToNull(r.payerName()), blankToNull(c.payerName()),
                (a, b) -> a.strip().toUpperCase(Locale.ROOT).equals(b.strip().toUpperCase(Locale.ROOT))));
        checks.add(compare(MatchKey.PAID_AMOUNT, r.paid(), c.planPaid(), (a, b) -> a.abs().equals(b)));
        checks.add(compare(MatchKey.PATIENT_PAY, r.patientResponsibility(), c.patientPay(), (a, b) -> a.abs().equals(b)));
        int score = checks.stream().mapToInt(KeyCheck::points).sum();
        if (c.responseStatus() == ResponseStatus.REJECTED) {
            score -= REJECTED_PENALTY; // a rejected adjudication created no receivable to pay
        } else if (!r.isReversal() && c.lifecycle() != Lifecycle.ACTIVE) {
            score -= NOT_ACTIVE_PENALTY; // prefer the adjudication active on the payment date
        }
        return new MatchCandidate(c, reading, checks, score);
    }

    private static <T> KeyCheck compare(MatchKey key, T remitted, T stored, java.util.function.BiPredicate<T, T> same) {
        if (remitted == null || stored == null) {
            return new KeyCheck(key, KeyCheck.Outcome.NOT_AVAILABLE, text(remitted), text(stored));
        }
        return new KeyCheck(key, same.test(remitted, stored) ? KeyCheck.Outcome.AGREED : KeyCheck.Outcome.DISAGREED,
                text(remitted), text(stored));
    }

    private static String text(Object o) {
        if (o instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (o instanceof Money m) {
            return m.toString();
        }
        return o == null ? "—" : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
