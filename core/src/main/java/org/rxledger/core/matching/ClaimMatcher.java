package org.rxledger.core.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.DirectoryPayer;

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
    /**
     * As much as {@link #MIN_LEAD}: of two adjudications of one fill that agree on every key (reversed at the
     * counter, then rebilled), the one active on the payment date is matched (DOMAIN.md §4.2).
     */
    static final int NOT_ACTIVE_PENALTY = MIN_LEAD;
    static final int REJECTED_PENALTY = 40;

    /** Keys whose disagreement keeps a candidate from being "clean" (see {@link #clean}). */
    private static final Set<MatchKey> STRONG = EnumSet.of(MatchKey.AUTHORIZATION, MatchKey.FILL,
            MatchKey.DATE_OF_SERVICE, MatchKey.MEMBER_ID, MatchKey.NDC, MatchKey.PAYER, MatchKey.COB_ORDER);

    private final Clp01Patterns patterns;
    private final PayerContext payers;

    public ClaimMatcher(Clp01Patterns patterns) {
        this(patterns, PayerContext.NONE);
    }

    /** A matcher for one payment's claims, with what the payer directory knows about its payer. */
    public ClaimMatcher(Clp01Patterns patterns, PayerContext payers) {
        this.patterns = patterns;
        this.payers = payers == null ? PayerContext.NONE : payers;
    }

    public MatchDecision match(RemittedClaim remitted, ClaimIndex index) {
        List<RxFill> readings = patterns.decode(remitted.payerName(), remitted.patientControlNumber());
        Map<Long, MatchCandidate> best = new LinkedHashMap<>();
        List<ClaimFacts> byClp07 = index.byAuthorization(remitted.payerClaimControlNumber());
        // a CLP07 that is some stored claim's authorization number names that claim, whatever the payer's habit
        boolean clp07Counts = payers.clp07IsAuthorization() || !byClp07.isEmpty();
        for (RxFill reading : readings) {
            for (ClaimFacts claim : index.byRx(reading.rx())) {
                if (reading.fill() == null || reading.fill() == claim.fill()) {
                    consider(best, score(remitted, reading, claim, payers, clp07Counts));
                }
            }
        }
        for (ClaimFacts claim : byClp07) {
            RxFill reading = readings.stream()
                    .filter(r -> ClaimIndex.normaliseRx(r.rx()).equals(ClaimIndex.normaliseRx(claim.rx())))
                    .findFirst().orElse(null);
            consider(best, score(remitted, reading, claim, payers, clp07Counts));
        }
        List<MatchCandidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingInt(MatchCandidate::score).reversed()
                .thenComparing(c -> c.claim().dateOfService(), Comparator.reverseOrder())
                .thenComparingLong(c -> c.claim().claimId()));
        return decide(remitted, readings, ranked);
    }

    /**
     * Scores one given claim against a remitted claim (for a manual match, so the person's choice is
     * stored with the same key checks as an automatic one).
     */
    public static MatchCandidate candidate(Clp01Patterns patterns, RemittedClaim remitted, ClaimFacts claim) {
        return candidate(patterns, PayerContext.NONE, remitted, claim);
    }

    /** As {@link #candidate(Clp01Patterns, RemittedClaim, ClaimFacts)}, with the payment's payer context. */
    public static MatchCandidate candidate(Clp01Patterns patterns, PayerContext payers, RemittedClaim remitted,
                                           ClaimFacts claim) {
        List<RxFill> sameRx = patterns.decode(remitted.payerName(), remitted.patientControlNumber()).stream()
                .filter(r -> ClaimIndex.normaliseRx(r.rx()).equals(ClaimIndex.normaliseRx(claim.rx())))
                .toList();
        // as for a candidate found by CLP07: the Rx agrees even when the fill read from CLP01 is another one
        RxFill reading = sameRx.stream().filter(r -> r.fill() == null || r.fill() == claim.fill())
                .findFirst().orElse(sameRx.isEmpty() ? null : sameRx.get(0));
        String clp07 = remitted.payerClaimControlNumber();
        boolean clp07Counts = payers.clp07IsAuthorization() || (clp07 != null && claim.authorizationNumber() != null
                && clp07.strip().equalsIgnoreCase(claim.authorizationNumber().strip()));
        return score(remitted, reading, claim, payers, clp07Counts);
    }

    private static void consider(Map<Long, MatchCandidate> best, MatchCandidate candidate) {
        best.merge(candidate.claim().claimId(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
    }

    private static MatchDecision decide(RemittedClaim remitted, List<RxFill> readings, List<MatchCandidate> ranked) {
        if (ranked.isEmpty()) {
            String why = readings.isEmpty()
                    ? "CLP01 could not be read as an Rx number and CLP07 matches no authorization number"
                    : "no stored claim for " + readings.get(0) + " and CLP07 matches no authorization number";
            return new MatchDecision(MatchDecision.Verdict.UNMATCHED, ranked, why);
        }
        MatchCandidate top = ranked.get(0);
        MatchCandidate second = ranked.size() > 1 ? ranked.get(1) : null;
        boolean clearLead = second == null || top.score() - second.score() >= MIN_LEAD;
        if (top.score() >= MIN_SCORE && grounded(top) && corroborated(top) && contradiction(top) == null && clearLead) {
            return new MatchDecision(MatchDecision.Verdict.MATCHED, ranked, top.explanation());
        }
        // the one candidate grounded on Rx + fill or DOS with the member id agreeing and nothing strong against it
        List<MatchCandidate> clean = ranked.stream().filter(c -> clean(remitted, c)).toList();
        if (clean.size() == 1 && clean.get(0) == top) {
            return new MatchDecision(MatchDecision.Verdict.MATCHED, ranked, "the only candidate whose Rx, "
                    + (agreed(top, MatchKey.FILL) ? "fill" : "date of service") + " and member id agree with nothing "
                    + "strong against it; " + top.explanation());
        }
        boolean strong = top.score() >= MIN_SCORE && grounded(top);
        if (second != null && ((strong && !clearLead) || clean.size() > 1)) {
            return new MatchDecision(MatchDecision.Verdict.AMBIGUOUS, ranked,
                    ranked.size() + " candidates are too close to choose between (scores " + top.score() + " and "
                            + second.score() + ")" + separating(top, second));
        }
        String against = contradiction(top);
        return new MatchDecision(MatchDecision.Verdict.WEAK, ranked,
                "best candidate is too weak to post automatically" + (against == null ? "" : " (" + against + ")")
                        + ": " + top.explanation());
    }

    /**
     * A key that forbids an automatic match however high the score: another payer (a secondary payment never
     * lands on the primary's row), another COB order, or another member without the authorization number to
     * vouch for the claim. Null when there is none.
     */
    private static String contradiction(MatchCandidate c) {
        for (KeyCheck k : c.checks()) {
            if (k.outcome() == KeyCheck.Outcome.DISAGREED && (k.key() == MatchKey.PAYER || k.key() == MatchKey.COB_ORDER
                    || (k.key() == MatchKey.MEMBER_ID && !agreed(c, MatchKey.AUTHORIZATION)))) {
                return k.describe();
            }
        }
        return null;
    }

    /**
     * Grounded on Rx plus fill or date of service, member id agreeing, no strong key against it, and an
     * adjudication that can be paid (not rejected; active, unless the payment is a reversal).
     */
    private static boolean clean(RemittedClaim remitted, MatchCandidate c) {
        boolean grounded = agreed(c, MatchKey.RX) && (agreed(c, MatchKey.FILL) || agreed(c, MatchKey.DATE_OF_SERVICE));
        boolean payable = c.claim().responseStatus() != ResponseStatus.REJECTED
                && (remitted.isReversal() || c.claim().lifecycle() == Lifecycle.ACTIVE);
        return grounded && payable && agreed(c, MatchKey.MEMBER_ID)
                && c.checks().stream().noneMatch(k -> STRONG.contains(k.key()) && k.outcome() == KeyCheck.Outcome.DISAGREED);
    }

    /** "; they differ on member id (agreed / disagreed), payer (…)" — what a person has to look at. */
    private static String separating(MatchCandidate top, MatchCandidate second) {
        List<String> keys = new ArrayList<>();
        for (KeyCheck k : top.checks()) {
            second.checks().stream().filter(o -> o.key() == k.key() && o.outcome() != k.outcome()).findFirst()
                    .ifPresent(o -> keys.add(k.key().label() + " (" + outcome(k) + " / " + outcome(o) + ")"));
        }
        if (top.claim().lifecycle() != second.claim().lifecycle()) {
            keys.add("adjudication (" + top.claim().lifecycle().name().toLowerCase(Locale.ROOT) + " / "
                    + second.claim().lifecycle().name().toLowerCase(Locale.ROOT) + ")");
        }
        return keys.isEmpty() ? "; no key tells them apart" : "; they differ on " + String.join(", ", keys);
    }

    private static String outcome(KeyCheck k) {
        return k.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A match must rest on the authorization number, or on the Rx with its fill or date of service — and Rx + fill
     * alone are not enough: the date of service or the member id must say it is this patient's fill (an Rx number
     * is unique only within one pharmacy, and an 835 line of another store can carry the same Rx and fill).
     */
    private static boolean grounded(MatchCandidate c) {
        boolean auth = agreed(c, MatchKey.AUTHORIZATION);
        boolean rx = agreed(c, MatchKey.RX);
        boolean dos = agreed(c, MatchKey.DATE_OF_SERVICE);
        return auth || (rx && (dos || (agreed(c, MatchKey.FILL) && agreed(c, MatchKey.MEMBER_ID))));
    }

    /**
     * Something beyond the primary key vouches for the claim: the member id, CLP07 = 503-F3, the NDC or the paid
     * amount. Rx, fill and date of service alone can coincide with another store's fill sent in error.
     */
    private static boolean corroborated(MatchCandidate c) {
        return agreed(c, MatchKey.MEMBER_ID) || agreed(c, MatchKey.AUTHORIZATION) || agreed(c, MatchKey.NDC)
                || agreed(c, MatchKey.PAID_AMOUNT);
    }

    private static boolean agreed(MatchCandidate c, MatchKey key) {
        return c.checks().stream().anyMatch(k -> k.key() == key && k.outcome() == KeyCheck.Outcome.AGREED);
    }

    /**
     * @param clp07Counts whether a CLP07 other than the claim's authorization number speaks against it: the payer is
     *                    known to send 503-F3 there, or CLP07 is another stored claim's authorization number
     */
    static MatchCandidate score(RemittedClaim r, RxFill reading, ClaimFacts c, PayerContext payers, boolean clp07Counts) {
        List<KeyCheck> checks = new ArrayList<>();
        KeyCheck auth = compare(MatchKey.AUTHORIZATION, blankToNull(r.payerClaimControlNumber()),
                blankToNull(c.authorizationNumber()), (a, b) -> a.strip().equalsIgnoreCase(b.strip()));
        if (auth.outcome() == KeyCheck.Outcome.DISAGREED && !clp07Counts) {
            // the payer's own claim number, or not known yet: no evidence either way
            auth = new KeyCheck(MatchKey.AUTHORIZATION, KeyCheck.Outcome.NOT_AVAILABLE, auth.remitted(), auth.stored());
        }
        checks.add(auth);
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
        checks.add(payer(r, c, payers));
        checks.add(compare(MatchKey.COB_ORDER, cobOrder(r.claimStatus()), c.cobOrder(), (a, b) -> (a == 1) == (b == 1)));
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

    /** Through the directory only: unknown on either side is "not available", never a disagreement. */
    private static KeyCheck payer(RemittedClaim r, ClaimFacts c, PayerContext payers) {
        DirectoryPayer remit = payers.remitPayer();
        DirectoryPayer claim = payers.claimPayer(c).orElse(null);
        String remitted = remit != null ? remit.name() : "unknown (" + (r.payerName() == null ? "—" : r.payerName()) + ")";
        String stored = claim != null ? claim.name() : c.bin() == null ? "unknown" : "unknown (BIN " + c.bin()
                + (c.pcn() == null || c.pcn().isBlank() ? "" : " PCN " + c.pcn()) + ")";
        if (remit == null || claim == null) {
            return new KeyCheck(MatchKey.PAYER, KeyCheck.Outcome.NOT_AVAILABLE, remitted, stored);
        }
        return new KeyCheck(MatchKey.PAYER, remit.id() == claim.id() ? KeyCheck.Outcome.AGREED : KeyCheck.Outcome.DISAGREED,
                remitted, stored);
    }

    /** CLP02 1/19 primary, 2/3/20/21 secondary or later; other codes (4, 22, 23, 25) say nothing of COB. */
    private static Integer cobOrder(String clp02) {
        if (clp02 == null) {
            return null;
        }
        return switch (clp02.strip()) {
            case "1", "19" -> 1;
            case "2", "3", "20", "21" -> 2;
            default -> null;
        };
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
