package org.rxledger.core.remit;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** A stored PLB pair ({@code id}: its plb_item row); sign as sent (positive reduces the payment, DOMAIN.md §2.5). */
public record StoredProviderAdjustment(long id, int seq, String providerId, LocalDate fiscalPeriodDate, String reasonCode,
                                       String reference, Money amount) {
}
