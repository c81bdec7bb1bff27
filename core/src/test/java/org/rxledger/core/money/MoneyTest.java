package org.rxledger.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.3      | 12.30",
            "-5        | -5.00",
            "'1,234.56'| 1234.56",
            "$7        | 7.00",
            "0         | 0.00"})
    void parsesClerkFormsToTwoDecimals(String text, String expected) {
        assertThat(Money.parse(text).toString()).isEqualTo(expected);
    }

    @Test
    void refusesFractionsOfACentInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractions of a cent");
    }

    @Test
    void refusesTextThatIsNotAnAmountInPlainWords() {
        assertThatThrownBy(() -> Money.parse("12.3x")).hasMessageContaining("'12.3x' is not an amount");
    }

    @Test
    void sumsExactlyWhereDoublesWouldDrift() {
        List<Money> tenCents = java.util.Collections.nCopies(10, Money.parse("0.10"));
        assertThat(Money.sum(tenCents)).isEqualTo(Money.parse("1.00"));
        assertThat(Money.parse("0.1").plus(Money.parse("0.2"))).isEqualTo(Money.parse("0.30"));
    }

    @Test
    void equalityIgnoresTheWayTheValueWasWritten() {
        assertThat(Money.parse("5")).isEqualTo(Money.ofCents(500)).hasSameHashCodeAs(Money.parse("5.00"));
        assertThat(Money.parse("-55.10").negate().cents()).isEqualTo(5510);
    }
}
