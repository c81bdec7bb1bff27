package org.rxledger.core.claim;

import java.util.List;
import java.util.stream.Collectors;

/** A charge, correction or rebill refused by the rules: each problem names the field to correct. */
public final class ChargeProblems extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ClaimRules.Problem> problems;

    public ChargeProblems(List<ClaimRules.Problem> problems) {
        super(problems.stream().map(ClaimRules.Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ClaimRules.Problem> problems() {
        return problems;
    }
}
