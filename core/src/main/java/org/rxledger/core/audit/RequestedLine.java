package org.rxledger.core.audit;

import java.time.LocalDate;
import java.util.Objects;

/** A claim the auditor asks for, before it is resolved: Rx number, fill number, date of service as requested. */
public record RequestedLine(String rxNumber, int fillNumber, LocalDate dateOfService) {

    public RequestedLine {
        Objects.requireNonNull(rxNumber, "rxNumber");
        Objects.requireNonNull(dateOfService, "dateOfService");
        rxNumber = rxNumber.strip();
        if (rxNumber.isEmpty()) {
            throw new IllegalArgumentException("the Rx number is empty");
        }
        if (fillNumber < 0 || fillNumber > 99) {
            throw new IllegalArgumentException("fill number " + fillNumber + " is outside 0–99 (NCPDP 403-D3)");
        }
    }
}
