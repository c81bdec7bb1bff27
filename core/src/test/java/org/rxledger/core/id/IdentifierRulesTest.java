package org.rxledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Worked examples from DOMAIN.md §8 and §11. */
class IdentifierRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1987654328", "1450001239", "1670123458", "1558598797"})
    void acceptsNpisWithAValidLuhnCheckDigit(String npi) {
        assertThat(Npi.isValid(npi)).isTrue();
        assertThat(Npi.of(npi).value()).isEqualTo(npi);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567890 | fails the check digit (last digit should be 3)",
            "123456789  | must be exactly 10 digits",
            "12345678901| must be exactly 10 digits",
            "3234567893 | must start with 1 or 2",
            "12345A7893 | must be exactly 10 digits"})
    void refusesBadNpisSayingWhy(String npi, String reason) {
        assertThat(Npi.problem(npi)).contains(reason);
        assertThatThrownBy(() -> Npi.of(npi)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("NPI: ");
    }

    @Test
    void computesTheNpiCheckDigitOfTheWorkedExample() {
        assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB1234563", "AP5836727", "F91234563-001AB", "ab1234563"})
    void acceptsDeaNumbersWithAValidCheckDigit(String dea) {
        assertThat(Dea.isValid(dea)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AB1234567 | last digit should be 3",
            "A11234563 | must be 2 letters and 7 digits",
            "AB123456  | must be 2 letters and 7 digits",
            "''        | is empty"})
    void refusesBadDeaNumbersSayingWhy(String dea, String reason) {
        assertThat(Dea.problem(dea)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0002-7597-01  | 00002759701 | 00002-7597-01",
            "50242-040-62  | 50242004062 | 50242-0040-62",
            "60575-4112-1  | 60575411201 | 60575-4112-01",
            "00002-7597-01 | 00002759701 | 00002-7597-01",
            "00002759701   | 00002759701 | 00002-7597-01"})
    void convertsEveryNdcLayoutToTheElevenDigitBillingForm(String raw, String billing, String hyphenated) {
        Ndc ndc = Ndc.parse(raw);
        assertThat(ndc.billing()).isEqualTo(billing);
        assertThat(ndc.hyphenated()).isEqualTo(hyphenated);
    }

    @Test
    void keepsTheNativeTenDigitFormBecauseItCannotBeRecoveredFromElevenDigits() {
        assertThat(Ndc.parse("50242-040-62").nativeForm()).isEqualTo("50242-040-62");
        assertThat(Ndc.parse("50242004062").nativeForm()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5024204062    | layout (4-4-2, 5-3-2 or 5-4-1) is ambiguous",
            "502420406     | has 9 digits (expected 11)",
            "50242-04-062  | has layout 5-2-3",
            "5024-20406-2  | has layout 4-5-1",
            "50242-040     | must have three segments",
            "5O242004062   | may contain only digits and hyphens"})
    void refusesNdcsWhoseLayoutIsWrongOrAmbiguous(String raw, String reason) {
        assertThat(Ndc.problem(raw)).contains(reason);
        assertThatThrownBy(() -> Ndc.parse(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void normalisesSlashedZerosInBins() {
        assertThat(new Bin("ØØ3858").value()).isEqualTo("003858");
        assertThat(Bin.problem("61001")).contains("exactly 6 digits");
        assertThat(Bin.problem("61001A")).contains("exactly 6 digits");
    }

    @Test
    void limitsRxNumbersToTwelveDigitsAndFillsToNinetyNine() {
        assertThat(RxNumber.problem("700123412345")).isNull();
        assertThat(RxNumber.problem("7001234123456")).contains("1 to 12 digits");
        assertThat(RxNumber.problem("70012A")).contains("1 to 12 digits");
        assertThat(RxNumber.fillProblem(0)).isNull();
        assertThat(RxNumber.fillProblem(99)).isNull();
        assertThat(RxNumber.fillProblem(100)).contains("outside 0–99");
        assertThat(RxNumber.fillProblem(-1)).contains("outside 0–99");
    }
}
