package org.rxledger.core.remit;

import java.math.BigDecimal;
import java.util.Objects;

/** A QTY segment: qualifier and quantity. */
public record QuantityField(String qualifier, BigDecimal quantity) {

    public QuantityField {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(quantity, "quantity");
    }
}
