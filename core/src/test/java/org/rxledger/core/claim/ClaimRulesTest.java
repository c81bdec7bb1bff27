package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.money.Money;

class ClaimRulesTest {

    /** "Today" for the rules: 2025-03-10, a few days after the sample claims. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);
    private final ClaimRules rules = new ClaimRules(CLOCK);

    /** Claim 1 of the test resource claim/claims-sample.csv (and DOMAIN.md §1.9), which is valid. */
    static Map<ClaimField, String> sampleClaim() {
        Map<ClaimField, String> v = new EnumMap<>(ClaimField.class);
        v.put(ClaimField.RX_NUMBER, "7001234");
        v.put(ClaimField.FILL_NUMBER, "2");
        v.put(ClaimField.DATE_OF_SERVICE, "2025-03-03");
        v.put(ClaimField.BIN, "999999");
        v.put(ClaimField.PCN, "TESTPCN");
        v.put(ClaimField.GROUP_ID, "GRP7781");
        v.put(ClaimField.CARDHOLDER_ID, "ZQX00012345");
        v.put(ClaimField.PERSON_CODE, "001");
        v.put(ClaimField.PATIENT_FIRST_NAME, "ALPHA");
        v.put(ClaimField.PATIENT_LAST_NAME, "TESTPATIENT");
        v.put(ClaimField.PATIENT_DOB, "1962-04-15");
        v.put(ClaimField.NDC, "12345067890");
        v.put(ClaimField.QUANTITY, "30");
        v.put(ClaimField.DAYS_SUPPLY, "30");
        v.put(ClaimField.DAW, "0");
        v.put(ClaimField.PRESCRIBER_NPI, "1987654328");
        v.put(ClaimField.INGREDIENT_COST_SUBMITTED, "46.50");
        v.put(ClaimField.DISPENSING_FEE_SUBMITTED, "1.75");
        v.put(ClaimField.USUAL_AND_CUSTOMARY, "52.00");
        v.put(ClaimField.GROSS_AMOUNT_DUE, "48.25");
        v.put(ClaimField.PATIENT_PAY_AMOUNT, "10.00");
        v.put(ClaimField.PLAN_PAID_AMOUNT, "21.85");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "A25071000001");
        return v;
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            RX_NUMBER                 | 7001234
            RX_NUMBER                 | 1
            RX_NUMBER                 | 123456789012
            FILL_NUMBER               | 0
            FILL_NUMBER               | 99
            DATE_OF_SERVICE           | 2025-03-10
            DATE_OF_SERVICE           | 20250303
            DATE_WRITTEN              | 2024-12-15
            DATE_WRITTEN              | ''
            BIN                       | 610014
            BIN                       | ØØ3858
            PCN                       | TESTPCN
            PCN                       | ''
            PCN                       | ABCDEFGHIJ
            GROUP_ID                  | GRP7781
            GROUP_ID                  | ABCDEFGHIJKLMNO
            CARDHOLDER_ID             | ZQX00012345
            CARDHOLDER_ID             | ABCDEFGHIJ0123456789
            PERSON_CODE               | 001
            PERSON_CODE               | 01
            NDC                       | 00002759701
            NDC                       | 0002-7597-01
            NDC                       | 50242-040-62
            NDC                       | 60575-4112-1
            NDC                       | 00002-7597-01
            QUANTITY                  | 30
            QUANTITY                  | 2.5
            QUANTITY                  | 0.125
            DAYS_SUPPLY               | 1
            DAYS_SUPPLY               | 999
            DAW                       | 0
            DAW                       | 9
            PRESCRIBER_NPI            | 1234567893
            PRESCRIBER_NPI            | 1987654328
            PRESCRIBER_NPI            | 1450001239
            PRESCRIBER_NPI            | 1670123458
            PRESCRIBER_NPI            | 1558598797
            INGREDIENT_COST_SUBMITTED | 0.00
            INGREDIENT_COST_SUBMITTED | 1,234.56
            USUAL_AND_CUSTOMARY       | $19.99
            GROSS_AMOUNT_DUE          | ''
            PATIENT_PAY_AMOUNT        | 0
            AUTHORIZATION_NUMBER      | ''
            RESPONSE_STATUS           | P
            RESPONSE_STATUS           | r
            RESPONSE_STATUS           | ''
            REJECT_CODES              | 79
            REJECT_CODES              | 7, 75;MR
            REJECT_CODES              | Ø7
            PATIENT_DOB               | 1962-04-15
            """)
    void acceptsValidFieldValues(ClaimField field, String value) {
        assertThat(rules.check(field, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RX_NUMBER                 | ''                | Rx number is empty
            RX_NUMBER                 | 1234567890123     | must be 1 to 12 digits
            RX_NUMBER                 | 70O1234           | must be 1 to 12 digits
            FILL_NUMBER               | 100               | outside 0–99
            FILL_NUMBER               | -1                | not a whole number
            FILL_NUMBER               | two               | not a whole number
            DATE_OF_SERVICE           | 2025-02-30        | not a valid date
            DATE_OF_SERVICE           | 03/03/2025        | not a valid date
            DATE_OF_SERVICE           | 2025-03-11        | in the future
            DATE_OF_SERVICE           | ''                | required
            DATE_WRITTEN              | 2025-13-01        | not a valid date
            BIN                       | 99999             | exactly 6 digits
            BIN                       | 99999A            | exactly 6 digits
            BIN                       | ''                | empty
            PCN                       | ABCDEFGHIJK       | at most 10
            PCN                       | TEST PCN          | only letters, digits
            GROUP_ID                  | ABCDEFGHIJKLMNOP  | at most 15
            CARDHOLDER_ID             | ''                | required
            CARDHOLDER_ID             | ABCDEFGHIJ01234567890 | at most 20
            PERSON_CODE               | 0001              | at most 3
            NDC                       | 0002759701        | ambiguous
            NDC                       | 12345             | has 5 digits
            NDC                       | 123-4567-89       | layout 3-4-2
            NDC                       | ''                | empty
            QUANTITY                  | 0                 | more than zero
            QUANTITY                  | -30               | more than zero
            QUANTITY                  | 2.5001            | more than 3 decimals
            QUANTITY                  | thirty            | not a number
            DAYS_SUPPLY               | 0                 | outside 1–999
            DAYS_SUPPLY               | 1000              | outside 1–999
            DAW                       | 10                | one digit
            DAW                       | A                 | one digit
            PRESCRIBER_NPI            | 1234567890        | last digit should be 3
            PRESCRIBER_NPI            | 3234567893        | start with 1 or 2
            PRESCRIBER_NPI            | 123456789         | exactly 10 digits
            INGREDIENT_COST_SUBMITTED | ''                | required
            INGREDIENT_COST_SUBMITTED | 12.345            | dollars and cents
            INGREDIENT_COST_SUBMITTED | -1.00             | must not be negative
            DISPENSING_FEE_SUBMITTED  | abc               | dollars and cents
            PLAN_PAID_AMOUNT          | -21.85            | must not be negative
            AUTHORIZATION_NUMBER      | A2507100000100000000X | up to 20
            RESPONSE_STATUS           | X                 | not an NCPDP response status
            RESPONSE_STATUS           | D                 | cannot be recorded
            REJECT_CODES              | 79,ZZ             | 'ZZ' is not a known NCPDP reject code
            REJECT_CODES              | 01,04,06,07,08,09 | at most 5
            PATIENT_DOB               | 1899-12-31        | before 1900
            PATIENT_DOB               | 2026-01-01        | in the future
            """)
    void refusesInvalidFieldValuesInPlainWords(ClaimField field, String value, String expected) {
        assertThat(rules.check(field, value)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(expected).startsWith(field.label());
    }

    @Test
    void acceptsTheSampleClaimAndNormalisesIt() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.BIN, "ØØ3858");
        v.put(ClaimField.PCN, "testpcn");
        v.put(ClaimField.NDC, "0002-7597-01");

        ClaimRules.Validation result = rules.validate(v);

        assertThat(result.problems()).isEmpty();
        ClaimRules.ValidClaim c = result.claim().orElseThrow();
        assertThat(c.bin()).isEqualTo("003858");
        assertThat(c.pcn()).isEqualTo("TESTPCN");
        assertThat(c.ndc().billing()).isEqualTo("00002759701");
        assertThat(c.ndc().nativeForm()).isEqualTo("0002-7597-01");
        assertThat(c.quantity()).isEqualByComparingTo("30");
        assertThat(c.grossAmountDue()).isEqualTo(Money.parse("48.25"));
        assertThat(c.responseStatus()).isEqualTo(ResponseStatus.PAID);
        assertThat(c.key()).isEqualTo(new ClaimKey("7001234", 2, LocalDate.of(2025, 3, 3), "003858", "TESTPCN"));
    }

    @Test
    void derivesGrossAmountDueFromIngredientCostAndFeeWhenBlank() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.GROSS_AMOUNT_DUE, "");

        assertThat(rules.validate(v).claim().orElseThrow().grossAmountDue()).isEqualTo(Money.parse("48.25"));
    }

    /** Cross-field rule table: one changed field each, the field blamed and words of the message. */
    @ParameterizedTest(name = "{0} = ''{1}'' → {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DATE_WRITTEN       | 2025-03-04 | DATE_WRITTEN       | is after the date of service 2025-03-03
            GROSS_AMOUNT_DUE   | 50.00      | GROSS_AMOUNT_DUE   | does not equal ingredient cost 46.50 + dispensing fee 1.75 = 48.25
            PLAN_PAID_AMOUNT   | 40.00      | PLAN_PAID_AMOUNT   | = 50.00 is more than the gross amount due 48.25
            USUAL_AND_CUSTOMARY| 30.00      | PLAN_PAID_AMOUNT   | is more than the usual and customary charge 30.00
            PLAN_PAID_AMOUNT   | ''         | PLAN_PAID_AMOUNT   | required on a paid claim
            REJECT_CODES       | 79         | REJECT_CODES       | carries no reject codes
            RESPONSE_STATUS    | R          | REJECT_CODES       | needs at least one reject code
            """)
    void refusesInconsistentClaims(ClaimField changed, String value, ClaimField blamed, String expected) {
        Map<ClaimField, String> v = sampleClaim();
        v.put(changed, value);

        ClaimRules.Validation result = rules.validate(v);

        assertThat(result.isValid()).isFalse();
        assertThat(result.claim()).isEmpty();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(blamed);
            assertThat(p.message()).contains(expected);
        });
    }

    @Test
    void acceptsAPlanPayingTheLesserOfUsualAndCustomaryBelowGross() {
        // U&C 40.00 below gross 48.25: the plan allowed 31.85, which is within both (DOMAIN.md §1.7 "lesser of")
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.USUAL_AND_CUSTOMARY, "40.00");

        assertThat(rules.validate(v).problems()).isEmpty();
    }

    @Test
    void acceptsARejectedClaimWithKnownCodesAndNothingPaid() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.RESPONSE_STATUS, "R");
        v.put(ClaimField.REJECT_CODES, "79");
        v.put(ClaimField.PLAN_PAID_AMOUNT, "");
        v.put(ClaimField.PATIENT_PAY_AMOUNT, "");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "");

        ClaimRules.ValidClaim c = rules.validate(v).claim().orElseThrow();

        assertThat(c.responseStatus()).isEqualTo(ResponseStatus.REJECTED);
        assertThat(c.rejectCodes()).containsExactly("79");
        assertThat(c.planPaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void refusesARejectedClaimThatPaysSomething() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.RESPONSE_STATUS, "R");
        v.put(ClaimField.REJECT_CODES, "75");

        assertThat(rules.validate(v).problems()).extracting(ClaimRules.Problem::field)
                .contains(ClaimField.PLAN_PAID_AMOUNT, ClaimField.PATIENT_PAY_AMOUNT);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.PRESCRIBER_NPI, "1234567890");
        v.put(ClaimField.QUANTITY, "0");
        v.put(ClaimField.DATE_OF_SERVICE, "2025-02-30");

        assertThat(rules.validate(v).problems()).extracting(ClaimRules.Problem::field)
                .containsExactly(ClaimField.DATE_OF_SERVICE, ClaimField.QUANTITY, ClaimField.PRESCRIBER_NPI);
    }

    @Test
    void keepsThreeDecimalsOfQuantity() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.QUANTITY, "2.5");

        assertThat(rules.validate(v).claim().orElseThrow().quantity()).isEqualTo(new BigDecimal("2.500"));
    }
    @Test
    void crossCheckAloneReportsOnlyRulesWhoseFieldsAreValid() {
        Map<ClaimField, String> v = sampleClaim();
        v.put(ClaimField.GROSS_AMOUNT_DUE, "50.00");
        v.put(ClaimField.PRESCRIBER_NPI, "1234567890");
        v.put(ClaimField.DATE_WRITTEN, "not a date");

        assertThat(rules.crossCheck(v)).extracting(ClaimRules.Problem::field).containsExactly(ClaimField.GROSS_AMOUNT_DUE);
    }
}
