package org.rxledger.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Clp01PatternsTest {

    private final Clp01Patterns patterns = new Clp01Patterns();

    @Test
    void readsRxAndFillSeparatedByAHyphen() {
        assertThat(patterns.decode(null, "7001234-02")).extracting(RxFill::rx, RxFill::fill)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7001234", 2));
    }

    @Test
    void readsRunTogetherDigitsBothAsAnRxAndAsRxPlusTwoDigitFill() {
        List<RxFill> readings = patterns.decode(null, "700123402");
        assertThat(readings).extracting(RxFill::rx, RxFill::fill).containsExactly(
                org.assertj.core.groups.Tuple.tuple("700123402", null), org.assertj.core.groups.Tuple.tuple("7001234", 2));
    }

    @Test
    void readsAnAppendedDateOfService() {
        assertThat(patterns.decode(null, "700123402-20250303")).extracting(RxFill::dateOfService)
                .contains(LocalDate.of(2025, 3, 3));
        assertThat(patterns.decode(null, "7001234-02-20250303").get(0))
                .isEqualTo(new RxFill("7001234", 2, LocalDate.of(2025, 3, 3), "rx-fill-dos"));
    }

    @Test
    void ignoresEightDigitsThatAreNotADate() {
        assertThat(patterns.decode(null, "7001234-20251399")).isEmpty();
    }

    @Test
    void returnsNothingForTextThatIsNoRxNumber() {
        assertThat(patterns.decode(null, "SMITH JOHN")).isEmpty();
        assertThat(patterns.decode(null, null)).isEmpty();
    }

    @Test
    void refusesAPayerPatternWithoutAnRxGroup() {
        assertThatThrownBy(() -> patterns.forPayer("X", List.of("(\\d+)")))
                .hasMessageContaining("needs a named group (?<rx>...)");
    }

    @Test
    void refusesAPayerPatternWithAGroupNothingReads() {
        assertThatThrownBy(() -> patterns.forPayer("X", List.of("(?<rx>\\d+)-(?<refill>\\d+)")))
                .hasMessageContaining("has a group named 'refill'");
    }

    @Test
    void aPayerPatternWhoseFillIsNotANumberDoesNotApplyRatherThanFailingTheImport() {
        patterns.forPayer("LOOSE PBM", List.of("(?<rx>\\d{7})(?<fill>.*)"));
        assertThat(patterns.decode("LOOSE PBM", "7001234AB")).isEmpty();
        assertThat(patterns.decode("LOOSE PBM", "700123402")).extracting(RxFill::rx, RxFill::fill)
                .contains(org.assertj.core.groups.Tuple.tuple("7001234", 2));
    }
}
