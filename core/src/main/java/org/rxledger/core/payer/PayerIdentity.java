package org.rxledger.core.payer;

import java.util.Locale;
import java.util.Objects;

/** One way an 835 names a payer; values compare without case or surrounding blanks. */
public record PayerIdentity(IdentityKind kind, String value) {

    public PayerIdentity {
        Objects.requireNonNull(kind, "kind");
        value = normalise(value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an 835 payer identity needs a value");
        }
    }

    static String normalise(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
