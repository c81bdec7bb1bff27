package org.rxledger.core.matching;

import java.time.Instant;
import java.util.List;
import org.rxledger.core.remit.MatchStatus;

/**
 * One stored match decision (table {@code match_decision}, append-only): what was decided for a
 * remittance claim, how (the keys of the chosen candidate and every candidate considered), and by whom.
 *
 * @param verdict    the matcher's verdict; for manual actions MATCHED or UNMATCHED
 * @param confidence 0–1, null for manual decisions
 * @param checks     the key checks of the chosen (or best) candidate
 * @param reason     the clerk's reason for a manual decision, else null
 */
public record MatchRecord(long id, long remitClaimId, MatchAction action, MatchDecision.Verdict verdict,
                          MatchStatus status, Long claimId, Integer score, Double confidence, String explanation,
                          List<KeyCheck> checks, List<CandidateSummary> candidates, Long linkedRemitClaimId,
                          LinkKind linkKind, String reason, Instant decidedAt, String decidedBy) {

    public MatchRecord {
        checks = checks == null ? List.of() : List.copyOf(checks);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A candidate as listed for the person who resolves an ambiguous or weak match. */
    public record CandidateSummary(long claimId, String rx, int fill, String dateOfService, int score,
                                   String explanation) {
        public static CandidateSummary of(MatchCandidate c) {
            return new CandidateSummary(c.claim().claimId(), c.claim().rx(), c.claim().fill(),
                    String.valueOf(c.claim().dateOfService()), c.score(), c.explanation());
        }
    }
}
