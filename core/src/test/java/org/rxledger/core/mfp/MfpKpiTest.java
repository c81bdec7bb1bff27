package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;

/**
 * The dashboard figures on the MTF file's worked example: 355.37 expected per fill; 7001234-2 (DOS 02-02) paid in full
 * on 02-10, 7001300-1 (DOS 02-03) paid 300.00 on 02-10, 7001400-0 (DOS 02-04) never paid, 7001500-1 (DOS 02-05) paid
 * on 02-25.
 */
class MfpKpiTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    private MfpFixture f;

    @BeforeEach
    void setUp() {
        f = new MfpFixture(dir);
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.store(f.claim("7001500", 1, LocalDate.of(2026, 2, 5)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void outstandingAndDaysToRefundForAPeriod() {
        MfpKpi k = f.mfp.kpi(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), AS_OF);

        // owed: 7001300 355.37 − 300.00 = 55.37, 7001400 355.37 → 410.74 on 2 fills
        assertThat(k.outstanding()).isEqualTo(Money.parse("410.74"));
        assertThat(k.outstandingCount()).isEqualTo(2);
        // days to the first payment: 02-02→02-10 8, 02-03→02-10 7, 02-05→02-25 20; sorted 7, 8, 20
        assertThat(k.refunded()).isEqualTo(3);
        assertThat(k.medianDaysToRefund()).isEqualByComparingTo("8.0");
        // (7 + 8 + 20) / 3 = 11.67 → 11.7
        assertThat(k.averageDaysToRefund()).isEqualByComparingTo("11.7");
    }

    @Test
    void aPeriodWithoutRefundsHasNoDaysAndAnEvenCountTakesTheMiddlePair() {
        MfpKpi missingOnly = f.mfp.kpi(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 4), AS_OF);
        assertThat(missingOnly.outstanding()).isEqualTo(Money.parse("355.37"));
        assertThat(missingOnly.refunded()).isZero();
        assertThat(missingOnly.medianDaysToRefund()).isNull();

        // 7 and 8 days: median (7 + 8) / 2 = 7.5
        MfpKpi two = f.mfp.kpi(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3), AS_OF);
        assertThat(two.medianDaysToRefund()).isEqualByComparingTo("7.5");
        assertThatThrownBy(() -> f.mfp.kpi(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 2), AS_OF))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("ends (2026-02-02) before it starts");
    }
}
