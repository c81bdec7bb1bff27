package org.rxledger.core.remit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * TRN reassociation trace (DOMAIN.md §2.2): TRN02 is the check or EFT trace number that pairs the
 * remittance with the deposit; TRN03 the payer's originating company id (often "1" + EIN).
 */
public record Trace(String typeCode, String number, String originatorId, String supplementalCode) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Zeros that pad a run of digits: at the start, or after a letter or dash. */
    private static final Pattern PADDING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

    public Trace {
        Objects.requireNonNull(number, "number");
    }

    /** {@link #normalise(String)} of TRN02: the trace as duplicate detection and deposit pairing compare it. */
    public String key() {
        return normalise(number);
    }

    /**
     * The one way traces are compared: bank exports and payers add and drop case, spaces and padding
     * zeros freely, so "  eft-000123 " and "EFT-123" are the same trace, and "0001234" and "1234" too.
     * Migration V017 computes the same key in SQL for payments stored before it (a test keeps the two
     * in step).
     */
    public static String normalise(String trace) {
        String compact = SPACES.matcher(trace).replaceAll("").toUpperCase(Locale.ROOT);
        return PADDING_ZEROS.matcher(compact).replaceAll("");
    }
}
