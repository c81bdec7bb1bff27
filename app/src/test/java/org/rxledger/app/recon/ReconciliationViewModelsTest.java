package org.rxledger.app.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ReconWeek;

/** The Daily, Claims and Aging view models over real H2, with the synchronous runner (no screen). */
class ReconciliationViewModelsTest {

    static final LocalDate PAID_ON = ReconWeek.PAID_ON;

    @TempDir
    Path dir;

    private Database db;
    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final List<Notice> notices = new ArrayList<>();

    @BeforeEach
    void office() throws Exception {
        db = TestStores.freshDatabase();
        ReconWeek.create(db, dir, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void dailyOpensOnTheLastActiveDayStepsByDayAndShowsTheSelectedPayersRollForward() {
        DailyViewModel vm = new DailyViewModel(new DailyReconciliationService(db.transactions()), runner, notices::add, db.transactions().clock());
        vm.shown();
        assertThat(vm.dateProperty().get()).isEqualTo(PAID_ON);
        assertThat(vm.payers()).extracting(p -> p.payer()).containsExactly("ACME RX SOLUTIONS", "All payers");
        assertThat(vm.summaryProperty().get()).startsWith("Open").contains("1 payment received 46.85");
        assertThat(vm.rollForward()).last().satisfies(l -> {
            assertThat(l.label()).isEqualTo("Difference");
            assertThat(l.amount()).isEqualTo(Money.ZERO);
        });
        assertThat(vm.rollForwardTitleProperty().get()).contains("All payers", "agrees with the ledger");

        vm.selectedPayerProperty().set(vm.payers().get(0));
        assertThat(vm.rollForwardTitleProperty().get()).contains("ACME RX SOLUTIONS");
        assertThat(vm.rollForward()).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("Payments applied (CLP04)");
            assertThat(l.amount()).isEqualTo(Money.parse("-46.85"));
        });

        vm.previousDay();
        assertThat(vm.dateProperty().get()).isEqualTo(PAID_ON.minusDays(1));
        assertThat(vm.payers().get(1).payments()).isZero();
        assertThat(vm.payers().get(1).rollForward().closing()).isEqualTo(Money.parse("66.85"));
        vm.nextDay();
        vm.nextDay();
        assertThat(vm.dateProperty().get()).isEqualTo(PAID_ON.plusDays(1));
        assertThat(vm.payers().get(1).rollForward().opening()).isEqualTo(Money.parse("15.00"));
        assertThat(notices).isEmpty();
    }

    @Test
    void aDayWithNothingInItIsNotCalledClosed() {
        DailyViewModel vm = new DailyViewModel(new DailyReconciliationService(db.transactions()), runner, notices::add, db.transactions().clock());
        vm.shown();

        vm.dateProperty().set(PAID_ON.minusYears(2));

        assertThat(vm.summaryProperty().get()).startsWith("No activity · 0 claims adjudicated · 0 payments received");
    }

    @Test
    void withNoDepositsTheDepositsListDoesNotClaimEveryDepositHasIts835() {
        DepositsViewModel vm = new DepositsViewModel(new DepositService(db.transactions()), runner, notices::add, db.transactions().clock());

        vm.reload();

        assertThat(vm.deposits()).isEmpty();
        assertThat(vm.noDepositsMissingProperty().get()).isEqualTo("No deposits yet.");
        assertThat(vm.noPaymentsMissingProperty().get()).isEqualTo("Every 835 payment has its deposit.");
    }

    @Test
    void claimsFilterByStatusAndSearchAndTheTotalsFollow() {
        ClaimReconViewModel vm = new ClaimReconViewModel(new ReconciliationService(db.transactions()), runner, notices::add);
        vm.reload();
        assertThat(vm.claims()).hasSize(3);
        vm.statusProperty().set(ReconStatus.UNDERPAID);
        assertThat(vm.claims()).extracting(c -> c.rx()).containsExactly("7000002");
        assertThat(vm.totalsProperty().get()).isEqualTo("1 of 3 claims · expected 30.00 · paid 25.00 · variance -5.00");
        vm.statusProperty().set(null);
        vm.searchProperty().set("7000003");
        assertThat(vm.claims()).extracting(c -> c.status()).containsExactly(ReconStatus.UNPAID);
    }

    @Test
    void agingAddsAnAllPayersRowAndFollowsTheAsOfDate() {
        AgingViewModel vm = new AgingViewModel(new ReconciliationService(db.transactions()), runner, notices::add, db.transactions().clock());
        vm.shown(); // the clock's today, 2025-03-20
        assertThat(vm.rows()).extracting(a -> a.payerName()).containsExactly("ACME RX SOLUTIONS", "All payers");
        assertThat(vm.rows().get(1).bucket(AgingBucket.D61_90)).isEqualTo(Money.parse("15.00"));
        vm.asOfProperty().set(LocalDate.of(2025, 3, 5));
        assertThat(vm.rows().get(1).total()).isEqualTo(Money.parse("66.85"));
        assertThat(vm.payers()).hasSize(1);
        assertThat(vm.summaryProperty().get()).startsWith("3 open claims · 66.85");
    }
}
