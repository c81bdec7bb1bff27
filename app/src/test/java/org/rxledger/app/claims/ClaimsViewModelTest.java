package org.rxledger.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ClaimRecords;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.store.Database;

import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

class ClaimsViewModelTest {

    private Database db;
    private SampleOffice office;
    private final Settings settings = Settings.inMemory();
    private final List<Notice> notices = new ArrayList<>();

    @BeforeEach
    void seed() {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7001234").dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            aPaidClaim(office).rx("7001299").patient(office.patients().get(1)).plan(office.plans().get(1))
                    .dateOfService(LocalDate.parse("2025-03-10")).rejected("75").record(tx);
            aPaidClaim(office).rx("8100001").patient(office.patients().get(2))
                    .dateOfService(LocalDate.parse("2025-02-27")).record(tx);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ClaimsViewModel loaded() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        ClaimsViewModel vm = new ClaimsViewModel(new ClaimRecords(db.transactions()),
                ClaimScreens.detail(db.transactions(), runner, notices::add), runner, settings, notices::add);
        vm.reload();
        return vm;
    }

    @Test
    void loadsEveryClaimNewestFirstAndCountsThem() {
        ClaimsViewModel vm = loaded();
        assertThat(vm.rows()).extracting(ClaimSummary::rxNumber).containsExactly("7001299", "7001234", "8100001");
        assertThat(vm.countTextProperty().get()).isEqualTo("3 claims");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void offersAllPayersOnceWithAllFirst() {
        assertThat(loaded().payers()).containsExactly(null, "ACME RX SOLUTIONS", "BLUEPEAK PBM");
    }

    @Test
    void filteringShrinksTheRowsAndSaysHowManyOfHowMany() {
        ClaimsViewModel vm = loaded();
        vm.textProperty().set("SMITH");
        assertThat(vm.rows()).extracting(ClaimSummary::rxNumber).containsExactly("7001299", "7001234");
        assertThat(vm.countTextProperty().get()).isEqualTo("2 of 3 claims");
        vm.statusProperty().set(ClaimStatus.REJECTED);
        assertThat(vm.rows()).extracting(ClaimSummary::rxNumber).containsExactly("7001299");
    }

    @Test
    void clearFiltersShowsEverythingAgain() {
        ClaimsViewModel vm = loaded();
        vm.textProperty().set("garcia");
        vm.payerProperty().set("ACME RX SOLUTIONS");
        vm.fromProperty().set(LocalDate.parse("2025-01-01"));
        assertThat(vm.filtersActive().get()).isTrue();
        vm.clearFilters();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.filtersActive().get()).isFalse();
    }

    @Test
    void filtersAreRestoredForTheSameUserNextTime() {
        ClaimsViewModel first = loaded();
        first.textProperty().set("smith");
        first.statusProperty().set(ClaimStatus.PAID);
        first.payerProperty().set("ACME RX SOLUTIONS");
        first.toProperty().set(LocalDate.parse("2025-03-31"));
        first.sortOrderProperty().set("dos:ASCENDING");

        ClaimsViewModel next = loaded();
        assertThat(next.currentFilter()).isEqualTo(new ClaimFilter("smith", ClaimStatus.PAID, "ACME RX SOLUTIONS", null,
                LocalDate.parse("2025-03-31")));
        assertThat(next.sortOrderProperty().get()).isEqualTo("dos:ASCENDING");
        assertThat(next.rows()).extracting(ClaimSummary::rxNumber).containsExactly("7001234");
    }

    @Test
    void quickSearchFiltersAndSelectsTheFirstMatch() {
        ClaimsViewModel vm = loaded();
        vm.quickSearch("8100");
        assertThat(vm.selectedProperty().get().rxNumber()).isEqualTo("8100001");
        assertThat(vm.textProperty().get()).isEqualTo("8100");
    }

    @Test
    void openingTheDetailLoadsTheSelectedClaimAndFollowsTheSelection() {
        ClaimsViewModel vm = loaded();
        vm.selectedProperty().set(vm.rows().get(1));
        vm.openDetail();
        assertThat(vm.detailOpenProperty().get()).isTrue();
        assertThat(vm.detail().detailProperty().get().title()).isEqualTo("Rx 7001234-01");
        vm.selectedProperty().set(vm.rows().get(0));
        assertThat(vm.detail().detailProperty().get().title()).isEqualTo("Rx 7001299-01");
        vm.closeDetail();
        assertThat(vm.detail().detailProperty().get()).isNull();
    }

    @Test
    void aFailedLoadTellsTheClerkInPlainWords() {
        db.close();
        ClaimsViewModel vm = loaded();
        assertThat(vm.rows()).isEmpty();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(notices.get(0).text()).startsWith("RxLedger could not finish loading the claims");
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Claims could not be loaded.");
    }
}
