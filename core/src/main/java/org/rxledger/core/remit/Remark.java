package org.rxledger.core.remit;

import java.util.Objects;

/** An LQ remark on a service line: qualifier HE (RARC) or RX (NCPDP reject/payment code), and the code. */
public record Remark(String qualifier, String code) {

    public Remark {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(code, "code");
    }
}
