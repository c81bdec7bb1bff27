package org.rxledger.core.id;

/** Prescription/service reference number (402-D2): 1 to 12 digits, unique per pharmacy. */
public record RxNumber(String value) {

    public static final int MAX_FILL = 99;

    public RxNumber {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidIdentifierException("Rx number", problem);
        }
        value = value.strip();
    }

    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is empty (expected up to 12 digits)";
        }
        String value = raw.strip();
        if (!value.matches("\\d{1,12}")) {
            return "'" + value + "' must be 1 to 12 digits";
        }
        return null;
    }

    /** Fill number (403-D3): 0 = original, 1–99 refills. Returns null when valid. */
    public static String fillProblem(int fill) {
        return fill < 0 || fill > MAX_FILL ? fill + " is outside 0–99 (0 = original fill)" : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
