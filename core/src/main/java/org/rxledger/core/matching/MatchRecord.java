package org.rxledger.core.matching;

import java.time.Instant;
import java.util.List;
import org.rxledger.core.access.IdentifierMask;
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

    /** This decision as {@code mask}'s reader may see it: member ids masked in its checks and explanations. */
    public MatchRecord masked(IdentifierMask mask) {
        if (mask == IdentifierMask.FULL) {
            return this;
        }
        return new MatchRecord(id, remitClaimId, action, verdict, status, claimId, score, confidence,
                KeyCheck.maskMemberIds(explanation, mask), checks.stream().map(c -> c.masked(mask)).toList(),
                candidates.stream().map(c -> c.masked(mask)).toList(), linkedRemitClaimId, linkKind, reason, decidedAt,
                decidedBy);
    }

    /**
     * A candidate as listed for the person who resolves an ambiguous or weak match, and as kept with a
     * manual decision (the candidates the clerk chose from).
     *
     * @param confidence the candidate's score as 0–1; null in decisions stored before it was kept
     * @param checks     how each key compared with this candidate; empty in decisions stored before
     */
    public record CandidateSummary(long claimId, String rx, int fill, String dateOfService, int score,
                                   String explanation, Double confidence, List<KeyCheck> checks) {

        public CandidateSummary {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** The same masking as {@link MatchRecord#masked}. */
        public CandidateSummary masked(IdentifierMask mask) {
            if (mask == IdentifierMask.FULL) {
                return this;
            }
            return new CandidateSummary(claimId, rx, fill, dateOfService, score, KeyCheck.maskMemberIds(explanation, mask),
                    confidence, checks.stream().map(c -> c.masked(mask)).toList());
        }

        public static CandidateSummary of(MatchCandidate c) {
            return new CandidateSummary(c.claim().claimId(), c.claim().rx(), c.claim().fill(),
                    String.valueOf(c.claim().dateOfService()), c.score(), c.explanation(), c.confidence(), c.checks());
        }
    }
}
