package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The GS functional group header. For an 835, GS01 is {@code HP} and GS08 is {@code 005010X221A1}.
 *
 * @param time GS05 as HHMM (or HHMMSS) text
 */
public record FunctionalGroup(String functionalId, String senderCode, String receiverCode, LocalDate date,
                              String time, String controlNumber, String version) {

    public FunctionalGroup {
        Objects.requireNonNull(controlNumber, "controlNumber");
    }
}
