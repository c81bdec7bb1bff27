package org.rxledger.core.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rxledger.core.reference.CodeTable;

/**
 * Element-level rules of 005010X221A1 that {@link X12RemittanceReader} applies before anything is stored
 * (issue 23): maximum lengths, characters, element counts, date qualifiers per loop, digit counts of
 * amounts and quantities, and a plausible payment date. Pure functions: each returns what is wrong in
 * words for the clerk ("… is 300 characters long; …"), or null when the value is fine; the reader adds
 * file, segment and element.
 *
 * <p>Why lengths matter twice: every value must fit the TR3 maximum, and it must fit the column it is
 * stored in, or a file that passed every check would fail in the database (SQL state 22001) with no
 * segment named. The TR3 maxima below are all within their columns ({@link #RULES} names the column; a
 * test compares them with the migrated schema), so checking the TR3 maximum checks both.
 */
final class ElementRules {

    /**
     * No 005010X221A1 segment comes near this: the longest (PER, MIA, TS3) with every element at its
     * maximum stay under 1,000 characters. Anything longer is damage, and is refused before its
     * elements are looked at.
     */
    static final int MAX_SEGMENT_LENGTH = 4_096;

    /** remit_claim.raw_segments (V002): the claim's segments as sent, one per line. */
    static final int MAX_CLAIM_RAW_LENGTH = 1_000_000;

    /** DECIMAL(15,2) money columns: 13 digits before the point (X12 type R allows 18 digits in all). */
    static final int AMOUNT_INTEGER_DIGITS = 13;
    /** DECIMAL(15,3) quantity columns (SVC05, SVC07, CAS quantities). */
    static final int QUANTITY_INTEGER_DIGITS = 12;
    static final int QUANTITY_FRACTION_DIGITS = 3;
    /** X12 data element type R: at most 18 digits for amounts (782), 15 for quantities (380). */
    static final int AMOUNT_MAX_DIGITS = 18;
    static final int QUANTITY_MAX_DIGITS = 15;

    /**
     * A payment dated more than this after the file was made is a corrupt date (99991231): EFT effective
     * dates are days after the 835, a check is not post-dated by a year.
     */
    static final int PAYMENT_DATE_YEARS_AFTER_FILE = 1;
    /**
     * Payers re-send old remittances in a new envelope (the public medicare-part-a sample carries a
     * 2002 payment in a 2013 envelope), so the past is generous: twice the ten years records are kept.
     */
    static final int PAYMENT_DATE_YEARS_BEFORE_FILE = 20;

    /**
     * One element's TR3 maximum length (005010X221A1), whether it is an identifier (a matching or
     * reassociation key, where only printable characters make sense), and where it is stored (null:
     * only in the claim's raw segments).
     */
    record Rule(int maxLength, boolean identifier, String column) {
    }

    private static Rule id(int max, String column) {
        return new Rule(max, true, column);
    }

    private static Rule text(int max, String column) {
        return new Rule(max, false, column);
    }

    /** Keyed "CLP01"; components of composites "SVC01-2". Amounts and dates have their own checks. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GS06", id(9, "payment.group_control")),
            Map.entry("ST02", id(9, "payment.transaction_control")),
            Map.entry("BPR01", text(1, "payment.handling_code")),
            Map.entry("BPR03", text(1, "payment.credit_debit")),
            Map.entry("BPR04", text(3, "payment.method")),
            Map.entry("BPR05", text(10, "payment.payment_format")),
            Map.entry("BPR07", id(12, null)),
            Map.entry("BPR09", id(35, null)),
            Map.entry("BPR10", id(10, "payment.payer_identifier")),
            Map.entry("BPR11", id(9, null)),
            Map.entry("BPR13", id(12, null)),
            Map.entry("BPR15", id(35, null)),
            Map.entry("TRN01", text(2, null)),
            Map.entry("TRN02", id(50, "payment.trace_number")),
            Map.entry("TRN03", id(10, "payment.payer_identifier")),
            Map.entry("TRN04", id(50, null)),
            Map.entry("REF01", text(3, null)),
            Map.entry("REF02", id(50, "remit_claim.original_reference")),
            Map.entry("DTM01", text(3, null)),
            Map.entry("N101", text(3, null)),
            Map.entry("N102", text(60, "payment.payer_name")),
            Map.entry("N103", text(2, "payment.payee_id_qualifier")),
            Map.entry("N104", id(80, "payment.payee_id")),
            Map.entry("N301", text(55, null)),
            Map.entry("N302", text(55, null)),
            Map.entry("N401", text(30, null)),
            Map.entry("N402", text(2, null)),
            Map.entry("N403", text(15, null)),
            Map.entry("PER02", text(60, null)),
            Map.entry("PER04", text(256, null)),
            Map.entry("PER06", text(256, null)),
            Map.entry("PER08", text(256, null)),
            Map.entry("LX01", id(6, "remit_claim.lx_number")),
            Map.entry("CLP01", id(38, "remit_claim.patient_control_number")),
            Map.entry("CLP02", text(2, "remit_claim.status_code")),
            Map.entry("CLP06", text(2, "remit_claim.filing_indicator")),
            Map.entry("CLP07", id(50, "remit_claim.payer_claim_control_number")),
            Map.entry("CLP08", text(2, "remit_claim.facility_type_code")),
            Map.entry("CLP09", text(1, "remit_claim.frequency_code")),
            Map.entry("CAS01", text(2, "remit_adjustment.group_code")),
            Map.entry("NM101", text(3, null)),
            Map.entry("NM102", text(1, null)),
            Map.entry("NM103", text(60, "remit_claim.patient_last_name")),
            Map.entry("NM104", text(35, "remit_claim.patient_first_name")),
            Map.entry("NM105", text(25, null)),
            Map.entry("NM107", text(10, null)),
            Map.entry("NM108", text(2, null)),
            Map.entry("NM109", id(80, "remit_claim.member_id")),
            Map.entry("AMT01", text(3, null)),
            Map.entry("QTY01", text(2, null)),
            Map.entry("SVC01-2", id(48, "remit_service_line.product_code")),
            Map.entry("SVC01-3", text(2, null)),
            Map.entry("SVC01-4", text(2, null)),
            Map.entry("SVC01-5", text(2, null)),
            Map.entry("SVC01-6", text(2, null)),
            Map.entry("SVC01-7", text(80, null)),
            Map.entry("SVC04", id(48, "remit_service_line.revenue_code")),
            Map.entry("SVC06-2", id(48, null)),
            Map.entry("SVC06-3", text(2, null)),
            Map.entry("SVC06-4", text(2, null)),
            Map.entry("SVC06-5", text(2, null)),
            Map.entry("SVC06-6", text(2, null)),
            Map.entry("SVC06-7", text(80, null)),
            Map.entry("LQ01", text(3, "remit_remark.qualifier")),
            Map.entry("LQ02", id(30, "remit_remark.code")),
            Map.entry("PLB01", id(50, "plb_item.provider_id")));

    /**
     * The reference of every PLB reason:reference composite (PLB03-2, 05-2, … 13-2). Codes the reader
     * checks against their own lists and lengths (SVC01-1 qualifier, CAS reason, PLB reason) have no
     * rule here, so a wrong code gets one message, not two.
     */
    private static final Rule PLB_REFERENCE = id(50, "plb_item.reference");

    /**
     * The most elements each segment the reader interprets may carry (X12 005010 segment directory). A
     * 7th CAS triplet or PLB pair would otherwise be silently dropped and the file balance without it.
     */
    private static final Map<String, Integer> MAX_ELEMENTS = Map.ofEntries(
            Map.entry("GS", 8), Map.entry("ST", 3), Map.entry("BPR", 21), Map.entry("TRN", 4), Map.entry("REF", 4),
            Map.entry("DTM", 6), Map.entry("N1", 6), Map.entry("N3", 2), Map.entry("N4", 7), Map.entry("PER", 9),
            Map.entry("LX", 1), Map.entry("CLP", 14), Map.entry("CAS", 19), Map.entry("NM1", 12), Map.entry("AMT", 3),
            Map.entry("QTY", 4), Map.entry("SVC", 7), Map.entry("LQ", 2), Map.entry("PLB", 14));

    /** Where a DTM stands, and the date qualifiers 005010X221A1 defines there. */
    enum DateLoop {
        HEADER("the 835 header", List.of("405")),
        CLAIM("a claim (loop 2100)", List.of("036", "050", "232", "233")),
        SERVICE_LINE("a service line (loop 2110)", List.of("150", "151", "472"));

        final String description;
        final List<String> qualifiers;

        DateLoop(String description, List<String> qualifiers) {
            this.description = description;
            this.qualifiers = qualifiers;
        }
    }

    private ElementRules() {
    }

    /**
     * {@link #RULES} by segment id, then element position, then component (0: the element as a whole), so
     * the reader's hot path looks a rule up without building its name.
     */
    private static final Map<String, Rule[][]> BY_SEGMENT = bySegment();

    private static Map<String, Rule[][]> bySegment() {
        Map<String, Rule[][]> map = new java.util.HashMap<>();
        RULES.forEach((name, rule) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z0-9]+?)(\\d\\d)(?:-(\\d))?").matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("not an element name: " + name);
            }
            int position = Integer.parseInt(m.group(2));
            int component = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            Rule[][] segment = map.computeIfAbsent(m.group(1), k -> new Rule[22][]);
            if (segment[position] == null) {
                segment[position] = new Rule[8];
            }
            segment[position][component] = rule;
        });
        return Map.copyOf(map);
    }

    /** The rule of element ("CLP01": component 0) or of one component ("SVC01-2"), null when there is none. */
    static Rule rule(String segmentId, int position, int component) {
        if (segmentId.equals("PLB") && position >= 3 && position % 2 == 1) {
            return component == 2 ? PLB_REFERENCE : null;
        }
        Rule[][] segment = BY_SEGMENT.get(segmentId);
        if (segment == null || position >= segment.length || segment[position] == null
                || component >= segment[position].length) {
            return null;
        }
        return segment[position][component];
    }

    /** Whether the element is a composite whose components have rules of their own (SVC01, SVC06, PLB03…). */
    static boolean composite(String segmentId, int position) {
        return (segmentId.equals("SVC") && (position == 1 || position == 6))
                || (segmentId.equals("PLB") && position >= 3 && position % 2 == 1);
    }

    /**
     * Components a composite may carry: SVC01/SVC06 (C003) qualifier, code, four modifiers and a
     * description; PLB03… (C042) reason and reference. More would be dropped (a PLB reference) or run
     * past the column they are joined into (remit_service_line.modifiers).
     */
    static int maxComponents(String segmentId, int position) {
        return segmentId.equals("PLB") ? 2 : 7;
    }

    static Integer maxElements(String segmentId) {
        return MAX_ELEMENTS.get(segmentId);
    }

    /** Refused: the value is longer than the TR3 (and its column) allow. The value itself is not quoted. */
    static String lengthProblem(String value, Rule rule) {
        if (value.length() <= rule.maxLength()) {
            return null;
        }
        return "is " + value.length() + " characters long; 005010X221A1 allows at most " + rule.maxLength();
    }

    /**
     * What a value must never contain: control characters (NUL, line breaks, escape…, which no X12 data
     * holds) and Unicode bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E/F,
     * U+061C), which make text display in another order than it is stored and so hide what an
     * identifier really is. The reader decodes bytes as ISO-8859-1, so a UTF-8 bidi character arrives as
     * 'â' + U+0080/U+0081 + one more character and is recognised in that form too. Identifiers also may
     * not hold C1 controls (U+0080–U+009F): bytes of a non-Latin-1 character, never part of a key.
     */
    static String characterProblem(String value, boolean identifier) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (bidi(c) || utf8Bidi(value, i)) {
                return "holds a bidirectional text control character (such as a right-to-left override) at "
                        + "position " + (i + 1) + ": it makes the value display differently from what it is";
            }
            if (c < 0x20 || c == 0x7F) {
                return "holds a control character (" + (c == 0 ? "NUL" : String.format("0x%02X", (int) c))
                        + ") at position " + (i + 1) + ": X12 data never contains control characters";
            }
            if (identifier && c >= 0x80 && c <= 0x9F) {
                return "holds a control character (" + String.format("0x%02X", (int) c) + ") at position " + (i + 1)
                        + ": an identifier may only hold printable characters";
            }
        }
        return null;
    }

    private static boolean bidi(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }

    /** U+200E/F, U+202A–E (E2 80 8E/8F/AA–AE), U+2066–9 (E2 81 A6–A9), U+061C (D8 9C), read as ISO-8859-1. */
    private static boolean utf8Bidi(String value, int i) {
        char c = value.charAt(i);
        if (c == '\u00D8') {
            return i + 1 < value.length() && value.charAt(i + 1) == '\u009C';
        }
        if (c != '\u00E2' || i + 2 >= value.length()) {
            return false;
        }
        char second = value.charAt(i + 1);
        char third = value.charAt(i + 2);
        return (second == '\u0080' && (third == '\u008E' || third == '\u008F' || (third >= '\u00AA' && third <= '\u00AE')))
                || (second == '\u0081' && third >= '\u00A6' && third <= '\u00A9');
    }

    /** An amount (type R) the ledger can hold: at most 18 digits in all, 13 before the point. */
    static String amountProblem(String text) {
        return digitsProblem(text, AMOUNT_MAX_DIGITS, AMOUNT_INTEGER_DIGITS, Integer.MAX_VALUE, "amount");
    }

    /** A quantity (type R) that fits DECIMAL(15,3): 15 digits in all, 12 before the point, 3 after. */
    static String quantityProblem(String text) {
        return digitsProblem(text, QUANTITY_MAX_DIGITS, QUANTITY_INTEGER_DIGITS, QUANTITY_FRACTION_DIGITS, "quantity");
    }

    /** {@code text} is a decimal as the reader's pattern accepts it ("-12.30", ".5"). */
    private static String digitsProblem(String text, int maxDigits, int maxInteger, int maxFraction, String what) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits > maxDigits) {
            return what + " '" + printable(text) + "' has " + digits + " digits; X12 allows at most " + maxDigits;
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        int integer = Math.max(0, value.precision() - value.scale());
        if (integer > maxInteger) {
            return what + " '" + printable(text) + "' is too large: at most " + maxInteger + " digits before the "
                    + "decimal point";
        }
        if (value.scale() > maxFraction) {
            return what + " '" + printable(text) + "' has more than " + maxFraction + " decimal places";
        }
        return null;
    }

    /** X12 code values are exact: "ma" or " 1" is not a code, even if the table would match it loosely. */
    static boolean inList(CodeTable table, String code) {
        return code != null && code.equals(CodeTable.normalise(code)) && table.contains(code);
    }

    /** Refused: a DTM qualifier the loop does not define (a corrupt "2X2" would lose the date of service). */
    static String dateQualifierProblem(DateLoop loop, String qualifier) {
        if (qualifier == null || loop.qualifiers.contains(qualifier)) {
            return null;
        }
        return "date qualifier '" + printable(qualifier) + "' is not used in " + loop.description + "; 005010X221A1 allows "
                + String.join(", ", loop.qualifiers) + " there";
    }

    /** Refused: BPR16 too far from the date the file was made (GS04) to be a payment date. */
    static String paymentDateProblem(LocalDate paymentDate, LocalDate fileDate) {
        if (paymentDate == null || fileDate == null) {
            return null;
        }
        if (paymentDate.isAfter(fileDate.plusYears(PAYMENT_DATE_YEARS_AFTER_FILE))) {
            return "payment date " + paymentDate + " is more than " + PAYMENT_DATE_YEARS_AFTER_FILE + " year after "
                    + "the file was made (" + fileDate + "): not a real check or EFT date";
        }
        if (paymentDate.isBefore(fileDate.minusYears(PAYMENT_DATE_YEARS_BEFORE_FILE))) {
            return "payment date " + paymentDate + " is more than " + PAYMENT_DATE_YEARS_BEFORE_FILE + " years before "
                    + "the file was made (" + fileDate + "): not a real check or EFT date";
        }
        return null;
    }

    /** For tests: the PLB reference rule that {@link #RULES} does not list by name. */
    static Map<String, Rule> repeatedRules() {
        return Map.of("PLB03-2", PLB_REFERENCE);
    }

    /** A value as a message may quote it: control characters as '?', at most 60 characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 61));
        for (int i = 0; i < s.length() && sb.length() <= 60; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? '?' : c);
        }
        return sb.length() > 60 ? sb.substring(0, 60) + "…" : sb.toString();
    }
}
