package org.rxledger.core.remit;

import java.util.List;

/**
 * What a read of one 835 file found.
 *
 * @param problems every rule the file broke (capped at {@link X12RemittanceReader#MAX_PROBLEMS}); empty when valid
 * @param payments transaction sets (ST…SE) seen
 * @param claims claims delivered to the handler
 * @param segments segments read
 * @param cancelled true when the caller cancelled before the end; the result says nothing about validity then
 */
public record ReadResult(List<RemittanceProblem> problems, int payments, long claims, long segments,
                         boolean cancelled) {

    public ReadResult {
        problems = List.copyOf(problems);
    }

    /** True when the whole file was read and broke no rule. */
    public boolean ok() {
        return problems.isEmpty() && !cancelled;
    }
}
