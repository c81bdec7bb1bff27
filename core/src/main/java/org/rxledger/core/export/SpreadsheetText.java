package org.rxledger.core.export;

import java.util.regex.Pattern;

/**
 * Text bound for a spreadsheet (an .xlsx cell, a CSV field) made safe from formula injection, following
 * the OWASP "CSV Injection" guidance: a value starting with {@code = + - @}, a tab or a carriage return is
 * prefixed with a single quote, so Excel, LibreOffice or Sheets show it as text and never run it (a name
 * like {@code =HYPERLINK(…)} from an imported file would otherwise become a live link or command).
 *
 * <p>Plain signed numbers ({@code -5}, {@code +1.25}) are left alone: they cannot call anything, and
 * quoting them would turn a credit into text a clerk cannot add up. Every writer of spreadsheet text
 * goes through {@link #neutralised(String)}; the quote is visible, which is the point — the value is
 * shown exactly as it was received.
 */
public final class SpreadsheetText {

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private SpreadsheetText() {
    }

    /** True when a spreadsheet would read {@code value} as the start of a formula (or a DDE call). */
    public static boolean isFormulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean prefix = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                // full-width forms: some spreadsheets fold them to the ASCII ones
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
        return prefix && !SIGNED_NUMBER.matcher(value).matches();
    }

    /** {@code value} itself, or with a leading {@code '} when it is formula-like; null stays null. */
    public static String neutralised(String value) {
        return isFormulaLike(value) ? "'" + value : value;
    }
}
