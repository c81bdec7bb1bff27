package org.rxledger.core.remit;

import java.util.Objects;

/**
 * TRN reassociation trace (DOMAIN.md §2.2): TRN02 is the check or EFT trace number that pairs the
 * remittance with the deposit; TRN03 the payer's originating company id (often "1" + EIN).
 */
public record Trace(String typeCode, String number, String originatorId, String supplementalCode) {

    public Trace {
        Objects.requireNonNull(number, "number");
    }
}
