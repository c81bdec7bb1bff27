package org.rxledger.core.remit;

/**
 * The separators an X12 interchange declares in its ISA: element (ISA 4th character), repetition
 * (ISA11), component (ISA16) and segment terminator (after ISA16); {@code afterSegment} is written
 * after each terminator ("\n" for readable files, "" for one long line). All four must differ and
 * must not be letters, digits or space.
 */
public record X12Delimiters(char element, char component, char repetition, char segment, String afterSegment) {

    /** The usual {@code * : ^ ~} with a line break after each segment. */
    public static final X12Delimiters STANDARD = new X12Delimiters('*', ':', '^', '~', "\n");

    public X12Delimiters {
        char[] all = {element, component, repetition, segment};
        for (int i = 0; i < all.length; i++) {
            if (Character.isLetterOrDigit(all[i]) || all[i] == ' ') {
                throw new IllegalArgumentException("delimiter '" + all[i] + "' may not be a letter, digit or space");
            }
            for (int j = i + 1; j < all.length; j++) {
                if (all[i] == all[j]) {
                    throw new IllegalArgumentException("delimiters must differ, '" + all[i] + "' is used twice");
                }
            }
        }
        if (afterSegment == null || !afterSegment.isBlank() && !afterSegment.isEmpty()) {
            throw new IllegalArgumentException("only line breaks may follow a segment terminator");
        }
    }

    boolean isDelimiter(char c) {
        return c == element || c == component || c == repetition || c == segment;
    }
}
