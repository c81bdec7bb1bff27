package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rxledger.core.id.Ndc;

/** The value rules the contract and price files share; each problem names line, column, expected and found. */
final class CsvValues {

    /** A price per unit as published: plain decimal, at most 5 places. */
    private static final Pattern UNIT_PRICE = Pattern.compile("\\d{1,9}(\\.\\d{1,5})?");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");
    private static final Pattern PERCENT = Pattern.compile("-?\\d{1,3}(\\.\\d{1,3})?");
    private static final Pattern QUANTITY = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern SHORT_DIGITS = Pattern.compile("\\d{1,10}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern US_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    private final String file;
    private final List<ContractImportError> errors;

    CsvValues(String file, List<ContractImportError> errors) {
        this.file = file;
        this.errors = errors;
    }

    void error(long line, String column, String message) {
        errors.add(new ContractImportError(file, line, column, message));
    }

    /** The NDC in billing form; with {@code padShort}, fewer than 11 digits are a spreadsheet's dropped zeros. */
    String ndc(long line, String column, Map<String, String> v, boolean padShort) {
        String text = v.get(column);
        if (padShort && SHORT_DIGITS.matcher(text).matches()) {
            text = "0".repeat(11 - text.length()) + text;
        }
        if (ELEVEN_DIGITS.matcher(text).matches() && !text.equals("00000000000")) {
            return text;                          // the common case, without the general NDC rules' regexes
        }
        String problem = Ndc.problem(text);
        if (problem != null) {
            error(line, column, "NDC " + problem);
            return null;
        }
        String billing = Ndc.parse(text).billing();
        if (billing.chars().allMatch(ch -> ch == '0')) {
            error(line, column, "An NDC of all zeros is not a product");
            return null;
        }
        return billing;
    }

    BigDecimal unitPrice(long line, String column, Map<String, String> v) {
        return decimal(line, column, v, UNIT_PRICE, "a price per unit such as 12.34567 (plain decimal, at most 5 places)");
    }

    BigDecimal amount(long line, String column, Map<String, String> v, String whenEmpty) {
        if (whenEmpty != null && v.get(column).isEmpty()) {
            return new BigDecimal(whenEmpty);
        }
        return decimal(line, column, v, AMOUNT, "an amount such as 1.75 (plain decimal, at most 2 places)");
    }

    BigDecimal percent(long line, String column, Map<String, String> v, String whenEmpty) {
        if (whenEmpty != null && v.get(column).isEmpty()) {
            return new BigDecimal(whenEmpty);
        }
        return decimal(line, column, v, PERCENT, "a percent such as -17 or 2.5 (signed, at most 3 places)");
    }

    BigDecimal quantity(long line, String column, Map<String, String> v) {
        BigDecimal q = decimal(line, column, v, QUANTITY, "a quantity such as 100 or 2.5 (at most 3 places)");
        if (q != null && q.signum() == 0) {
            error(line, column, "Expected a quantity above zero; found 0");
            return null;
        }
        return q;
    }

    private BigDecimal decimal(long line, String column, Map<String, String> v, Pattern pattern, String expected) {
        String text = v.get(column);
        if (!pattern.matcher(text).matches()) {
            error(line, column, "Expected " + expected + "; found " + found(text));
            return null;
        }
        return new BigDecimal(text);
    }

    /** YYYY-MM-DD, or with {@code usDates} also MM/DD/YYYY as CMS publishes NADAC. */
    LocalDate date(long line, String column, Map<String, String> v, boolean usDates) {
        String text = v.get(column);
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (usDates && US_DATE.matcher(text).matches()) {
                String[] p = text.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            throw new DateTimeParseException("not a date", text, 0);
        } catch (java.time.DateTimeException e) {
            error(line, column, "Expected a date YYYY-MM-DD" + (usDates ? " or MM/DD/YYYY" : "") + "; found " + found(text));
            return null;
        }
    }

    /** An optional end date on or after the start; null when empty. */
    LocalDate endDate(long line, String column, Map<String, String> v, LocalDate from) {
        if (v.get(column).isEmpty()) {
            return null;
        }
        LocalDate to = date(line, column, v, false);
        if (to != null && from != null && to.isBefore(from)) {
            error(line, column, "Expected a date on or after " + from + "; found " + to);
            return null;
        }
        return to;
    }

    /** A name a spreadsheet would not run as a formula. */
    String name(long line, String column, Map<String, String> v, int max, boolean required) {
        String text = v.get(column);
        if (text.isEmpty()) {
            if (required) {
                error(line, column, "A value is required; found none");
            }
            return "";
        }
        if (text.length() > max) {
            error(line, column, "At most " + max + " characters, found " + text.length());
            return null;
        }
        if ("=+-@\t".indexOf(text.charAt(0)) >= 0 || text.chars().anyMatch(Character::isISOControl)) {
            error(line, column, "A name may not start with = + - @ or a tab, nor hold control characters");
            return null;
        }
        return text;
    }

    static String found(String text) {
        return text.isEmpty() ? "nothing" : "'" + text + "'";
    }
}
