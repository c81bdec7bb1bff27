package org.rxledger.core.mfp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One version of a selected drug's prices per unit, as published (up to 5 decimals). {@code effectiveTo}
 * null means open-ended. An id of 0 means "not stored yet".
 */
public record MfpPrice(long id, String ndc, BigDecimal mfpPerUnit, BigDecimal wacPerUnit, LocalDate effectiveFrom,
                       LocalDate effectiveTo, String manufacturer) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /**
     * The standard default refund amount: (WAC − MFP) × quantity, rounded half-up to the cent once, at the end
     * (per-unit prices carry more decimals than money, so rounding earlier would lose cents on large quantities).
     */
    public Money standardDefaultRefund(BigDecimal quantity) {
        return standardDefaultRefund(wacPerUnit, mfpPerUnit, quantity);
    }

    public static Money standardDefaultRefund(BigDecimal wacPerUnit, BigDecimal mfpPerUnit, BigDecimal quantity) {
        return Money.of(wacPerUnit.subtract(mfpPerUnit).multiply(quantity).setScale(2, RoundingMode.HALF_UP));
    }

    /** Same NDC, prices, dates and manufacturer: a row imported again adds nothing. */
    public boolean sameAs(MfpPrice o) {
        return ndc.equals(o.ndc) && mfpPerUnit.compareTo(o.mfpPerUnit) == 0 && wacPerUnit.compareTo(o.wacPerUnit) == 0
                && effectiveFrom.equals(o.effectiveFrom) && java.util.Objects.equals(effectiveTo, o.effectiveTo)
                && manufacturer.equals(o.manufacturer);
    }
}
