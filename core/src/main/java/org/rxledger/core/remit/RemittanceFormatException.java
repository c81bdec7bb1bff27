package org.rxledger.core.remit;

import java.util.List;

/**
 * An 835 file broke one or more rules (envelope, structure, balancing). The message lists the
 * first problems; {@link #problems()} has all that were collected.
 */
public class RemittanceFormatException extends Exception {

    private final transient List<RemittanceProblem> problems;

    public RemittanceFormatException(List<RemittanceProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RemittanceProblem> problems() {
        return problems;
    }

    static String summary(List<RemittanceProblem> problems) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(problems.size(), 5);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(problems.get(i).describe());
        }
        if (problems.size() > shown) {
            sb.append(System.lineSeparator()).append("… and ").append(problems.size() - shown).append(" more problems");
        }
        return sb.toString();
    }
}
