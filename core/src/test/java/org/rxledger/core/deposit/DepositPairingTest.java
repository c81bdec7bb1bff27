package org.rxledger.core.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxledger.core.money.Money;

class DepositPairingTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private static RemittedPayment payment(long id, String trace, String amount) {
        return new RemittedPayment(id, "PAYER " + id, trace, Money.parse(amount), "ACH", DAY);
    }

    private static Deposit deposit(long id, String trace, String amount) {
        return new Deposit(id, DAY.plusDays(1), Money.parse(amount), trace, DepositMethod.ACH, null, null, "MANUAL",
                Instant.EPOCH, "clerk1", null);
    }

    @Test
    void pairsOnTraceAndAmountIgnoringCaseSpacesAndPaddingZeros() {
        DepositPairing p = DepositPairing.of(List.of(payment(1, "EFT0314A77", "206.82"), payment(2, "000123", "50.00")),
                List.of(deposit(10, " eft0314a77", "206.82"), deposit(11, "123", "50.00")));

        assertThat(p.paired()).extracting(x -> x.deposit().id()).containsExactly(10L, 11L);
        assertThat(p.paymentsWithoutDeposit()).isEmpty();
        assertThat(p.depositsWithoutRemittance()).isEmpty();
        assertThat(p.amountMismatches()).isEmpty();
    }

    @Test
    void aTraceWithAnotherAmountIsAMismatchNotAPair() {
        DepositPairing p = DepositPairing.of(List.of(payment(1, "EFT1", "206.82")), List.of(deposit(10, "EFT1", "205.82")));

        assertThat(p.paired()).isEmpty();
        assertThat(p.amountMismatches()).singleElement().satisfies(m -> {
            assertThat(m.payment().paymentId()).isEqualTo(1);
            assertThat(m.deposit().id()).isEqualTo(10);
            assertThat(m.difference()).isEqualTo(Money.parse("-1.00"));
        });
        assertThat(p.paymentsWithoutDeposit()).isEmpty();
        assertThat(p.depositsWithoutRemittance()).isEmpty();
    }

    @Test
    void eachDepositPaysOnePaymentAtMostAndLeftoversAreListed() {
        DepositPairing p = DepositPairing.of(
                List.of(payment(1, "CHK100", "10.00"), payment(2, "CHK100", "10.00"), payment(3, "EFT9", "99.99")),
                List.of(deposit(10, "CHK100", "10.00"), deposit(11, "EFT7", "7.00")));

        assertThat(p.paired()).extracting(x -> x.payment().paymentId()).containsExactly(1L);
        assertThat(p.paymentsWithoutDeposit()).extracting(RemittedPayment::paymentId).containsExactly(2L, 3L);
        assertThat(p.depositsWithoutRemittance()).extracting(Deposit::id).containsExactly(11L);
    }

    @Test
    void aVoidedDepositPairsWithNothing() {
        Deposit voided = new Deposit(10, DAY, Money.parse("5.00"), "T1", DepositMethod.CHK, null, null, "MANUAL",
                Instant.EPOCH, "clerk1", "typed twice");
        DepositPairing p = DepositPairing.of(List.of(payment(1, "T1", "5.00")), List.of(voided));

        assertThat(p.paired()).isEmpty();
        assertThat(p.paymentsWithoutDeposit()).hasSize(1);
        assertThat(p.depositsWithoutRemittance()).isEmpty();
    }

    @Test
    void normalisingKeepsSignificantZeros() {
        assertThat(DepositPairing.normalise("EFT-000120")).isEqualTo("EFT-120");
        assertThat(DepositPairing.normalise("A100")).isEqualTo("A100");
        assertThat(DepositPairing.normalise("0")).isEqualTo("0");
        assertThat(DepositPairing.normalise("1000")).isEqualTo("1000");
    }
}
