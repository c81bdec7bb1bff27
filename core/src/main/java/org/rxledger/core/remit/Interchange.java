package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The ISA interchange header an 835 arrived in. Sender and receiver ids are kept without the
 * ISA's fixed-width space padding.
 *
 * @param time ISA10 as HHMM text
 * @param usage ISA15: P production, T test
 */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                          LocalDate date, String time, String controlNumber, String version,
                          String acknowledgmentRequested, String usage) {

    public Interchange {
        Objects.requireNonNull(controlNumber, "controlNumber");
    }
}
