package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored wholesaler invoice line. */
public record InvoiceLine(long id, String ndc, LocalDate date, BigDecimal quantity, BigDecimal cost) {

    public BigDecimal unitCost() {
        return ContractPricing.unitCost(cost, quantity);
    }
}
