package org.rxledger.core.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * Loop 2110 service payment (SVC with its DTM, CAS, REF, AMT, QTY and LQ segments).
 *
 * @param charge SVC02 line charge
 * @param paid SVC03 line paid amount
 * @param revenueCode SVC04 (institutional; null for pharmacy)
 * @param unitsPaid SVC05, null when absent
 * @param originalProduct SVC06 when the payer changed the product, else null
 * @param originalUnits SVC07, null when absent
 */
public record ServiceLine(ProductId product, Money charge, Money paid, String revenueCode, BigDecimal unitsPaid,
                          ProductId originalProduct, BigDecimal originalUnits, List<DateField> dates,
                          List<Adjustment> adjustments, List<Reference> references, List<AmountField> amounts,
                          List<QuantityField> quantities, List<Remark> remarks) {

    public ServiceLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(paid, "paid");
        dates = List.copyOf(dates);
        adjustments = List.copyOf(adjustments);
        references = List.copyOf(references);
        amounts = List.copyOf(amounts);
        quantities = List.copyOf(quantities);
        remarks = List.copyOf(remarks);
    }

    /** A pharmacy line: NDC, charge, paid, quantity, fill date and adjustments. */
    public static ServiceLine pharmacy(String ndc11, Money charge, Money paid, BigDecimal units, LocalDate serviceDate,
                                       List<Adjustment> adjustments) {
        return new ServiceLine(ProductId.ndc(ndc11), charge, paid, null, units, null, null,
                List.of(new DateField("472", serviceDate)), adjustments, List.of(), List.of(), List.of(), List.of());
    }

    /** DTM*472 service date, if sent. */
    public Optional<LocalDate> serviceDate() {
        return dates.stream().filter(d -> d.qualifier().equals("472")).map(DateField::date).findFirst();
    }

    /** Σ CAS amounts on this line. */
    public Money adjustmentTotal() {
        return Money.sum(adjustments.stream().map(Adjustment::amount).toList());
    }
}
