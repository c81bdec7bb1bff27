package org.rxledger.core.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.money.Money;

class ClaimReconciliationTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 14);
    private static final Money EXPECTED = Money.parse("45.10");

    private static RemitLine pay(String amount) {
        return new RemitLine(D, Money.parse(amount), false, false);
    }

    private static RemitLine reverse(String amount) {
        return new RemitLine(D, Money.parse(amount), true, false);
    }

    @Test
    void isUnpaidUntilSomethingIsMatched() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of()).status()).isEqualTo(ReconStatus.UNPAID);
    }

    @Test
    void isPaidWhenTheNetEqualsThePlanPaidAmountToTheCent() {
        var r = ClaimReconciliation.of(EXPECTED, List.of(pay("45.10")));
        assertThat(r.status()).isEqualTo(ReconStatus.PAID);
        assertThat(r.variance()).isEqualTo(Money.ZERO);
    }

    @Test
    void isUnderpaidByOneCent() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of(pay("45.09"))).status()).isEqualTo(ReconStatus.UNDERPAID);
    }

    @Test
    void isOverpaidWhenPaidTwice() {
        var r = ClaimReconciliation.of(EXPECTED, List.of(pay("45.10"), pay("45.10")));
        assertThat(r.status()).isEqualTo(ReconStatus.OVERPAID);
        assertThat(r.variance()).isEqualTo(Money.parse("45.10"));
    }

    @Test
    void isReversedWhenPaymentsWereTakenBackToZeroAndNotRepaid() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of(pay("45.10"), reverse("-45.10"))).status())
                .isEqualTo(ReconStatus.REVERSED);
    }

    @Test
    void isPaidAgainAfterAReversalAndAFullRepaymentAcrossRemittances() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of(pay("45.10"), reverse("-45.10"), pay("45.10"))).status())
                .isEqualTo(ReconStatus.PAID);
    }

    @Test
    void isUnderpaidWhenTheRepaymentFellShort() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of(pay("45.10"), reverse("-45.10"), pay("40.00"))).status())
                .isEqualTo(ReconStatus.UNDERPAID);
    }

    @Test
    void isDeniedWhenTheRemittanceDeniedItAndNothingWasPaid() {
        assertThat(ClaimReconciliation.of(EXPECTED, List.of(new RemitLine(D, Money.ZERO, false, true))).status())
                .isEqualTo(ReconStatus.DENIED);
    }

    @ParameterizedTest
    @CsvSource({"2025-03-14,D0_14", "2025-02-28,D0_14", "2025-02-27,D15_30", "2025-02-12,D15_30", "2025-02-11,D31_45",
            "2025-01-13,D46_60", "2025-01-12,D61_90", "2024-12-14,D61_90", "2024-12-13,D91_120", "2024-11-14,D91_120", "2024-11-13,OVER_120", "2025-03-20,D0_14"})
    void agesFromTheDateOfService(LocalDate dos, AgingBucket bucket) {
        assertThat(AgingBucket.of(dos, D)).isEqualTo(bucket);
    }
}
