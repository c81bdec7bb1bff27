package org.rxledger.core.remit;

import static org.rxledger.core.remit.X12Segment.element;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rxledger.core.money.Money;

/**
 * What the parts of one read share: the file name, the handler, the problems found so far and the
 * delimiters the ISA declared; and the element readers every part uses, which name the segment, element,
 * expected and found value of each problem in one way.
 */
final class ReadContext {

    static final String NOT_4010 = "4010 is not supported: ask the payer to send the 5010 835 "
            + "(005010X221A1) instead";
    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    final String file;
    final RemittanceHandler handler;
    final List<RemittanceProblem> problems = new ArrayList<>();
    /** Set when {@link X12RemittanceReader#X12RemittanceReader.MAX_PROBLEMS} are found or the read is cancelled. */
    boolean stop;
    char elementSep = '*';
    char componentSep = ':';

    ReadContext(String file, RemittanceHandler handler) {
        this.file = file;
        this.handler = new GuardedHandler(handler);
    }

    Reference reference(X12Segment s) {
        if (required(s, 1) && (s.has(2) || s.has(3))) {
            return new Reference(value(s, 1), s.has(2) ? value(s, 2) : value(s, 3));
        }
        if (s.has(1)) {
            problem(s, "REF02", "reference " + value(s, 1) + " has no value");
        }
        return null;
    }

    String value(X12Segment s, int position) {
        List<String> parts = s.components(position);
        if (parts.isEmpty()) {
            return null;
        }
        String joined = parts.size() == 1 ? parts.get(0) : String.join(String.valueOf(componentSep), parts);
        return joined.isEmpty() ? null : joined;
    }

    boolean required(X12Segment s, int position) {
        if (s.has(position)) {
            return true;
        }
        problem(s, element(s.id, position), "required element is missing");
        return false;
    }

    Money money(X12Segment s, int position, boolean required) {
        if (!s.has(position)) {
            if (required) {
                required(s, position);
            }
            return null;
        }
        String text = value(s, position);
        String element = element(s.id, position);
        if (!DECIMAL.matcher(text).matches()) {
            problem(s, element, "'" + printable(text) + "' is not an amount (expected e.g. 12.30 or -5)");
            return null;
        }
        String tooLong = ElementRules.amountProblem(text);
        if (tooLong != null) {
            problem(s, element, tooLong);
            return null;
        }
        try {
            return Money.of(new BigDecimal(text));
        } catch (IllegalArgumentException e) {
            problem(s, element, "amount " + text + " has fractions of a cent");
            return null;
        }
    }

    BigDecimal decimal(X12Segment s, int position, boolean required) {
        if (!s.has(position)) {
            if (required) {
                required(s, position);
            }
            return null;
        }
        String text = value(s, position);
        if (!DECIMAL.matcher(text).matches()) {
            problem(s, element(s.id, position), "'" + printable(text) + "' is not a number");
            return null;
        }
        String tooLong = ElementRules.quantityProblem(text);
        if (tooLong != null) {
            problem(s, element(s.id, position), tooLong);
            return null;
        }
        return new BigDecimal(text);
    }

    LocalDate date(X12Segment s, int position, boolean required) {
        if (!s.has(position)) {
            if (required) {
                required(s, position);
            }
            return null;
        }
        return parseDate(s, position, CCYYMMDD);
    }

    LocalDate parseDate(X12Segment s, int position, DateTimeFormatter format) {
        String text = value(s, position);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            problem(s, element(s.id, position), "'" + printable(text) + "' is not a valid date ("
                    + (format == YYMMDD ? "YYMMDD" : "CCYYMMDD") + ")");
            return null;
        }
    }

    void problem(X12Segment s, String element, String message) {
        problem(s.number, s.id, element, message);
    }

    void problem(int segment, String id, String element, String message) {
        if (problems.size() < X12RemittanceReader.MAX_PROBLEMS) {
            problems.add(new RemittanceProblem(file, segment, id, element, message));
        }
        if (problems.size() >= X12RemittanceReader.MAX_PROBLEMS) {
            stop = true;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }

    static String stripZeros(String count) {
        if (count == null) {
            return "";
        }
        String stripped = count.replaceFirst("^0+(?=\\d)", "");
        return stripped;
    }

    static String printable(String s) {
        return ElementRules.printable(s);
    }
}
