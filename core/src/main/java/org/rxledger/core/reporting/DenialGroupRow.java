package org.rxledger.core.reporting;

import org.rxledger.core.money.Money;

/** Denials with the same source, code and payer: how many claims and how much was billed and paid. */
public record DenialGroupRow(DenialSource source, String code, String description, String payerName, long count,
                             Money billed, Money paid) {
}
