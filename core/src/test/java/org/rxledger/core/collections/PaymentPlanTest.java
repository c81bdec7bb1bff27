package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditTrail;

/** Payment plans: the missed-payment flag as due dates pass, and no dunning escalation while a plan is kept (real H2). */
class PaymentPlanTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 10);
    private final CollectionsFixture f = new CollectionsFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static PaymentPlan.Received paid(String on, String amount) {
        return new PaymentPlan.Received(LocalDate.parse(on), Money.parse(amount));
    }

    @Test
    void aDueDateThatPassesWithoutTheInstalmentSetsTheMissedFlag() {
        PaymentPlan plan = new PaymentPlan("P1", Money.parse("20.00"), 15, START, "carol");

        assertThat(plan.status(List.of(), LocalDate.of(2025, 1, 15))).satisfies(s -> {
            assertThat(s.instalmentsDue()).as("due on the 15th, not yet passed").isZero();
            assertThat(s.missed()).isFalse();
            assertThat(s.nextDue()).isEqualTo(LocalDate.of(2025, 1, 15));
        });
        assertThat(plan.status(List.of(), LocalDate.of(2025, 1, 16)).missed()).as("the 15th passed unpaid").isTrue();
        assertThat(plan.status(List.of(paid("2025-01-14", "20.00")), LocalDate.of(2025, 1, 16)).missed()).isFalse();
        List<PaymentPlan.Received> twoMonths = List.of(paid("2025-01-14", "20.00"), paid("2025-02-20", "20.00"));
        assertThat(plan.status(twoMonths, LocalDate.of(2025, 2, 16)).missed()).as("paid late: Feb 15 missed").isTrue();
        PaymentPlan.Status caughtUp = plan.status(twoMonths, LocalDate.of(2025, 2, 21));
        assertThat(caughtUp.missed()).as("caught up before the next due date passed").isFalse();
        assertThat(caughtUp.due()).isEqualTo(Money.parse("40.00"));
        assertThat(caughtUp.paid()).isEqualTo(Money.parse("40.00"));
        assertThat(plan.status(List.of(paid("2025-01-05", "20.00")), LocalDate.of(2025, 1, 16)).missed())
                .as("a payment before the plan started does not count").isTrue();
    }

    @Test
    void theTermsAreChecked() {
        assertThatThrownBy(() -> new PaymentPlan("P1", Money.parse("0.00"), 15, START, "carol"))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("more than 0.00");
        assertThatThrownBy(() -> new PaymentPlan("P1", Money.parse("10.00"), 31, START, "carol"))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("1 to 28");
    }

    @Test
    void aKeptPlanStopsEscalationAndAMissedInstalmentResumesTheCycle() {
        f.fill(LocalDate.of(2024, 12, 20), "100.00");
        PaymentPlanService plans = new PaymentPlanService(f.db.transactions());
        assertThat(f.accounts.runStatements(CLERK, START)).hasSize(1);
        plans.start(CLERK, f.key(), Money.parse("25.00"), 1, START, "agreed by phone");
        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("25.00"), PaymentMethod.PHONE, "",
                LocalDate.of(2025, 1, 30), List.of()));

        StatementRun february = f.accounts.statementRun(CLERK, LocalDate.of(2025, 2, 10));
        assertThat(february.notices()).as("plan kept: Feb 1 paid").isEmpty();
        assertThat(february.skippedOnPlan()).isEqualTo(1);

        StatementRun march = f.accounts.statementRun(CLERK, LocalDate.of(2025, 3, 10));
        assertThat(plans.plans(LocalDate.of(2025, 3, 10))).singleElement().satisfies(s -> assertThat(s.missed()).isTrue());
        assertThat(march.notices()).as("Mar 1 missed: the cycle resumes").singleElement()
                .satisfies(n -> assertThat(n.statement().number()).isEqualTo(2));
        List<org.rxledger.core.security.AuditRecord> audit = f.db.transactions()
                .read(tx -> tx.port(AuditTrail.class).forEntity("patient_account", f.key()));
        assertThat(audit)
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("PAYMENT_PLAN_STARTED"));
    }

    @Test
    void oneActivePlanPerAccountOnABalanceAndEndedPlansStopCounting() {
        PaymentPlanService plans = new PaymentPlanService(f.db.transactions());
        assertThatThrownBy(() -> plans.start(CLERK, f.key(), Money.parse("10.00"), 5, START, ""))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("owes nothing");
        f.fill(LocalDate.of(2024, 12, 20), "100.00");
        plans.start(CLERK, f.key(), Money.parse("10.00"), 5, START, "");
        assertThatThrownBy(() -> plans.start(CLERK, f.key(), Money.parse("10.00"), 5, START, ""))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("already has a payment plan");

        plans.end(CLERK, f.key(), START.plusDays(3), "patient asked");

        assertThat(plans.plans(START.plusDays(4))).isEmpty();
        assertThatThrownBy(() -> plans.end(CLERK, f.key(), START.plusDays(5), ""))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("has no payment plan");
    }
}
