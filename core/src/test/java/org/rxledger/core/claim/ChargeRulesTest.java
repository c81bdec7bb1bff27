package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules charge entry added to the one rule set (issue 3), as tables. */
class ChargeRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);
    private final ClaimRules rules = new ClaimRules(CLOCK);

    @ParameterizedTest(name = "{0} = ''{1}'' is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            RELATIONSHIP_CODE    | ''
            RELATIONSHIP_CODE    | 0
            RELATIONSHIP_CODE    | 4
            OTHER_COVERAGE_CODE  | 8
            SCC_CODES            | ''
            SCC_CODES            | 03
            SCC_CODES            | 3
            SCC_CODES            | 03,04,05
            SCC_CODES            | 42 47
            SCC_CODES            | 99
            INGREDIENT_COST_PAID | ''
            INGREDIENT_COST_PAID | 30.10
            DISPENSING_FEE_PAID  | 0
            CHANNEL              | ''
            CHANNEL              | paper
            CHANNEL              | UCF
            CHANNEL              | E
            DAW                  | 9
            DAYS_SUPPLY          | 1
            DAYS_SUPPLY          | 999
            QUANTITY             | 0.001
            """)
    void acceptsField(ClaimField field, String value) {
        assertThat(rules.check(field, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RELATIONSHIP_CODE    | 5           | must be one digit 0–4
            RELATIONSHIP_CODE    | X           | must be one digit 0–4
            OTHER_COVERAGE_CODE  | 9           | must be one digit 0–8
            SCC_CODES            | 40          | not a known submission clarification code
            SCC_CODES            | 03,04,05,06 | at most 3
            SCC_CODES            | AB          | not a two-digit clarification code
            INGREDIENT_COST_PAID | -1.00       | must not be negative
            DISPENSING_FEE_PAID  | 1.2.3       | not an amount
            CHANNEL              | fax         | must be ELECTRONIC or PAPER
            DAW                  | 10          | one digit 0–9
            DAYS_SUPPLY          | 0           | outside 1–999
            DAYS_SUPPLY          | 1000        | outside 1–999
            QUANTITY             | 0           | more than zero
            NDC                  | 1234        | digits
            PRESCRIBER_NPI       | 1234567890  | check digit
            BIN                  | 12345       | 6 digits
            DATE_OF_SERVICE      | 2025-03-11  | future
            REJECT_CODES         | ZZ          | not a known NCPDP reject code
            """)
    void refusesFieldInPlainWords(ClaimField field, String value, String expected) {
        assertThat(rules.check(field, value)).hasValueSatisfying(m -> assertThat(m).contains(expected).startsWith(field.label()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            paid components match plan paid              | P | 30.10 | 1.75 | 21.85 | 10.00 | ''       | ''      |
            plan paid off by a cent                      | P | 30.10 | 1.75 | 21.84 | 10.00 | ''       | ''      | PLAN_PAID_AMOUNT: does not match ingredient cost paid 30.10 + dispensing fee paid 1.75 − patient pay 10.00 = 21.85
            only one paid component                      | P | 30.10 | ''   | 21.85 | 10.00 | ''       | ''      | DISPENSING_FEE_PAID: is needed when
            paper claim without authorization            | P | ''    | ''   | 21.85 | 10.00 | PAPER    | ''      |
            paper claim with an authorization number     | P | ''    | ''   | 21.85 | 10.00 | PAPER    | A123    | AUTHORIZATION_NUMBER: paper (UCF) claim has no NCPDP authorization number
            rejected claim with a paid component         | R | 30.10 | ''   | 0     | 0     | ''       | ''      | INGREDIENT_COST_PAID: must be blank on a rejected claim
            """)
    void crossFieldRules(String name, String status, String ingredientPaid, String feePaid, String planPaid, String patientPay,
                         String channel, String auth, String expected) {
        Map<ClaimField, String> v = new java.util.EnumMap<>(ClaimRulesTest.sampleClaim());
        v.put(ClaimField.RESPONSE_STATUS, status);
        v.put(ClaimField.REJECT_CODES, "R".equals(status) ? "79" : "");
        v.put(ClaimField.INGREDIENT_COST_PAID, ingredientPaid);
        v.put(ClaimField.DISPENSING_FEE_PAID, feePaid);
        v.put(ClaimField.PLAN_PAID_AMOUNT, planPaid);
        v.put(ClaimField.PATIENT_PAY_AMOUNT, patientPay);
        v.put(ClaimField.CHANNEL, channel);
        v.put(ClaimField.AUTHORIZATION_NUMBER, "R".equals(status) || "PAPER".equals(channel) ? auth : "A25071000001");
        ClaimRules.Validation result = rules.validate(v);
        if (expected == null || expected.isEmpty()) {
            assertThat(result.problems()).isEmpty();
        } else {
            String[] parts = expected.split(": ", 2);
            assertThat(result.problems()).anySatisfy(p -> {
                assertThat(p.field()).isEqualTo(ClaimField.valueOf(parts[0]));
                assertThat(p.message()).contains(parts[1]);
            });
        }
    }

    @ParameterizedTest(name = "date written {0} with DOS 2025-03-03 → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-03-03 | true
            2024-12-15 | true
            2025-03-04 | false
            """)
    void dateWrittenIsNotAfterTheDateOfService(String written, boolean ok) {
        Map<ClaimField, String> v = new java.util.EnumMap<>(ClaimRulesTest.sampleClaim());
        v.put(ClaimField.DATE_WRITTEN, written);
        assertThat(rules.crossCheck(v).isEmpty()).isEqualTo(ok);
    }

    @org.junit.jupiter.api.Test
    void validClaimCarriesTheChargeEntryFields() {
        Map<ClaimField, String> v = new java.util.EnumMap<>(ClaimRulesTest.sampleClaim());
        v.put(ClaimField.SCC_CODES, "3, 4");
        v.put(ClaimField.RELATIONSHIP_CODE, "1");
        v.put(ClaimField.CHANNEL, "paper");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "");
        ClaimRules.ValidClaim c = rules.validate(v).claim().orElseThrow();
        assertThat(c.sccCodes()).isEqualTo("03,04");
        assertThat(c.relationshipCode()).isEqualTo("1");
        assertThat(c.otherCoverageCode()).isEqualTo("0");
        assertThat(c.channel()).isEqualTo(Channel.PAPER);
        assertThat(c.authorizationNumber()).isNull();
    }
}
