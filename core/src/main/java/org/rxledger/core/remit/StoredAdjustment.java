package org.rxledger.core.remit;

import java.math.BigDecimal;
import org.rxledger.core.money.Money;

/** A stored CAS triplet; {@code lineSeq} is null for a claim-level adjustment. */
public record StoredAdjustment(Integer lineSeq, String group, String reason, Money amount, BigDecimal quantity) {
}
