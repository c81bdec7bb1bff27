package org.rxledger.core.claim;

import java.util.Arrays;

/** NCPDP Transaction Response Status 112-AN (DOMAIN.md §1.7). */
public enum ResponseStatus {
    PAID('P'), DUPLICATE_OF_PAID('D'), REJECTED('R'), CAPTURED('C'), DUPLICATE_OF_CAPTURED('Q'),
    APPROVED('A'), DUPLICATE_OF_APPROVED('S'), PA_DEFERRED('F'), BENEFIT('B');

    private final char code;

    ResponseStatus(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** Only a paid (or captured) response creates a receivable (DOMAIN.md §1.7). */
    public boolean createsReceivable() {
        return this == PAID || this == CAPTURED;
    }

    public static ResponseStatus fromCode(String code) {
        if (code == null || code.strip().length() != 1) {
            throw new IllegalArgumentException("response status '" + code + "' must be one letter (P, R, C, D, Q, A, S, F, B)");
        }
        char c = Character.toUpperCase(code.strip().charAt(0));
        return Arrays.stream(values()).filter(s -> s.code == c).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("response status '" + code + "' is not an NCPDP status (P, R, C, D, Q, A, S, F, B)"));
    }
}
