package org.rxledger.core.matching;

import java.util.List;
import java.util.Optional;

/**
 * The outcome for one remitted claim. Only {@link Verdict#MATCHED} is posted automatically;
 * ambiguous and weak results go to a person with the candidates listed (ARCHITECTURE.md rule 5).
 */
public record MatchDecision(Verdict verdict, List<MatchCandidate> candidates, String reason) {

    public enum Verdict {
        /** One candidate is strong and clearly ahead of the others. */
        MATCHED,
        /** Two or more candidates are close: a person must choose. */
        AMBIGUOUS,
        /** The best candidate is too weak to trust. */
        WEAK,
        /** Nothing in the stored claims fits. */
        UNMATCHED
    }

    public MatchDecision {
        candidates = List.copyOf(candidates);
    }

    public Optional<MatchCandidate> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    public Optional<Long> matchedClaimId() {
        return verdict == Verdict.MATCHED ? best().map(c -> c.claim().claimId()) : Optional.empty();
    }
}
