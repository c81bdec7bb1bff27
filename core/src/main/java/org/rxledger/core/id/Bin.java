package org.rxledger.core.id;

/**
 * Bank/processor identification number (101-A1): exactly six digits. Payer sheets print zero as a
 * slashed "Ø"; it is normalised to "0" before validation (DOMAIN.md conventions, §8.4).
 */
public record Bin(String value) {

    public Bin {
        String normalised = normalise(value);
        String problem = problem(normalised);
        if (problem != null) {
            throw new InvalidIdentifierException("BIN", problem);
        }
        value = normalised;
    }

    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().replace('Ø', '0').replace('ø', '0');
    }

    public static String problem(String raw) {
        String value = normalise(raw);
        if (value == null || value.isEmpty()) {
            return "is empty (expected 6 digits)";
        }
        if (!value.matches("\\d{6}")) {
            return "'" + value + "' must be exactly 6 digits";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
