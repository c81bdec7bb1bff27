package org.rxledger.app.remits;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rxledger.core.matching.ClaimFacts;
import org.rxledger.core.matching.ClaimMatcher;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.MatchCandidate;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PaymentMatching;
import org.rxledger.core.remit.RemitClaimSummary;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.tx.Tx;

/**
 * Finds what a clerk (or a script) names by the numbers on paper: a payment by its trace number, a
 * claim payment by its CLP01, a stored claim by Rx number and fill. Used by the Remittances screen and
 * by {@code rxledger remit match|unmatch|post…}; everything runs inside the caller's transaction.
 */
public final class MatchLookups {

    private MatchLookups() {
    }

    /** Payments whose TRN02 is {@code trace} (case-insensitive); two payers may reuse a trace number. */
    public static List<RemittanceListRow> paymentsByTrace(Tx tx, String trace) {
        String t = trace.strip().toUpperCase(Locale.ROOT);
        return tx.port(RemittanceRepository.class).paymentList().stream()
                .filter(p -> p.traceNumber() != null && p.traceNumber().toUpperCase(Locale.ROOT).equals(t)).toList();
    }

    /** The payment's claim payments whose CLP01 is {@code clp01} (a payer may send the same CLP01 twice). */
    public static List<RemitClaimSummary> claimPaymentsByClp01(Tx tx, long paymentId, String clp01) {
        String c = clp01.strip();
        return tx.port(RemittanceRepository.class).claimsOfPayment(paymentId).stream()
                .filter(r -> c.equalsIgnoreCase(r.patientControlNumber())).toList();
    }

    /**
     * Stored claims with Rx number {@code rx} (and fill {@code fill} when not null), each scored against the
     * claim payment with the same keys as automatic matching, best first.
     */
    public static List<MatchRecord.CandidateSummary> claimsByRx(Tx tx, long remitClaimId, String rx, Integer fill) {
        MatchRepository repo = tx.port(MatchRepository.class);
        MatchRepository.RemitClaimToMatch rc = repo.remitClaim(remitClaimId)
                .orElseThrow(() -> new IllegalArgumentException("There is no remittance claim " + remitClaimId));
        String wanted = rx.strip();
        Clp01Patterns patterns = PaymentMatching.patternsFor(tx, rc.remitted().payerName());
        List<ClaimFacts> facts = repo.claimFacts(List.of(wanted), List.of());
        return facts.stream()
                .filter(f -> fill == null || f.fill() == fill)
                .map(f -> ClaimMatcher.candidate(patterns, rc.remitted(), f))
                .sorted(Comparator.comparingInt(MatchCandidate::score).reversed())
                .map(MatchRecord.CandidateSummary::of)
                .map(c -> c.masked(tx.identifierMask()))
                .toList();
    }

    /** The stored claim's "Rx 7001234 fill 2 on 2025-03-03", or null when there is none. */
    public static String describeClaim(Tx tx, Long claimId) {
        if (claimId == null) {
            return null;
        }
        return tx.port(MatchRepository.class).claimFacts(claimId)
                .map(f -> "Rx " + f.rx() + " fill " + f.fill() + " on " + f.dateOfService())
                .orElse("claim " + claimId);
    }
}
