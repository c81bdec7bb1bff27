package org.rxledger.core.id;

/**
 * National Provider Identifier: 10 digits, first digit 1 or 2, Luhn check digit computed as if the
 * number were prefixed by the card-issuer prefix 80840 (DOMAIN.md §8.2).
 */
public record Npi(String value) {

    public Npi {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidIdentifierException("NPI", problem);
        }
    }

    public static Npi of(String value) {
        return new Npi(value == null ? null : value.strip());
    }

    /** Why {@code value} is not a valid NPI, or null when it is. */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "is empty (expected 10 digits)";
        }
        if (!value.matches("\\d{10}")) {
            return "'" + value + "' must be exactly 10 digits";
        }
        if (value.charAt(0) != '1' && value.charAt(0) != '2') {
            return "'" + value + "' must start with 1 or 2";
        }
        if (!luhnValid("80840" + value)) {
            return "'" + value + "' fails the check digit (last digit should be " + checkDigit(value.substring(0, 9)) + ")";
        }
        return null;
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** The check digit for a 9-digit NPI body. */
    public static int checkDigit(String body9) {
        for (int d = 0; d <= 9; d++) {
            if (luhnValid("80840" + body9 + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + body9);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
