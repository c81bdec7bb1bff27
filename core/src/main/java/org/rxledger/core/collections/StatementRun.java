package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.reference.Pharmacy;

/**
 * The statements a run sent on one date, ready to print. {@code remitTo} is the office identity set up by
 * {@code rxledger init} (null when the folder has none yet); {@code skippedOnPlan} counts accounts whose kept
 * payment plan stopped their escalation.
 */
public record StatementRun(LocalDate date, Pharmacy remitTo, List<StatementNotice> notices, int skippedOnPlan) {

    public List<Statement> statements() {
        return notices.stream().map(StatementNotice::statement).toList();
    }
}
