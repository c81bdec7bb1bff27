package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The unit prices in force on a date, as the price lists say (or as a change under review would make them). */
public interface PriceBook {

    /** The unit price of {@code basis} for the NDC on the date; {@code macList} names the list for MAC. */
    Optional<BigDecimal> unitPrice(PriceBasis basis, String macList, String ndc, LocalDate date);

    /** The cost per unit of the latest wholesaler invoice of the NDC on or before the date. */
    Optional<BigDecimal> acquisitionUnitCost(String ndc, LocalDate date);
}
