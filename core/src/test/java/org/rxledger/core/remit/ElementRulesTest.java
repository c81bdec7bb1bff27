package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;

class ElementRulesTest {

    @Test
    void everyCheckedLengthFitsTheColumnTheValueIsStoredIn() {
        Map<String, ElementRules.Rule> rules = new HashMap<>(ElementRules.RULES);
        rules.putAll(ElementRules.repeatedRules());
        try (Database db = TestDatabases.fresh()) {
            db.jdbi().useHandle(h -> {
                rules.forEach((element, rule) -> {
                    if (rule.column() != null) {
                        assertThat(rule.maxLength()).as(element + " in " + rule.column())
                                .isLessThanOrEqualTo(columnLength(h, rule.column()));
                    }
                });
                assertThat(ElementRules.MAX_CLAIM_RAW_LENGTH).isEqualTo(columnLength(h, "remit_claim.raw_segments"));
                for (String money : new String[] {"payment.amount", "remit_claim.paid_amount", "remit_adjustment.amount",
                        "plb_item.amount", "remit_service_line.charge_amount"}) {
                    int[] ps = precisionAndScale(h, money);
                    assertThat(ps[0] - ps[1]).as(money).isEqualTo(ElementRules.AMOUNT_INTEGER_DIGITS);
                }
                for (String quantity : new String[] {"remit_service_line.units_paid", "remit_adjustment.quantity",
                        "remit_claim.quantity"}) {
                    int[] ps = precisionAndScale(h, quantity);
                    assertThat(ps[0] - ps[1]).as(quantity).isEqualTo(ElementRules.QUANTITY_INTEGER_DIGITS);
                    assertThat(ps[1]).as(quantity).isEqualTo(ElementRules.QUANTITY_FRACTION_DIGITS);
                }
            });
        }
    }

    private static int columnLength(org.jdbi.v3.core.Handle h, String tableColumn) {
        String[] tc = tableColumn.toUpperCase().split("\\.");
        return h.createQuery("""
                        SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = :t AND COLUMN_NAME = :c""")
                .bind("t", tc[0]).bind("c", tc[1]).mapTo(Integer.class).one();
    }

    private static int[] precisionAndScale(org.jdbi.v3.core.Handle h, String tableColumn) {
        String[] tc = tableColumn.toUpperCase().split("\\.");
        return h.createQuery("""
                        SELECT NUMERIC_PRECISION, NUMERIC_SCALE FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = :t AND COLUMN_NAME = :c""")
                .bind("t", tc[0]).bind("c", tc[1]).map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)}).one();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain identifier          | 7001234-02           | true  | ",
            "Latin-1 letter in a name  | JOSÉ                 | false | ",
            "UTF-8 quote in a name     | O\u00e2\u0080\u0099NEIL | false | ",
            "UTF-8 quote in an id      | O\u00e2\u0080\u0099NEIL | true  | holds a control character (0x80) at position 3",
            "NUL                       | AB\u0000C            | false | holds a control character (NUL) at position 3",
            "escape                    | A\u001b[31m          | false | holds a control character (0x1B) at position 2",
            "DEL                       | A\u007f              | true  | holds a control character (0x7F) at position 2",
            "right-to-left override    | 700\u202e1234        | true  | holds a bidirectional text control character",
            "first strong isolate      | A\u2068B             | false | holds a bidirectional text control character",
            "RLO as UTF-8 bytes        | 700\u00e2\u0080\u00ae1234 | false | holds a bidirectional text control character",
            "LRI as UTF-8 bytes        | 700\u00e2\u0081\u00a61234 | false | holds a bidirectional text control character",
            "Arabic letter mark bytes  | A\u00d8\u009cB       | false | holds a bidirectional text control character"})
    void refusesControlAndBidiCharacters(String name, String value, boolean identifier, String expected) {
        String problem = ElementRules.characterProblem(value, identifier);

        if (expected == null) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).startsWith(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "12.30                 | ",
            "-5                    | ",
            "1234567890123.45      | ",
            "12345678901234        | amount '12345678901234' is too large: at most 13 digits before the decimal point",
            "12345678901234567     | amount '12345678901234567' is too large: at most 13 digits before the decimal point",
            "0000000000000000001.5 | amount '0000000000000000001.5' has 20 digits; X12 allows at most 18"})
    void amountsMustFitTheLedgerColumns(String amount, String expected) {
        assertThat(ElementRules.amountProblem(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30             | ",
            "30.1250        | ",
            "30.1234        | quantity '30.1234' has more than 3 decimal places",
            "1234567890123  | quantity '1234567890123' is too large: at most 12 digits before the decimal point"})
    void quantitiesMustFitTheirColumns(String quantity, String expected) {
        assertThat(ElementRules.quantityProblem(quantity)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "BPR16 {0} in a file of 2025-03-14")
    @CsvSource(delimiter = '|', value = {
            "2025-03-14 | true",
            "2026-03-14 | true",
            "2026-03-15 | false",
            "9999-12-31 | false",
            "2005-03-14 | true",
            "2005-03-13 | false"})
    void paymentDateMustBeNearTheFileDate(LocalDate paymentDate, boolean plausible) {
        assertThat(ElementRules.paymentDateProblem(paymentDate, LocalDate.of(2025, 3, 14)) == null).isEqualTo(plausible);
    }

    @Test
    void eachLoopTakesOnlyItsOwnDateQualifiers() {
        assertThat(ElementRules.dateQualifierProblem(ElementRules.DateLoop.HEADER, "405")).isNull();
        assertThat(ElementRules.dateQualifierProblem(ElementRules.DateLoop.CLAIM, "232")).isNull();
        assertThat(ElementRules.dateQualifierProblem(ElementRules.DateLoop.SERVICE_LINE, "472")).isNull();
        assertThat(ElementRules.dateQualifierProblem(ElementRules.DateLoop.CLAIM, "472"))
                .isEqualTo("date qualifier '472' is not used in a claim (loop 2100); 005010X221A1 allows 036, 050, "
                        + "232, 233 there");
        assertThat(ElementRules.dateQualifierProblem(ElementRules.DateLoop.SERVICE_LINE, "2X2")).contains("'2X2'");
    }

    @Test
    void codesMatchExactly() {
        CodeTables codes = CodeTables.standard();

        assertThat(ElementRules.inList(codes.claimFilingIndicators(), "MA")).isTrue();
        assertThat(ElementRules.inList(codes.claimFilingIndicators(), "ma")).isFalse();
        assertThat(ElementRules.inList(codes.claimFilingIndicators(), "CI")).as("4010 only").isFalse();
        assertThat(ElementRules.inList(codes.claimFrequencies(), "8")).isTrue();
        assertThat(ElementRules.inList(codes.claimFrequencies(), " 1")).isFalse();
        assertThat(ElementRules.inList(codes.claimStatuses(), "22")).isTrue();
    }

    @Test
    void theReadersLookupFindsEveryNamedRule() {
        ElementRules.RULES.forEach((name, rule) -> {
            String[] parts = name.split("-");
            String element = parts[0];
            String segment = element.substring(0, element.length() - 2);
            int position = Integer.parseInt(element.substring(element.length() - 2));
            int component = parts.length == 1 ? 0 : Integer.parseInt(parts[1]);
            assertThat(ElementRules.rule(segment, position, component)).as(name).isSameAs(rule);
        });
        assertThat(ElementRules.rule("CLP", 3, 0)).as("amounts have their own check").isNull();
        assertThat(ElementRules.rule("PLB", 5, 2)).isEqualTo(ElementRules.repeatedRules().get("PLB03-2"));
    }

    @Test
    void lengthProblemsDoNotQuoteTheValue() {
        assertThat(ElementRules.lengthProblem("SECRET".repeat(20), ElementRules.RULES.get("NM103")))
                .isEqualTo("is 120 characters long; 005010X221A1 allows at most 60");
        assertThat(ElementRules.lengthProblem("SMITH", ElementRules.RULES.get("NM103"))).isNull();
    }
}
