package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchCountsTest {

    @Test
    void describesTheAutomaticRateAndLeavesOutZeroParts() {
        MatchCounts counts = new MatchCounts(490, 0, 6, 4);

        assertThat(counts.total()).isEqualTo(500);
        assertThat(counts.automaticPercent()).isEqualTo(98);
        assertThat(counts.describe()).isEqualTo("98 % matched automatically (490 of 500), 6 waiting for a clerk, 4 unmatched");
    }

    @Test
    void roundsThePercentDownSoThatAMissNeverShowsAsAHundred() {
        assertThat(new MatchCounts(999, 0, 1, 0).automaticPercent()).isEqualTo(99);
        assertThat(new MatchCounts(2, 1, 0, 0).describe()).isEqualTo("66 % matched automatically (2 of 3), 1 by a person");
    }

    @Test
    void addsCountsOfEachStoredStatus() {
        MatchCounts sum = MatchCounts.of(MatchStatus.MATCHED, 3).plus(MatchCounts.of(MatchStatus.MANUAL, 1))
                .plus(MatchCounts.of(MatchStatus.NEEDS_REVIEW, 2)).plus(MatchCounts.of(MatchStatus.UNMATCHED, 5));

        assertThat(sum).isEqualTo(new MatchCounts(3, 1, 2, 5));
        assertThat(sum.matched()).isEqualTo(4);
        assertThat(MatchCounts.NONE.describe()).isEqualTo("no claim payments");
        assertThatThrownBy(() -> new MatchCounts(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
