package org.rxledger.core.reporting;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** One PLB item; the amount keeps the 835's sign (positive reduces the payment, DOMAIN.md §2.5). */
public record ProviderAdjustmentRow(String traceNumber, String payerName, LocalDate paymentDate, String providerId,
                                    LocalDate fiscalPeriodDate, String reasonCode, String reasonDescription,
                                    String reference, Money amount) {
}
