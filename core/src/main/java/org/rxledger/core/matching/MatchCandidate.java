package org.rxledger.core.matching;

import java.util.List;
import java.util.stream.Collectors;

/** A stored claim considered for a remitted claim, with the keys that agreed and disagreed. */
public record MatchCandidate(ClaimFacts claim, RxFill reading, List<KeyCheck> checks, int score) {

    public MatchCandidate {
        checks = List.copyOf(checks);
    }

    /** Score as a confidence between 0 and 1 (100 points or more is certain). */
    public double confidence() {
        return Math.max(0, Math.min(100, score)) / 100.0;
    }

    public List<KeyCheck> agreed() {
        return checks.stream().filter(c -> c.outcome() == KeyCheck.Outcome.AGREED).toList();
    }

    public List<KeyCheck> disagreed() {
        return checks.stream().filter(c -> c.outcome() == KeyCheck.Outcome.DISAGREED).toList();
    }

    public String explanation() {
        String agreed = agreed().stream().map(c -> c.key().label()).collect(Collectors.joining(", "));
        String disagreed = disagreed().stream().map(KeyCheck::describe).collect(Collectors.joining("; "));
        return "Claim " + claim.rx() + "-" + String.format("%02d", claim.fill()) + " on " + claim.dateOfService()
                + " (score " + score + "): agreed " + (agreed.isEmpty() ? "nothing" : agreed)
                + (disagreed.isEmpty() ? "" : "; " + disagreed);
    }
}
