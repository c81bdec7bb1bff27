package org.rxledger.core.remit;

import java.util.Objects;
import org.rxledger.core.money.Money;

/** An AMT segment: qualifier (AU coverage, B6 allowed, I interest, F5 patient paid, …) and amount. */
public record AmountField(String qualifier, Money amount) {

    public AmountField {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(amount, "amount");
    }
}
