package org.rxledger.core.deposit;

import java.time.LocalDate;
import java.util.Objects;
import org.rxledger.core.money.Money;

/**
 * A deposit as entered or imported, before it is stored.
 *
 * @param traceNumber the EFT trace or check number, as on the bank statement; pairs with the 835 TRN02
 */
public record NewDeposit(LocalDate depositDate, Money amount, String traceNumber, DepositMethod method,
                         String bankReference, String note) {

    public NewDeposit {
        Objects.requireNonNull(depositDate, "depositDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        traceNumber = Objects.requireNonNull(traceNumber, "traceNumber").trim();
        if (traceNumber.isEmpty()) {
            throw new IllegalArgumentException("A deposit needs its trace or check number");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A deposit amount must be more than zero, not " + amount);
        }
        bankReference = blankToNull(bankReference);
        note = blankToNull(note);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
