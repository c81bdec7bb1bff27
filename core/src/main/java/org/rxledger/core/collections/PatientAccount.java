package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rxledger.core.money.Money;

/**
 * An account as the list shows it, computed from its items as of a date: balance and aging to the cent (the
 * buckets sum to the balance), holds, the statement cycle and the last payment.
 */
public record PatientAccount(String key, String name, Money balance, Map<AgingBucket, Money> aging, List<HoldKind> holds,
                             int statementsSent, LocalDate lastStatement, LocalDate lastPayment, int openItems,
                             boolean federalProgram) {

    public boolean onHold() {
        return !holds.isEmpty();
    }
}
