package org.rxledger.core.matching;

import java.time.LocalDate;

/**
 * One reading of a CLP01 patient control number: the Rx number, the fill number when the payer
 * sends one, and the date of service when the payer appends it.
 *
 * @param fill null when CLP01 carries the Rx number only (resolved by date of service)
 * @param dateOfService null unless CLP01 carries a date
 * @param pattern the name of the pattern that produced this reading (for the match explanation)
 */
public record RxFill(String rx, Integer fill, LocalDate dateOfService, String pattern) {

    @Override
    public String toString() {
        return "Rx " + rx + (fill == null ? "" : " fill " + fill) + (dateOfService == null ? "" : " DOS " + dateOfService);
    }
}
