package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceTest {

    @ParameterizedTest(name = "''{0}'' compares as ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "EFT0314A77       | EFT314A77",
            "eft0314a77       | EFT314A77",
            "'  eft-000123 '  | EFT-123",
            "0001234          | 1234",
            "1000             | 1000",
            "0                | 0",
            "'CHK 00045-007'  | CHK45-7"})
    void tracesCompareWithoutCaseSpacesOrPaddingZeros(String trace, String key) {
        assertThat(Trace.normalise(trace)).isEqualTo(key);
        assertThat(new Trace("1", trace, "1999999999", null).key()).isEqualTo(key);
    }
}
