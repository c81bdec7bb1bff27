package org.rxledger.core.deposit;

import java.time.Instant;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * A stored deposit.
 *
 * @param source     {@code MANUAL} or the name of the CSV file it came from
 * @param voidReason null while the deposit counts; set once it was voided
 */
public record Deposit(long id, LocalDate depositDate, Money amount, String traceNumber, DepositMethod method,
                      String bankReference, String note, String source, Instant enteredAt, String enteredBy,
                      String voidReason) {

    public boolean voided() {
        return voidReason != null;
    }
}
