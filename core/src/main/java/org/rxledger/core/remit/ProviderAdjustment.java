package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.Objects;
import org.rxledger.core.money.Money;

/**
 * One PLB adjustment pair (a PLB segment carries up to six; DOMAIN.md §2.5). Sign: a positive amount
 * reduces the payment (e.g. WO recoupment), a negative amount increases it (e.g. L6 interest paid).
 *
 * @param providerId PLB01, usually the payee NPI
 * @param fiscalPeriodDate PLB02
 * @param reasonCode PLB03-1 (WO, FB, 72, L6, CS, …)
 * @param reference PLB03-2, null when absent
 */
public record ProviderAdjustment(String providerId, LocalDate fiscalPeriodDate, String reasonCode, String reference,
                                 Money amount) {

    public ProviderAdjustment {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(fiscalPeriodDate, "fiscalPeriodDate");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(amount, "amount");
    }
}
