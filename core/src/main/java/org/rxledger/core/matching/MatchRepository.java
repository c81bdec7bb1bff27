package org.rxledger.core.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;

/**
 * Port: what matching reads and writes. Every read that serves a whole payment is set-based (chunked
 * IN lists), so matching a 100k-claim remittance makes a few hundred queries, not one per claim.
 */
public interface MatchRepository {

    /** A stored remittance claim as matching reads it. */
    record RemitClaimToMatch(long remitClaimId, long paymentId, int seq, RemittedClaim remitted,
                             String originalReference, MatchStatus status, Long matchedClaimId) {
    }

    /** An earlier matched remittance claim (another payment) that may be reversed, repaid or duplicated. */
    record PriorPayment(long remitClaimId, long paymentId, String traceNumber, String patientControlNumber,
                        String payerClaimControlNumber, boolean reversal, Money paid, long claimId) {
    }

    /** A decision to store; {@link #record} also sets the remittance claim's current match. */
    record NewDecision(long remitClaimId, MatchAction action, MatchDecision.Verdict verdict, MatchStatus status,
                       Long claimId, Integer score, Double confidence, String explanation, List<KeyCheck> checks,
                       List<MatchRecord.CandidateSummary> candidates, Long linkedRemitClaimId, LinkKind linkKind,
                       String reason) {
    }

    /** A claim payment not tied to any claim (UNMATCHED or NEEDS_REVIEW). No PHI. */
    record UnmatchedRemitClaim(long remitClaimId, long paymentId, String traceNumber, String payerName,
                               LocalDate paymentDate, String patientControlNumber, String claimStatus, Money paid,
                               MatchStatus status) {
    }

    /** The payment's claims in file order. */
    List<RemitClaimToMatch> claimsToMatch(long paymentId);

    Optional<RemitClaimToMatch> remitClaim(long remitClaimId);

    /** Stored claims whose Rx number (leading zeros ignored) or authorization number is in the sets. */
    List<ClaimFacts> claimFacts(Collection<String> rxNumbers, Collection<String> authorizationNumbers);

    Optional<ClaimFacts> claimFacts(long claimId);

    /**
     * Matched remittance claims of other payments whose CLP01 is in {@code patientControlNumbers}, whose
     * CLP07 is in {@code payerClaimControlNumbers}, or whose matched claim is in {@code claimIds}.
     */
    List<PriorPayment> priorPayments(Collection<String> patientControlNumbers,
                                     Collection<String> payerClaimControlNumbers, Collection<Long> claimIds,
                                     long excludingPaymentId);

    /** Appends the decisions to the history and sets each remittance claim's current match, in batches. */
    void record(List<NewDecision> decisions, Instant at, String by);

    /** Remittance claims of the payment whose latest decision was made by a person. */
    java.util.Set<Long> manuallyDecided(long paymentId);

    /** Every decision about one remittance claim, oldest first. */
    List<MatchRecord> history(long remitClaimId);

    /** The latest decision of each remittance claim of a payment, in file order. */
    List<MatchRecord> latestDecisions(long paymentId);

    /** Payments with a claim payment that is waiting (needs review or unmatched), oldest first. */
    List<Long> paymentsWithWaitingClaims();

    /** Claim payments tied to no claim, oldest payment first; MFP refunds (the MTF's) are not the plans' and are left out. */
    List<UnmatchedRemitClaim> unmatched();

    Optional<PayerRemitSettings> settings(String payerName);

    List<PayerRemitSettings> allSettings();

    void saveSettings(PayerRemitSettings settings, Instant at, String by);
}
