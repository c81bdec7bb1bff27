package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored unit price of a list (MAC list name, or '' for NADAC, AWP and WAC). */
public record ListPrice(long id, PriceKind kind, String list, String ndc, BigDecimal unitPrice, LocalDate from,
                        LocalDate to) {
}
