package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.matching.RxFill;
import org.rxledger.core.money.Money;

class MfpRulesTest {

    private static final LocalDate DUE = LocalDate.of(2026, 2, 16);

    @Test
    void theStandardDefaultIsWacMinusMfpTimesQuantityRoundedOnceToTheCent() {
        // (12.34567 − 0.50000) × 30 = 355.3701
        assertThat(MfpPrice.standardDefaultRefund(new BigDecimal("12.34567"), new BigDecimal("0.50000"),
                new BigDecimal("30"))).isEqualTo(Money.parse("355.37"));
        // (1.00005 − 1.00000) × 1000 = 0.05, where rounding the per-unit difference to the cent first would give 0.00
        assertThat(MfpPrice.standardDefaultRefund(new BigDecimal("1.00005"), new BigDecimal("1.00000"),
                new BigDecimal("1000"))).isEqualTo(Money.parse("0.05"));
        // half a cent rounds up: (2.00000 − 1.99999) × 500 = 0.005
        assertThat(MfpPrice.standardDefaultRefund(new BigDecimal("2.00000"), new BigDecimal("1.99999"),
                new BigDecimal("500"))).isEqualTo(Money.parse("0.01"));
    }

    @Test
    void theClockRunsFourteenDays() {
        assertThat(MfpRules.due(LocalDate.of(2026, 2, 2))).isEqualTo(DUE);
    }

    @ParameterizedTest(name = "expected {0}, received {1} on {2}, as of {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "355.37, 0.00,   -,          2026-02-16, EXPECTED",
            "355.37, 0.00,   -,          2026-02-17, MISSING",
            "355.37, 355.37, 2026-02-10, 2026-03-01, PAID",
            "355.37, 355.36, 2026-02-10, 2026-03-01, PAID",
            "355.37, 355.35, 2026-02-10, 2026-03-01, SHORT",
            "355.37, 355.39, 2026-02-10, 2026-03-01, OVERPAID",
            "355.37, 355.37, 2026-02-17, 2026-03-01, LATE",
            "355.37, 100.00, 2026-02-10, 2026-02-11, SHORT"})
    void theStateFollowsAmountsAndDates(String expected, String received, LocalDate paidOn, LocalDate asOf,
                                        RefundState state) {
        assertThat(MfpRules.state(Money.parse(expected), Money.parse(received), paidOn, DUE, asOf, false)).isEqualTo(state);
    }

    @Test
    void aReversedClaimWithMoneyKeptIsReversed() {
        assertThat(MfpRules.state(Money.parse("10.00"), Money.parse("10.00"), DUE, DUE, DUE, true))
                .isEqualTo(RefundState.REVERSED);
    }

    @Test
    void theKindFollowsClp02AndEarlierPayments() {
        assertThat(MfpRules.kind("1", Money.parse("5.00"), false)).isEqualTo(RefundKind.ORIGINAL);
        assertThat(MfpRules.kind("1", Money.parse("5.00"), true)).isEqualTo(RefundKind.ADJUSTMENT);
        assertThat(MfpRules.kind("22", Money.parse("-5.00"), true)).isEqualTo(RefundKind.REVERSAL);
        assertThat(MfpRules.kind("1", Money.parse("-5.00"), true)).isEqualTo(RefundKind.REVERSAL);
    }

    @Test
    void theMtfSpellingOfClp01IsReadFirstAndThePlansSpellingsStillWork() {
        assertThat(MfpClp01.readings("000000318553FILL1"))
                .extracting(RxFill::rx, RxFill::fill).containsExactly(org.assertj.core.groups.Tuple.tuple("318553", 1));
        assertThat(MfpClp01.readings("7001234-02")).extracting(RxFill::rx, RxFill::fill)
                .contains(org.assertj.core.groups.Tuple.tuple("7001234", 2));
        assertThat(MfpClp01.readings(null)).isEqualTo(List.of());
    }

    @Test
    void theWorkARefundNeedsFollowsItsStateAndASecondFullPaymentIsADuplicate() {
        RefundReceipt first = new RefundReceipt(1, 9, 11, "T1", RefundKind.ORIGINAL, Money.parse("355.37"), DUE);
        RefundReceipt again = new RefundReceipt(2, 9, 12, "T2", RefundKind.ADJUSTMENT, Money.parse("355.37"), DUE);
        RefundReceipt back = new RefundReceipt(3, 9, 13, "T3", RefundKind.REVERSAL, Money.parse("-355.37"), DUE);
        RefundReceipt more = new RefundReceipt(4, 9, 14, "T4", RefundKind.ADJUSTMENT, Money.parse("20.00"), DUE);

        assertThat(MfpRules.workItem(RefundState.MISSING, List.of())).isEqualTo(MfpWorkItem.NOT_RECEIVED);
        assertThat(MfpRules.workItem(RefundState.SHORT, List.of(first))).isEqualTo(MfpWorkItem.SHORT);
        assertThat(MfpRules.workItem(RefundState.REVERSED, List.of(first))).isEqualTo(MfpWorkItem.REVERSED_CLAIM);
        assertThat(MfpRules.workItem(RefundState.OVERPAID, List.of(first, again))).isEqualTo(MfpWorkItem.DUPLICATE);
        // paid, taken back, paid again: not a duplicate; 355.37 + 20.00 against 355.37 is an overpayment
        assertThat(MfpRules.workItem(RefundState.PAID, List.of(first, back, again))).isNull();
        assertThat(MfpRules.workItem(RefundState.OVERPAID, List.of(first, back, again, more))).isEqualTo(MfpWorkItem.OVERPAID);
        assertThat(MfpRules.workItem(RefundState.WRITTEN_OFF, List.of())).isNull();
    }
}
