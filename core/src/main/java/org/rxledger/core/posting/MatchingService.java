package org.rxledger.core.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.matching.ClaimFacts;
import org.rxledger.core.matching.ClaimIndex;
import org.rxledger.core.matching.ClaimMatcher;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchAction;
import org.rxledger.core.matching.MatchCandidate;
import org.rxledger.core.matching.MatchDecision;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.matching.PaymentMatching;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matching use cases: automatic matching of a payment (after import, or again on demand), manual
 * match / unmatch / re-match with a required reason, the history of decisions, per-payer settings.
 * When a match changes on a payment that is already posted, that claim payment is re-posted in the
 * same transaction ({@link RemittancePosting#repostClaim}), so the ledger always follows the matches.
 */
public final class MatchingService {

    public static final String EVENT_MATCHED = "remittance.matched";
    public static final String EVENT_MANUAL = "remittance.claim.match_changed";

    /** Candidates kept with a manual decision, as with an automatic one. */
    static final int CANDIDATES_KEPT = 5;

    private static final Logger LOG = LoggerFactory.getLogger(MatchingService.class);

    private final Transactions transactions;

    public MatchingService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Matches (again) every claim payment of a payment that a person has not decided; re-posts what changed. */
    public PaymentMatching.Summary matchPayment(long paymentId) {
        return transactions.inTransaction(Permission.MATCH_DECIDE, "match a payment's claims", tx -> {
            PaymentMatching.Summary s = matchPayment(tx, paymentId);
            for (long remitClaimId : s.changedRemitClaimIds()) {
                RemittancePosting.repostClaim(tx, remitClaimId, "automatic matching re-run");
            }
            return s;
        });
    }

    /** Inside a caller's transaction (the import): match, record the decisions, journal and audit. */
    public static PaymentMatching.Summary matchPayment(Tx tx, long paymentId) {
        long started = System.nanoTime();
        PaymentMatching.Summary s = PaymentMatching.matchPayment(tx, paymentId);
        recordRun(tx, s, started, false);
        return s;
    }

    /** The same, one of a file's payments in a row, sharing the payer evidence read so far ({@code memo}). */
    public static PaymentMatching.Summary matchPayment(Tx tx, long paymentId, PayerDirectoryService.EvidenceMemo memo) {
        long started = System.nanoTime();
        PaymentMatching.Summary s = PaymentMatching.matchPayment(tx, paymentId, memo);
        recordRun(tx, s, started, false);
        return s;
    }

    /**
     * Inside a caller's transaction: matches the payment's waiting lines again
     * ({@link PaymentMatching#matchWaiting}); journal and audit only when a line's match changed.
     */
    static PaymentMatching.Summary matchWaiting(Tx tx, long paymentId) {
        long started = System.nanoTime();
        PaymentMatching.Summary s = PaymentMatching.matchWaiting(tx, paymentId);
        if (!s.changedRemitClaimIds().isEmpty()) {
            recordRun(tx, s, started, true);
        }
        return s;
    }

    private static void recordRun(Tx tx, PaymentMatching.Summary s, long started, boolean waitingOnly) {
        long paymentId = s.paymentId();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("claims", s.claims());
        payload.put("matched", s.matched());
        payload.put("needsReview", s.needsReview());
        payload.put("unmatched", s.unmatched());
        payload.put("reversals", s.reversals());
        payload.put("paidTwice", s.paidTwice());
        if (waitingOnly) {
            payload.put("waitingOnly", true);
        }
        tx.port(Journal.class).append(EVENT_MATCHED, payload);
        tx.port(AuditTrail.class).record("REMIT_MATCHED", "payment", String.valueOf(paymentId), payload);
        LOG.info("payment {}: matched {} of {} claim(s), {} to review, {} unmatched in {} ms", paymentId, s.matched(),
                s.claims(), s.needsReview(), s.unmatched(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Ties a claim payment to a claim (a first match, a re-match to another claim, or a confirmation of the
     * claim it is matched to, which makes an automatic match a person's decision that re-running automatic
     * matching leaves alone). The keys are compared and stored as for an automatic match, with the clerk's reason.
     */
    public MatchRecord match(long remitClaimId, long claimId, String reason) {
        requireReason(reason);
        return transactions.inTransaction(Permission.MATCH_DECIDE, "match a claim payment", tx -> {
            MatchRepository repo = tx.port(MatchRepository.class);
            MatchRepository.RemitClaimToMatch rc = repo.remitClaim(remitClaimId)
                    .orElseThrow(() -> RxLedgerException.notFound("There is no remittance claim " + remitClaimId));
            ClaimFacts claim = repo.claimFacts(claimId)
                    .orElseThrow(() -> RxLedgerException.notFound("There is no claim " + claimId));
            MatchCandidate c = ClaimMatcher.candidate(PaymentMatching.patternsFor(tx, rc.remitted().payerName()),
                    PaymentMatching.payerContext(tx, rc.paymentId()), rc.remitted(), claim);
            String how = rc.matchedClaimId() == null ? "Matched"
                    : rc.matchedClaimId() == claimId ? "Confirmed" : "Re-matched from claim " + rc.matchedClaimId();
            String explanation = how + " by " + tx.actor().user() + ": " + reason.strip() + ". Keys: " + c.explanation();
            MatchRepository.NewDecision d = new MatchRepository.NewDecision(remitClaimId, MatchAction.MANUAL_MATCH,
                    MatchDecision.Verdict.MATCHED, MatchStatus.MANUAL, claimId, c.score(), null, explanation, c.checks(),
                    consideredWith(tx, rc, c), null, null, reason.strip());
            return decide(tx, rc, d, "REMIT_CLAIM_MATCHED");
        });
    }

    /**
     * The candidates a manual match was chosen from: those the automatic matcher finds for the remitted
     * claim (best first, as many as an automatic decision keeps), each with its key checks and confidence,
     * and the chosen claim too when the matcher did not find it.
     */
    private static List<MatchRecord.CandidateSummary> consideredWith(Tx tx, MatchRepository.RemitClaimToMatch rc,
                                                                     MatchCandidate chosen) {
        String payer = rc.remitted().payerName();
        Clp01Patterns patterns = PaymentMatching.patternsFor(tx, payer);
        ClaimIndex index = PaymentMatching.candidateIndex(tx.port(MatchRepository.class), patterns, payer, List.of(rc));
        List<MatchRecord.CandidateSummary> considered = new ArrayList<>();
        new ClaimMatcher(patterns, PaymentMatching.payerContext(tx, rc.paymentId())).match(rc.remitted(), index)
                .candidates().stream()
                .limit(CANDIDATES_KEPT).map(MatchRecord.CandidateSummary::of).forEach(considered::add);
        long chosenId = chosen.claim().claimId();
        if (considered.stream().noneMatch(s -> s.claimId() == chosenId)) {
            considered.add(MatchRecord.CandidateSummary.of(chosen));
        }
        return considered;
    }

    /** Removes the tie between a claim payment and its claim; its money goes to unapplied cash if posted. */
    public MatchRecord unmatch(long remitClaimId, String reason) {
        requireReason(reason);
        return transactions.inTransaction(Permission.MATCH_DECIDE, "unmatch a claim payment", tx -> {
            MatchRepository.RemitClaimToMatch rc = tx.port(MatchRepository.class).remitClaim(remitClaimId)
                    .orElseThrow(() -> RxLedgerException.notFound("There is no remittance claim " + remitClaimId));
            if (rc.matchedClaimId() == null) {
                throw RxLedgerException.refused("Remittance claim " + remitClaimId + " is not matched to any claim");
            }
            MatchRepository.NewDecision d = new MatchRepository.NewDecision(remitClaimId, MatchAction.MANUAL_UNMATCH,
                    MatchDecision.Verdict.UNMATCHED, MatchStatus.UNMATCHED, null, null, null,
                    "Unmatched from claim " + rc.matchedClaimId() + " by " + tx.actor().user() + ": " + reason.strip(),
                    List.<KeyCheck>of(), List.of(), null, null, reason.strip());
            return decide(tx, rc, d, "REMIT_CLAIM_UNMATCHED");
        });
    }

    private static MatchRecord decide(Tx tx, MatchRepository.RemitClaimToMatch rc, MatchRepository.NewDecision d, String action) {
        tx.port(MatchRepository.class).record(List.of(d), tx.clock().instant(), tx.actor().user());
        if (!java.util.Objects.equals(rc.matchedClaimId(), d.claimId())) {
            // a confirmation of the current claim leaves the ledger as it is: nothing to undo and post again
            RemittancePosting.repostClaim(tx, rc.remitClaimId(), d.reason());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("remitClaimId", rc.remitClaimId());
        payload.put("paymentId", rc.paymentId());
        payload.put("fromClaimId", rc.matchedClaimId());
        payload.put("toClaimId", d.claimId());
        payload.put("reason", d.reason());
        tx.port(Journal.class).append(EVENT_MANUAL, payload);
        tx.port(AuditTrail.class).record(action, "remit_claim", String.valueOf(rc.remitClaimId()), payload);
        List<MatchRecord> history = tx.port(MatchRepository.class).history(rc.remitClaimId());
        return history.get(history.size() - 1).masked(tx.identifierMask());
    }

    /** Every decision about a claim payment, oldest first. */
    public List<MatchRecord> history(long remitClaimId) {
        return transactions.read(tx -> tx.port(MatchRepository.class).history(remitClaimId).stream()
                .map(r -> r.masked(tx.identifierMask())).toList());
    }

    /** The current decision of each claim payment of a payment, in file order. */
    public List<MatchRecord> decisions(long paymentId) {
        return transactions.read(tx -> tx.port(MatchRepository.class).latestDecisions(paymentId).stream()
                .map(r -> r.masked(tx.identifierMask())).toList());
    }

    public List<PayerRemitSettings> settings() {
        return transactions.read(tx -> tx.port(MatchRepository.class).allSettings());
    }

    /** Saves a payer's posting mode and CLP01 patterns (validated on construction of the settings). */
    public void saveSettings(PayerRemitSettings settings) {
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "change a payer's posting settings", tx -> {
            tx.port(MatchRepository.class).saveSettings(settings, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("payer", settings.payerName());
            payload.put("postingMode", settings.postingMode().name());
            payload.put("clp01Patterns", settings.clp01Patterns());
            tx.port(Journal.class).append("remittance.settings.saved", payload);
            tx.port(AuditTrail.class).record("REMIT_SETTINGS_SAVED", "payer", settings.payerName(), payload);
            return null;
        });
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RxLedgerException.invalid("A reason is required to change a match");
        }
    }
}
