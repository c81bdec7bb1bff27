package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimReversals;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliation.PayerDay;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.recon.RollForwardLine;
import org.rxledger.core.recon.VarianceCategory;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;

/**
 * Daily reconciliation over real H2 with the real migrations: four business days of adjudications, a counter
 * reversal, payments with a short pay, an unmatched line, PLB, a payer reversal and a repayment, a denial, a
 * deposit — and an unposting. Every day's roll-forward must equal the ledger's receivable to the cent.
 */
class DailyReconciliationTest {

    static final LocalDate D1 = LocalDate.of(2025, 3, 3);
    static final LocalDate D2 = LocalDate.of(2025, 3, 4);
    static final LocalDate D3 = LocalDate.of(2025, 3, 10);
    static final LocalDate D4 = LocalDate.of(2025, 3, 12);
    static final String ACME = "ACME RX SOLUTIONS";

    @TempDir
    Path dir;

    PostingFixture f;
    DailyReconciliationService daily;
    Claim a;
    Claim b;
    Claim c;
    Claim d;
    Claim e;
    private int control = 500;

    private static Money m(String s) {
        return Money.parse(s);
    }

    private Claim claim(String rx, LocalDate dos, String planPaid) {
        return f.store(f.claim().rx(rx).fill(1).dateOfService(dos).authorization("AUTH" + rx).planPaid(planPaid));
    }

    private Remittance.Transaction payment(String trace, LocalDate date, List<ClaimPayment> claims,
                                           List<ProviderAdjustment> plb) {
        return RemittanceBuilder.payment(PostingFixture.PARTIES, trace, date, control++, claims, plb);
    }

    @BeforeEach
    void fourBusinessDays() {
        f = new PostingFixture(dir);
        daily = new DailyReconciliationService(f.db.transactions());
        a = claim("7000001", D1, "21.85");
        b = claim("7000002", D1, "30.00");
        c = claim("7000003", D1, "15.00");
        d = claim("7000004", D2, "12.50");
        e = claim("7000005", D2, "40.00");
        f.db.transactions().inTransaction(tx -> ClaimReversals.reverse(tx, c.id(), D2, "returned to stock"));
        // D3: A paid in full, B short by 5.00 (CO beyond the adjudicated price), a line for no claim, a WO recoupment
        f.importPayments("t1.835", payment("T1", D3, List.of(PostingFixture.paid("7000001-01", a, "21.85"),
                PostingFixture.paid("7000002-01", b, "25.00"),
                PostingFixture.paid("9999999-01", "NOSUCHAUTH", LocalDate.of(2025, 2, 1), d, "7.00")),
                List.of(PostingFixture.plb("WO", "7000002-01", "3.00"))));
        new DepositService(f.db.transactions()).record(new NewDeposit(D3, m("50.85"), "T1", DepositMethod.ACH, null, null));
        // D4: A reversed and repaid short, E paid, D denied, interest paid by PLB L6; no deposit yet
        f.importPayments("t2.835", payment("T2", D4, List.of(PostingFixture.reversal("7000001-01", a, "21.85"),
                PostingFixture.paid("7000001-01", a, "20.00"), PostingFixture.paid("7000005-01", e, "40.00"),
                PostingFixture.denied("7000004-01", d, "16")), List.of(PostingFixture.plb("L6", "PROMPT PAY", "-1.00"))));
    }

    @Test
    void everyDaysRollForwardEqualsTheLedgerToTheCentAndChainsIntoTheNext() {
        List<DailyReconciliation> days = daily.days(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        assertThat(days).extracting(DailyReconciliation::date).containsExactly(D1, D2, D3, D4);
        Money previousClosing = Money.ZERO;
        for (DailyReconciliation day : days) {
            DailyReconciliation.RollForward rf = day.total().rollForward();
            assertThat(rf.opening()).as("opening of %s", day.date()).isEqualTo(previousClosing);
            assertThat(rf.difference()).as("roll-forward difference on %s", day.date()).isEqualTo(Money.ZERO);
            assertThat(rf.computedClosing()).isEqualTo(rf.closing());
            assertThat(day.variance(ACME, VarianceCategory.ROLL_FORWARD_DIFFERENCE)).isEqualTo(Money.ZERO);
            previousClosing = rf.closing();
        }
        assertThat(previousClosing).isEqualTo(f.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));
        Money aged = new ReconciliationService(f.db.transactions()).aging(D4).stream()
                .map(ReconciliationService.PayerAging::total).reduce(Money.ZERO, Money::plus);
        assertThat(previousClosing).isEqualTo(aged);
    }

    @Test
    void adjudicationDaysShowNewReceivablesAndCounterReversals() {
        PayerDay first = daily.day(D1).payer(ACME);
        assertThat(first.claims()).isEqualTo(3);
        assertThat(first.expected()).isEqualTo(m("66.85"));
        assertThat(first.rollForward().movement(RollForwardLine.NEW_RECEIVABLES)).isEqualTo(m("66.85"));
        assertThat(first.rollForward().closing()).isEqualTo(m("66.85"));

        PayerDay second = daily.day(D2).payer(ACME);
        assertThat(second.claims()).isEqualTo(2);
        assertThat(second.expected()).isEqualTo(m("52.50"));
        assertThat(second.rollForward().movement(RollForwardLine.COUNTER_REVERSALS)).isEqualTo(m("-15.00"));
        assertThat(second.rollForward().closing()).isEqualTo(m("104.35"));
    }

    /** Issue 20: a claim the plan pays $0.00 (the patient pays it all) was adjudicated too, though it owes nothing. */
    @Test
    void claimsAdjudicatedCountsClaimsWithNothingExpected() {
        PayerDay before = daily.day(D1).payer(ACME);
        claim("7000009", D1, "0.00");
        PayerDay after = daily.day(D1).payer(ACME);
        assertThat(after.claims()).isEqualTo(before.claims() + 1);
        assertThat(after.expected()).isEqualTo(before.expected());
        assertThat(before.claims()).isEqualTo(3);
    }

    @Test
    void aPaymentDayShowsReceivedPostedPlbAndItsVariances() {
        DailyReconciliation day = daily.day(D3);
        PayerDay acme = day.payer(ACME);
        assertThat(acme.payments()).isEqualTo(1);
        assertThat(acme.received()).isEqualTo(m("50.85"));
        assertThat(acme.posted()).isEqualTo(m("50.85"));
        assertThat(acme.cashToClaims()).isEqualTo(m("46.85"));
        assertThat(acme.unapplied()).isEqualTo(m("7.00"));
        // one PLB sign everywhere (issue 20): the payer row says what the PLB list says, +3.00 taken by the WO
        assertThat(acme.plbTaken()).isEqualTo(m("3.00"));
        assertThat(acme.posted()).isEqualTo(acme.cashToClaims().plus(acme.unapplied()).minus(acme.plbTaken()));
        DailyReconciliation.RollForward rf = acme.rollForward();
        assertThat(rf.opening()).isEqualTo(m("104.35"));
        assertThat(rf.movement(RollForwardLine.PAYMENTS)).isEqualTo(m("-46.85"));
        assertThat(rf.movement(RollForwardLine.CONTRACTUAL)).isEqualTo(m("-5.00"));
        assertThat(rf.closing()).isEqualTo(m("52.50"));
        assertThat(day.plb()).containsExactly(new DailyReconciliation.PlbTotal(ACME, "WO", 1, m("3.00")));
        assertThat(day.variance(ACME, VarianceCategory.SHORT_PAID)).isEqualTo(m("5.00"));
        assertThat(day.variance(ACME, VarianceCategory.UNMATCHED_CASH)).isEqualTo(m("7.00"));
        assertThat(day.deposited()).isEqualTo(m("50.85"));
        assertThat(day.variance(DailyReconciliation.ALL_PAYERS, VarianceCategory.DEPOSITS_VS_PAYMENTS)).isEqualTo(Money.ZERO);
        assertThat(day.variance(ACME, VarianceCategory.PAYMENT_WITHOUT_DEPOSIT)).isEqualTo(Money.ZERO);
        assertThat(day.closed()).isFalse();
    }

    @Test
    void aReversalDayShowsTheTakeBackTheRepaymentTheDenialAndTheMissingDeposit() {
        DailyReconciliation day = daily.day(D4);
        PayerDay acme = day.payer(ACME);
        assertThat(acme.received()).isEqualTo(m("39.15"));
        assertThat(acme.posted()).isEqualTo(m("39.15"));
        DailyReconciliation.RollForward rf = acme.rollForward();
        assertThat(rf.movement(RollForwardLine.PAYMENT_REVERSALS)).isEqualTo(m("21.85"));
        assertThat(rf.movement(RollForwardLine.PAYMENTS)).isEqualTo(m("-60.00"));
        assertThat(rf.difference()).isEqualTo(Money.ZERO);
        assertThat(day.variance(ACME, VarianceCategory.REVERSED_AFTER_PAYMENT)).isEqualTo(m("21.85"));
        assertThat(day.variance(ACME, VarianceCategory.DENIED)).isEqualTo(m("12.50"));
        assertThat(day.variance(ACME, VarianceCategory.SHORT_PAID)).isEqualTo(m("1.85"));
        assertThat(day.variance(ACME, VarianceCategory.PAYMENT_WITHOUT_DEPOSIT)).isEqualTo(m("39.15"));
        assertThat(day.variance(DailyReconciliation.ALL_PAYERS, VarianceCategory.DEPOSITS_VS_PAYMENTS)).isEqualTo(m("-39.15"));
        assertThat(day.plb()).containsExactly(new DailyReconciliation.PlbTotal(ACME, "L6", 1, m("-1.00")));
    }

    @Test
    void unpostingAPaymentRestatesItsDayAndStillBalances() {
        new PostingService(f.db.transactions()).unpost(f.paymentId("T2"), "posted to the wrong period");
        DailyReconciliation day = daily.day(D4);
        PayerDay acme = day.payer(ACME);
        assertThat(acme.posted()).isEqualTo(Money.ZERO);
        assertThat(acme.rollForward().opening()).isEqualTo(acme.rollForward().closing());
        assertThat(acme.rollForward().difference()).isEqualTo(Money.ZERO);
        assertThat(day.variance(ACME, VarianceCategory.RECEIVED_NOT_POSTED)).isEqualTo(m("39.15"));
        assertThat(acme.rollForward().closing()).isEqualTo(f.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));
    }

    @Test
    void aQuietDayStillShowsTheOpenReceivableAndAnEmptyOfficeShowsNothing() {
        DailyReconciliation quiet = daily.day(LocalDate.of(2025, 3, 5));
        assertThat(quiet.total().rollForward().opening()).isEqualTo(m("104.35"));
        assertThat(quiet.total().rollForward().closing()).isEqualTo(m("104.35"));
        assertThat(quiet.total().claims()).isZero();
        assertThat(daily.activityRange()).hasValueSatisfying(r -> assertThat(r).containsExactly(D1, D4));
        assertThatThrownBy(() -> daily.days(D4, D1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
    }
}
