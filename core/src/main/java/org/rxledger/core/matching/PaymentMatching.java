package org.rxledger.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.PayerRepository;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.tx.Tx;

/**
 * Matches every claim payment of one stored 835 payment, inside the caller's transaction, and records
 * each decision with its explanation (ARCHITECTURE.md rule 5).
 *
 * <p>Set-based: one pass decodes every CLP01, one chunked query loads the stored claims those readings
 * and CLP07 values can name (the {@link ClaimIndex}), a second loads the earlier payments of the claims
 * involved; the rest happens in memory. Claims a person matched or unmatched ({@link MatchStatus#MANUAL},
 * or a manual unmatch) are left alone when matching is re-run.
 *
 * <p>History links (DOMAIN.md §2.7): a reversal (CLP02 = 22) is matched to the payment it reverses —
 * same CLP01, same CLP07 when both are sent, amount negated, not reversed yet — in this or an earlier
 * remittance; a payment whose REF*F8 names an earlier payment's CLP07 corrects it; a payment after a
 * reversal of the same claim repays it; a payment of a claim already paid and not reversed is a duplicate.
 */
public final class PaymentMatching {

    /** What one matching run decided. */
    public record Summary(long paymentId, int claims, int matched, int needsReview, int unmatched, int reversals,
                          int paidTwice, int skippedManual, List<Long> changedRemitClaimIds) {
        public Summary {
            changedRemitClaimIds = List.copyOf(changedRemitClaimIds);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaymentMatching.class);

    private PaymentMatching() {
    }

    /**
     * The stored claims the remitted claims can name — every Rx number their CLP01 decodes to under the payer's
     * patterns, and every CLP07 as an authorization number — loaded in one set-based query and indexed for
     * {@link ClaimMatcher}.
     */
    public static ClaimIndex candidateIndex(MatchRepository repo, Clp01Patterns patterns, String payerName,
                                            List<MatchRepository.RemitClaimToMatch> claims) {
        Set<String> rxNumbers = new HashSet<>();
        Set<String> authorizations = new HashSet<>();
        for (MatchRepository.RemitClaimToMatch c : claims) {
            patterns.decode(payerName, c.remitted().patientControlNumber()).forEach(r -> rxNumbers.add(r.rx()));
            String clp07 = c.remitted().payerClaimControlNumber();
            if (clp07 != null && !clp07.isBlank()) {
                authorizations.add(clp07.strip());
            }
        }
        return new ClaimIndex(repo.claimFacts(rxNumbers, authorizations));
    }

    /** The CLP01 patterns for a payer: its configured ones first, then the defaults. */
    public static Clp01Patterns patternsFor(Tx tx, String payerName) {
        Clp01Patterns patterns = new Clp01Patterns();
        if (payerName != null) {
            tx.port(MatchRepository.class).settings(payerName).ifPresent(s -> {
                if (!s.clp01Patterns().isEmpty()) {
                    patterns.forPayer(payerName, s.clp01Patterns());
                }
            });
        }
        return patterns;
    }

    /** What the payer directory knows about a payment's payer (and the claims' payers by routing). */
    public static PayerContext payerContext(Tx tx, long paymentId) {
        return payerContext(tx, paymentId, null);
    }

    private static PayerContext payerContext(Tx tx, long paymentId, PayerDirectoryService.EvidenceMemo memo) {
        return tx.port(PayerRepository.class).paymentIdentity(paymentId)
                .map(id -> PayerContext.of(PayerDirectoryService.readFor(tx, id.identifier(), id.name(), memo),
                        id.identifier(), id.name()))
                .orElseGet(() -> new PayerContext(PayerDirectoryService.read(tx), null, null));
    }

    public static Summary matchPayment(Tx tx, long paymentId) {
        return match(tx, paymentId, false, null);
    }

    /**
     * The same, one payment of several matched in a row (an import): the payer's CLP07 evidence is kept in
     * {@code memo} between them, and this payment is reported to it once matched.
     */
    public static Summary matchPayment(Tx tx, long paymentId, PayerDirectoryService.EvidenceMemo memo) {
        Summary s = match(tx, paymentId, false, memo);
        memo.matched(paymentId);
        return s;
    }

    /**
     * Matches again only the payment's waiting claim payments (needs review or unmatched, not decided by a
     * person): a line the matcher already tied to a claim stays as it is and counts as an earlier payment of
     * its claim. Only decisions that change a line's claim or status are recorded, so running it again when
     * nothing new is known writes nothing; the summary counts the waiting lines only.
     */
    public static Summary matchWaiting(Tx tx, long paymentId) {
        return match(tx, paymentId, true, null);
    }

    private static Summary match(Tx tx, long paymentId, boolean waitingOnly, PayerDirectoryService.EvidenceMemo memo) {
        MatchRepository repo = tx.port(MatchRepository.class);
        List<MatchRepository.RemitClaimToMatch> all = repo.claimsToMatch(paymentId);
        Set<Long> manual = repo.manuallyDecided(paymentId);
        List<MatchRepository.RemitClaimToMatch> kept = all.stream()
                .filter(c -> waitingOnly && !manual.contains(c.remitClaimId()) && !isWaiting(c)).toList();
        List<MatchRepository.RemitClaimToMatch> toMatch = all.stream()
                .filter(c -> !manual.contains(c.remitClaimId()) && (!waitingOnly || isWaiting(c))).toList();
        if (toMatch.isEmpty()) {
            return new Summary(paymentId, waitingOnly ? 0 : all.size(), 0, 0, 0, 0, 0, manual.size(), List.of());
        }
        String payerName = toMatch.get(0).remitted().payerName();
        Clp01Patterns patterns = patternsFor(tx, payerName);

        // 1. one chunked query for every claim the readings and CLP07 values can name
        long t0 = System.nanoTime();
        ClaimIndex index = candidateIndex(repo, patterns, payerName, toMatch);
        long t1 = System.nanoTime();

        // 2. the pure matcher, claim by claim
        PayerContext payers = payerContext(tx, paymentId, memo);
        ClaimMatcher matcher = new ClaimMatcher(patterns, payers);
        Map<Long, MatchDecision> decisions = new HashMap<>();
        Set<String> reversalPcns = new HashSet<>();
        Set<String> references = new HashSet<>();
        Set<Long> claimIds = new HashSet<>();
        for (MatchRepository.RemitClaimToMatch c : toMatch) {
            MatchDecision d = matcher.match(c.remitted(), index);
            decisions.put(c.remitClaimId(), d);
            d.matchedClaimId().ifPresent(claimIds::add);
            if (c.remitted().isReversal()) {
                reversalPcns.add(c.remitted().patientControlNumber().strip());
            }
            if (c.originalReference() != null && !c.originalReference().isBlank()) {
                references.add(c.originalReference().strip());
            }
        }

        long t2 = System.nanoTime();
        // 3. earlier payments of the claims involved, replayed so each claim knows its open payments
        History history = new History();
        repo.priorPayments(reversalPcns, references, claimIds, paymentId).stream()
                .sorted((a, b) -> Long.compare(a.remitClaimId(), b.remitClaimId()))
                .forEach(history::add);
        for (MatchRepository.RemitClaimToMatch c : kept) {
            if (c.matchedClaimId() != null) {
                history.add(priorOf(c, paymentId, c.matchedClaimId()));
            }
        }

        // 4. decide in file order (a reversal and its repayment often travel in the same payment)
        List<MatchRepository.NewDecision> records = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        int matched = 0;
        int review = 0;
        int unmatched = 0;
        int reversals = 0;
        int twice = 0;
        for (MatchRepository.RemitClaimToMatch c : toMatch) {
            MatchRepository.NewDecision n = decide(c, decisions.get(c.remitClaimId()), history);
            records.add(n);
            switch (n.status()) {
                case MATCHED, MANUAL -> matched++;
                case NEEDS_REVIEW -> review++;
                default -> unmatched++;
            }
            if (n.linkKind() == LinkKind.REVERSES) {
                reversals++;
            }
            if (n.linkKind() == LinkKind.DUPLICATE_OF) {
                twice++;
            }
            if (!Objects.equals(n.claimId(), c.matchedClaimId()) || n.status() != c.status()) {
                changed.add(c.remitClaimId());
            } else if (waitingOnly) {
                records.remove(records.size() - 1);
            }
            if (n.claimId() != null) {
                history.add(priorOf(c, paymentId, n.claimId()));
            }
        }
        long t3 = System.nanoTime();
        repo.record(records, tx.clock().instant(), tx.actor().user());
        PayerDirectoryService.learn(tx, paymentId, payers.directory(), unlinkedRoutings(toMatch, decisions, payers));
        LOG.debug("payment {}: claims loaded in {} ms, matched in {} ms, history and links in {} ms, recorded in {} ms",
                paymentId, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new Summary(paymentId, waitingOnly ? toMatch.size() : all.size(), matched, review, unmatched, reversals,
                twice, manual.size(), changed);
    }

    private static boolean isWaiting(MatchRepository.RemitClaimToMatch c) {
        return c.status() == MatchStatus.NEEDS_REVIEW || c.status() == MatchStatus.UNMATCHED;
    }

    private static MatchRepository.PriorPayment priorOf(MatchRepository.RemitClaimToMatch c, long paymentId, long claimId) {
        return new MatchRepository.PriorPayment(c.remitClaimId(), paymentId, null, c.remitted().patientControlNumber(),
                c.remitted().payerClaimControlNumber(), c.remitted().isReversal(), c.remitted().paid(), claimId);
    }

    /** Matched lines per routing (BIN + PCN) whose claims the directory cannot give a payer yet. */
    private static Map<Routing, Integer> unlinkedRoutings(List<MatchRepository.RemitClaimToMatch> claims,
                                                          Map<Long, MatchDecision> decisions, PayerContext payers) {
        Map<Routing, Integer> lines = new LinkedHashMap<>();
        for (MatchRepository.RemitClaimToMatch c : claims) {
            MatchDecision d = decisions.get(c.remitClaimId());
            if (d.verdict() != MatchDecision.Verdict.MATCHED) {
                continue;
            }
            ClaimFacts claim = d.best().orElseThrow().claim();
            if (claim.bin() != null && Routing.problem(claim.bin(), claim.pcn(), "") == null
                    && payers.claimPayer(claim).isEmpty()) {
                lines.merge(new Routing(claim.bin(), claim.pcn(), ""), 1, Integer::sum);
            }
        }
        return lines;
    }

    private static MatchRepository.NewDecision decide(MatchRepository.RemitClaimToMatch c, MatchDecision d, History history) {
        RemittedClaim r = c.remitted();
        List<MatchRecord.CandidateSummary> candidates = d.candidates().stream().limit(5).map(MatchRecord.CandidateSummary::of).toList();
        if (r.isReversal()) {
            Optional<MatchRepository.PriorPayment> reversed = history.paymentReversedBy(r);
            if (reversed.isPresent()) {
                MatchRepository.PriorPayment p = reversed.get();
                List<KeyCheck> checks = d.candidates().stream().filter(k -> k.claim().claimId() == p.claimId())
                        .findFirst().map(MatchCandidate::checks).orElse(List.of());
                String why = "Reversal of the payment in remittance claim " + p.remitClaimId()
                        + (p.traceNumber() == null ? " (same remittance)" : " (trace " + p.traceNumber() + ")")
                        + ": CLP01" + (blank(r.payerClaimControlNumber()) ? "" : " and CLP07") + " agree, amount "
                        + r.paid() + " negates " + p.paid();
                return new MatchRepository.NewDecision(c.remitClaimId(), MatchAction.AUTO, MatchDecision.Verdict.MATCHED,
                        MatchStatus.MATCHED, p.claimId(), 100, 1.0, why, checks, candidates, p.remitClaimId(),
                        LinkKind.REVERSES, null);
            }
        }
        Optional<MatchRepository.PriorPayment> corrected = blank(c.originalReference()) ? Optional.empty()
                : history.byPayerClaimNumber(c.originalReference());
        MatchDecision.Verdict verdict = d.verdict();
        Long claimId = d.matchedClaimId().orElse(null);
        String explanation = d.reason();
        Integer score = d.best().map(MatchCandidate::score).orElse(null);
        Double confidence = d.best().map(MatchCandidate::confidence).orElse(null);
        List<KeyCheck> checks = d.best().map(MatchCandidate::checks).orElse(List.of());
        if (claimId == null && corrected.isPresent() && !r.isReversal()) {
            // the matcher found nothing sure, but REF*F8 names an earlier payment: the corrected claim is its claim
            claimId = corrected.get().claimId();
            verdict = MatchDecision.Verdict.MATCHED;
            explanation = "REF*F8 " + c.originalReference() + " names the payer claim number of remittance claim "
                    + corrected.get().remitClaimId() + "; " + d.reason();
            score = 100;
            confidence = 1.0;
        }
        LinkKind link = null;
        Long linked = null;
        if (claimId != null) {
            if (corrected.isPresent() && corrected.get().claimId() == claimId) {
                link = LinkKind.CORRECTS;
                linked = corrected.get().remitClaimId();
            } else if (!r.isReversal()) {
                Optional<MatchRepository.PriorPayment> last = history.last(claimId);
                Optional<MatchRepository.PriorPayment> open = history.lastOpenPayment(claimId);
                long id = claimId;
                Money expected = d.candidates().stream().filter(k -> k.claim().claimId() == id)
                        .findFirst().map(k -> k.claim().planPaid()).orElse(null);
                if (open.isPresent() && (expected == null || !history.openTotal(claimId).isLessThan(expected))) {
                    link = LinkKind.DUPLICATE_OF;
                    linked = open.get().remitClaimId();
                    explanation = "Paid twice: already paid by remittance claim " + linked + "; " + explanation;
                } else if (open.isPresent()) {
                    link = LinkKind.SUPPLEMENTS;
                    linked = open.get().remitClaimId();
                    explanation = "Adds to the short payment in remittance claim " + linked + "; " + explanation;
                } else if (last.isPresent() && last.get().reversal()) {
                    link = LinkKind.REPAYS;
                    linked = last.get().remitClaimId();
                    explanation = "Repays after the reversal in remittance claim " + linked + "; " + explanation;
                }
            }
        }
        MatchStatus status = switch (verdict) {
            case MATCHED -> MatchStatus.MATCHED;
            case AMBIGUOUS, WEAK -> MatchStatus.NEEDS_REVIEW;
            case UNMATCHED -> MatchStatus.UNMATCHED;
        };
        return new MatchRepository.NewDecision(c.remitClaimId(), MatchAction.AUTO, verdict, status, claimId, score,
                confidence, explanation, checks, candidates, linked, link, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Payments per claim in arrival order, with reversals cancelling the payment they reverse. */
    private static final class History {
        private final Map<Long, List<MatchRepository.PriorPayment>> byClaim = new HashMap<>();
        private final Map<Long, List<MatchRepository.PriorPayment>> openByClaim = new HashMap<>();
        private final Map<String, MatchRepository.PriorPayment> byPayerClaimNumber = new LinkedHashMap<>();
        private final List<MatchRepository.PriorPayment> open = new ArrayList<>();

        void add(MatchRepository.PriorPayment p) {
            byClaim.computeIfAbsent(p.claimId(), k -> new ArrayList<>()).add(p);
            List<MatchRepository.PriorPayment> openOfClaim = openByClaim.computeIfAbsent(p.claimId(), k -> new ArrayList<>());
            if (p.reversal()) {
                MatchRepository.PriorPayment cancelled = null;
                for (int i = openOfClaim.size() - 1; i >= 0; i--) {
                    if (openOfClaim.get(i).paid().equals(p.paid().negate())) {
                        cancelled = openOfClaim.remove(i);
                        break;
                    }
                }
                if (cancelled == null && !openOfClaim.isEmpty()) {
                    cancelled = openOfClaim.remove(openOfClaim.size() - 1);
                }
                if (cancelled != null) {
                    open.remove(cancelled);
                }
            } else {
                openOfClaim.add(p);
                open.add(p);
                if (!blank(p.payerClaimControlNumber())) {
                    byPayerClaimNumber.put(key(p.payerClaimControlNumber()), p);
                }
            }
        }

        Optional<MatchRepository.PriorPayment> last(long claimId) {
            List<MatchRepository.PriorPayment> list = byClaim.getOrDefault(claimId, List.of());
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
        }

        Optional<MatchRepository.PriorPayment> lastOpenPayment(long claimId) {
            List<MatchRepository.PriorPayment> list = openByClaim.getOrDefault(claimId, List.of());
            return list.stream().filter(p -> p.paid().isPositive()).reduce((a, b) -> b);
        }

        Money openTotal(long claimId) {
            return Money.sum(openByClaim.getOrDefault(claimId, List.of()).stream().map(MatchRepository.PriorPayment::paid).toList());
        }

        Optional<MatchRepository.PriorPayment> byPayerClaimNumber(String reference) {
            return Optional.ofNullable(byPayerClaimNumber.get(key(reference)));
        }

        /** The latest open payment with the same CLP01 (and CLP07 when both carry one) and the negated amount. */
        Optional<MatchRepository.PriorPayment> paymentReversedBy(RemittedClaim reversal) {
            String pcn = reversal.patientControlNumber().strip();
            MatchRepository.PriorPayment best = null;
            for (MatchRepository.PriorPayment p : open) {
                if (!p.patientControlNumber().strip().equals(pcn)) {
                    continue;
                }
                if (!blank(reversal.payerClaimControlNumber()) && !blank(p.payerClaimControlNumber())
                        && !key(reversal.payerClaimControlNumber()).equals(key(p.payerClaimControlNumber()))) {
                    continue;
                }
                if (!p.paid().equals(reversal.paid().negate())) {
                    continue;
                }
                best = p;
            }
            return Optional.ofNullable(best);
        }

        private static String key(String s) {
            return s.strip().toUpperCase(Locale.ROOT);
        }
    }
}
