package org.rxledger.core.remit;

import java.util.Objects;

/** A REF segment: qualifier (e.g. F8 original reference, D3 NCPDP number, TJ TIN) and value. */
public record Reference(String qualifier, String value) {

    public Reference {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(value, "value");
    }
}
