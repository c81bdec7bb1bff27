package org.rxledger.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1", "-", "+"})
    void formulaPrefixesGetAQuote(String value) {
        assertThat(SpreadsheetText.isFormulaLike(value)).isTrue();
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource({"SMITH,SMITH", "O'BRIEN,O'BRIEN", "-5,-5", "+1.25,+1.25", "12.30,12.30", "a=b,a=b"})
    void ordinaryTextAndPlainSignedNumbersStayAsTheyAre(String value, String expected) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(SpreadsheetText.neutralised(null)).isNull();
        assertThat(SpreadsheetText.neutralised("")).isEmpty();
    }
}
