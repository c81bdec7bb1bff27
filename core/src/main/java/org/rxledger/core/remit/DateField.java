package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.Objects;

/** A DTM segment: qualifier (405 production, 232/233 statement from/to, 472 service, 050 received) and date. */
public record DateField(String qualifier, LocalDate date) {

    public DateField {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(date, "date");
    }
}
