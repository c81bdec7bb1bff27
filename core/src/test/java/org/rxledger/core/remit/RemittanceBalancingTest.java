package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxledger.core.money.Money;

/** The balancing rules over models built in the test (DOMAIN.md §2.6, §2.7): no file, no reader. */
class RemittanceBalancingTest {

    private static ClaimPayment claim(String status, String charge, String paid, String copay, List<Adjustment> claimCas,
                                      List<ServiceLine> lines) {
        return new ClaimPayment("1", "7001234-02", status, Money.parse(charge), Money.parse(paid),
                copay == null ? null : Money.parse(copay), "12", null, "01", "1", claimCas, List.of(), List.of(),
                List.of(), List.of(), List.of(), lines, List.of());
    }

    private static ServiceLine line(String charge, String paid, Adjustment... cas) {
        return ServiceLine.pharmacy("12345067890", Money.parse(charge), Money.parse(paid), BigDecimal.TEN,
                RemitTestData.PAID_ON, List.of(cas));
    }

    @Test
    void claimsBuiltToBalanceBalance() {
        assertThat(RemittanceBalancing.claim(RemitTestData.lineClaim("7001234-02", "48.25", "21.85", "10.00")))
                .isEmpty();
        assertThat(RemittanceBalancing.claim(RemitTestData.claimLevelClaim("6998877-01", "22", "-70.00", "-55.10",
                "-5.00"))).isEmpty();
    }

    @Test
    void aLineWhoseCasDoesNotExplainItsPaymentIsNamedByLine() {
        ClaimPayment claim = claim("1", "60.00", "40.00", "0.00", List.of(), List.of(
                line("30.00", "30.00"),
                line("30.00", "10.00", Adjustment.of("CO", "45", "15.00"), Adjustment.of("CO", "45", "5.00")),
                line("0.00", "0.00")));

        assertThat(RemittanceBalancing.claim(claim)).isEmpty();

        ClaimPayment off = claim("1", "60.00", "40.00", "0.00", List.of(), List.of(
                line("30.00", "30.00"), line("30.00", "10.00", Adjustment.of("CO", "45", "15.00"))));
        assertThat(RemittanceBalancing.claim(off)).containsExactly(
                new RemittanceBalancing.Imbalance("SVC03", 2,
                        "SVC02 30.00 minus line adjustments 15.00 comes to 15.00 but SVC03 says 10.00"),
                new RemittanceBalancing.Imbalance("CLP04", 0,
                        "CLP03 60.00 minus claim and line adjustments 15.00 comes to 45.00 but CLP04 says 40.00"));
    }

    @Test
    void patientResponsibilityMustEqualThePrAdjustmentsAndAbsentCountsAsZero() {
        List<Adjustment> cas = List.of(Adjustment.of("CO", "45", "5.00"), Adjustment.of("PR", "3", "5.00"));

        assertThat(RemittanceBalancing.claim(claim("1", "20.00", "10.00", "4.00", cas, List.of()))).containsExactly(
                new RemittanceBalancing.Imbalance("CLP05", 0,
                        "CLP05 patient responsibility says 4.00 but the PR adjustments add up to 5.00"));
        assertThat(RemittanceBalancing.claim(claim("1", "20.00", "10.00", null, cas, List.of())))
                .extracting(RemittanceBalancing.Imbalance::message)
                .containsExactly("CLP05 patient responsibility says 0.00 but the PR adjustments add up to 5.00");
    }

    @Test
    void aReversalMustCarryNegatedAmounts() {
        ClaimPayment reversal = claim(ClaimPayment.REVERSAL, "20.00", "20.00", null, List.of(), List.of());

        assertThat(RemittanceBalancing.claim(reversal)).containsExactly(new RemittanceBalancing.Imbalance("CLP04", 0,
                "a reversal (CLP02 22) must carry negated amounts, found CLP03 20.00 and CLP04 20.00"));
    }

    @Test
    void aPaymentIsItsClaimsLessItsProviderAdjustments() {
        Remittance.Transaction balanced = RemitTestData.transaction("000000001", "1", "0001", "EFT1",
                List.of(RemitTestData.lineClaim("7001234-02", "48.25", "21.85", "10.00")),
                List.of(RemitTestData.plb("WO", "6901122-00", "10.00"), RemitTestData.plb("L6", null, "-1.27")));
        assertThat(balanced.payment().amount()).isEqualTo(Money.parse("13.12"));
        assertThat(RemittanceBalancing.payment(balanced)).isEmpty();

        Remittance.Transaction off = new Remittance.Transaction(
                RemitTestData.payment("000000001", "1", "0001", "EFT1", Money.parse("21.85")), balanced.claims(),
                balanced.providerAdjustments());
        assertThat(RemittanceBalancing.payment(off)).contains(new RemittanceBalancing.Imbalance("BPR02", 0,
                "BPR02 says 21.85 but claims minus provider adjustments come to 13.12 (claims 21.85, provider "
                        + "adjustments 8.73)"));
    }
}
