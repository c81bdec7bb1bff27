package org.rxledger.app.remits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.error.RxLedgerException;

/** The payer-settings pattern check: one regex per line, groups rx (required), fill, dos only. */
class MatchingViewModelTest {

    @Test
    void blankLinesAreSkippedAndEmptyMeansDefaults() {
        assertThat(MatchingViewModel.checkPatterns("")).isEmpty();
        assertThat(MatchingViewModel.checkPatterns("\n  RX(?<rx>\\d+)F(?<fill>\\d{2})  \n\n(?<rx>\\d+)/(?<dos>\\d{8})\n"))
                .containsExactly("RX(?<rx>\\d+)F(?<fill>\\d{2})", "(?<rx>\\d+)/(?<dos>\\d{8})");
    }

    @Test
    void theDefaultsAreShownInTheOrderTheyAreTried() {
        assertThat(MatchingViewModel.defaultPatternsText().lines().map(l -> l.substring(0, l.indexOf(':'))))
                .containsExactly("rx-fill", "rx-fill-dos", "rxfill-dos", "rx-dos", "rx", "rxfill");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RX(?<rx>\\d+F                      | line 1 (RX(?<rx>\\d+F) is not a valid regular expression",
            "(?<rx>\\d+)-(?<refill>\\d+)         | group named 'refill'",
            "(?<fill>\\d{2})(\\d+)               | needs a named group (?<rx>...)",
    })
    void refusesWithTheLineAndWhatIsWrong(String pattern, String message) {
        assertThatThrownBy(() -> MatchingViewModel.checkPatterns("(?<rx>\\d+)\n" + pattern.strip()))
                .isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("line 2").hasMessageContaining(message.replace("line 1 ", ""));
    }
}
