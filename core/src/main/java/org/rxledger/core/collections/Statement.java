package org.rxledger.core.collections;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** A statement sent on an account; number {@link CollectionSettings#finalNoticeNumber()} is the final notice. */
public record Statement(String accountKey, int number, LocalDate sentOn, Money amountDue) {
}
