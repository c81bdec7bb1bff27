package org.rxledger.core.id;

import java.util.Optional;

/**
 * National Drug Code in its HIPAA billing form: 11 digits, 5-4-2, no hyphens (407-D7, SVC01 N4).
 *
 * <p>FDA NDCs are 10 digits in 4-4-2, 5-3-2 or 5-4-1; the billing form pads the short segment with
 * a leading zero (DOMAIN.md §8.1). A hyphenated 10-digit code converts unambiguously; an unhyphenated
 * 10-digit code does not (the layout must come from the product file), so {@link #parse} refuses it.
 * The segmented native form is kept when known, because the 11-digit form cannot be converted back.
 */
public record Ndc(String billing, String nativeForm) {

    public Ndc {
        if (billing == null || !billing.matches("\\d{11}")) {
            throw new InvalidIdentifierException("NDC", "'" + billing + "' must be 11 digits");
        }
    }

    /** Accepts 11 digits (with or without 5-4-2 hyphens) or a hyphenated 10-digit code in any FDA layout. */
    public static Ndc parse(String raw) {
        String problem = problem(raw);
        if (problem != null) {
            throw new InvalidIdentifierException("NDC", problem);
        }
        String value = raw.strip();
        if (!value.contains("-")) {
            return new Ndc(value, null);
        }
        String[] parts = value.split("-");
        String padded = pad(parts[0], 5) + pad(parts[1], 4) + pad(parts[2], 2);
        return new Ndc(padded, parts[0].length() + parts[1].length() + parts[2].length() == 10 ? value : null);
    }

    public static Optional<Ndc> tryParse(String raw) {
        return problem(raw) == null ? Optional.of(parse(raw)) : Optional.empty();
    }

    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is empty (expected 11 digits, e.g. 00002759701, or a hyphenated 10-digit NDC)";
        }
        String value = raw.strip();
        if (!value.matches("[\\d-]+")) {
            return "'" + value + "' may contain only digits and hyphens";
        }
        if (!value.contains("-")) {
            if (value.length() == 11) {
                return null;
            }
            if (value.length() == 10) {
                return "'" + value + "' is a 10-digit NDC without hyphens; its layout (4-4-2, 5-3-2 or 5-4-1) is ambiguous — "
                        + "enter it with hyphens or as 11 digits";
            }
            return "'" + value + "' has " + value.length() + " digits (expected 11)";
        }
        String[] parts = value.split("-", -1);
        if (parts.length != 3) {
            return "'" + value + "' must have three segments (labeler-product-package)";
        }
        String layout = parts[0].length() + "-" + parts[1].length() + "-" + parts[2].length();
        switch (layout) {
            case "5-4-2", "4-4-2", "5-3-2", "5-4-1" -> {
                return null;
            }
            default -> {
                return "'" + value + "' has layout " + layout + " (expected 4-4-2, 5-3-2, 5-4-1 or 5-4-2)";
            }
        }
    }

    private static String pad(String segment, int width) {
        return "0".repeat(width - segment.length()) + segment;
    }

    /** 5-4-2 with hyphens, for display: 00002-7597-01. */
    public String hyphenated() {
        return billing.substring(0, 5) + "-" + billing.substring(5, 9) + "-" + billing.substring(9);
    }

    @Override
    public String toString() {
        return billing;
    }
}
