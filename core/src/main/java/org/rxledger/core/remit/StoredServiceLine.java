package org.rxledger.core.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** A stored SVC loop (2110). */
public record StoredServiceLine(int seq, String productQualifier, String productCode, Money charge, Money paid,
                                BigDecimal unitsPaid, LocalDate serviceDate) {
}
