package org.rxledger.core.id;

import java.util.Locale;

/**
 * DEA registration number: two letters and seven digits; the seventh digit is the ones digit of
 * (d1 + d3 + d5) + 2 × (d2 + d4 + d6) (DOMAIN.md §8.3). A suffix such as {@code -001AB} for
 * institutional prescribers is allowed; only the nine-character core is checked.
 */
public record Dea(String value) {

    public Dea {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidIdentifierException("DEA", problem);
        }
        value = value.strip().toUpperCase(Locale.ROOT);
    }

    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is empty (expected 2 letters and 7 digits, e.g. AB1234563)";
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        String core = value.length() > 9 && value.charAt(9) == '-' ? value.substring(0, 9) : value;
        if (!core.matches("[A-Z][A-Z9]\\d{7}")) {
            return "'" + raw.strip() + "' must be 2 letters and 7 digits (e.g. AB1234563)";
        }
        int[] d = new int[7];
        for (int i = 0; i < 7; i++) {
            d[i] = core.charAt(2 + i) - '0';
        }
        int check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10;
        if (check != d[6]) {
            return "'" + raw.strip() + "' fails the check digit (last digit should be " + check + ")";
        }
        return null;
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    @Override
    public String toString() {
        return value;
    }
}
