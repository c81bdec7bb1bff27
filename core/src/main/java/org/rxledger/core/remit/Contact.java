package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;

/** A PER contact (CX business, BL technical, IC website) with up to three qualifier/number pairs (TE, EM, UR, FX…). */
public record Contact(String functionCode, String name, List<ContactNumber> numbers) {

    /** One PER communication pair, e.g. TE + 8005550100. */
    public record ContactNumber(String qualifier, String number) {
    }

    public Contact {
        Objects.requireNonNull(functionCode, "functionCode");
        numbers = List.copyOf(numbers);
    }
}
