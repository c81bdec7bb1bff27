package org.rxledger.core.remit;

/**
 * One segment as text (rebuilt with the file's own delimiters, without the terminator) and its
 * position in the file counting the ISA as 1, so a screen can show what the payer sent.
 */
public record RawSegment(int number, String text) {
}
