package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.CentralSync;
import org.rxledger.app.charges.ChargeEntryViewModel;
import org.rxledger.app.charges.ChargeEntryViewModel.Lookup;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.search.SearchHit;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralSettings;

class ShellViewModelTest {

    private Database db;
    private final Settings settings = Settings.inMemory();
    private final AtomicInteger seeded = new AtomicInteger();

    private final OfficeSeeder twoClaims = progress -> {
        seeded.incrementAndGet();
        progress.progress(0, 2, "Creating claims");
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7000001").record(tx);
            aPaidClaim(office).rx("7000002").record(tx);
            return null;
        });
        progress.progress(2, 2, "Creating claims");
        return "2 claims for 3 patients";
    };

    @BeforeEach
    void open() {
        db = TestStores.freshDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ShellViewModel shell(OfficeSeeder seeder) {
        return new ShellViewModel(TestStores.setup(db, seeder, settings), new SynchronousTaskRunner());
    }

    @Test
    void firstLaunchCreatesTheDemoOfficeSaysSoAndShowsItsClaims() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        assertThat(seeded).hasValue(1);
        Notice notice = vm.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.INFO);
        assertThat(notice.text()).startsWith("This is a new data folder: RxLedger created a demo pharmacy office")
                .contains("2 claims for 3 patients");
        assertThat(vm.claims().rows()).hasSize(2);
        assertThat(vm.claimCountProperty().get()).isEqualTo("2 claims");
    }

    @Test
    void anOfficeWithClaimsIsNotSeededAgain() {
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> aPaidClaim(office).record(tx));
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        assertThat(seeded).hasValue(0);
        assertThat(vm.noticeProperty().get()).isNull();
        assertThat(vm.claimCountProperty().get()).isEqualTo("1 claim");
    }

    @Test
    void anImportSettledWhenTheDataFolderWasOpenedIsShownAsAWarning() {
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> aPaidClaim(office).record(tx));
        WorkstationSetup base = TestStores.setup(db, twoClaims, settings);
        String said = "The import of big.835 was interrupted and only part of it had reached the disk; that part "
                + "(2 payment(s), …) was removed. Import the file again.";
        ShellViewModel vm = new ShellViewModel(new WorkstationSetup(base.transactions(), base.actor(), base.dataDir(),
                base.officeIsEmpty(), base.seeder(), base.settings(), base.remittanceImports(), java.util.List.of(said)),
                new SynchronousTaskRunner());
        vm.start();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(Notice.Kind.WARNING);
        assertThat(vm.noticeProperty().get().title()).isEqualTo("An import was interrupted");
        assertThat(vm.noticeProperty().get().text()).isEqualTo(said);
    }

    @Test
    void aFailingSeederIsReportedAndTheShellStillOpens() {
        ShellViewModel vm = shell(progress -> {
            throw new IllegalStateException("disk full");
        });
        vm.start();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(vm.noticeProperty().get().text()).startsWith("RxLedger could not finish creating the demo office");
        assertThat(vm.claims().rows()).isEmpty();
    }

    @Test
    void chargeEntryFindsTheDemoOfficesPatientsAndPlansOnTheFirstLaunch() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        ChargeEntryViewModel entry = vm.chargeEntry();

        entry.query(Lookup.PATIENT).set("garc");
        entry.query(Lookup.PLAN).set("acme");

        assertThat(entry.patientProperty().get().lastName()).isEqualTo("GARCIA");
        assertThat(entry.problemProperty(Lookup.PLAN).get()).isEmpty();
        assertThat(entry.field(ClaimField.BIN).get()).isEqualTo("999999");
    }

    @Test
    void reloadAndOpeningChargeEntryPickUpPatientsStoredMeanwhile() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        db.transactions().inTransaction(tx -> tx.port(ReferenceRepository.class).insertPatient("ZOE", "QUINTERO", LocalDate.of(1990, 1, 2),
                Patient.Gender.FEMALE));
        vm.chargeEntry().query(Lookup.PATIENT).set("quin");
        assertThat(vm.chargeEntry().patientProperty().get()).isNull();

        vm.newCharge();
        assertThat(vm.chargeEntry().patientProperty().get().firstName()).isEqualTo("ZOE");

        db.transactions().inTransaction(tx -> tx.port(ReferenceRepository.class).insertPatient("YARA", "QUISPE", LocalDate.of(1991, 1, 2),
                Patient.Gender.FEMALE));
        vm.chargeEntry().query(Lookup.PATIENT).set("quis");
        vm.reload();
        assertThat(vm.chargeEntry().patientProperty().get().firstName()).isEqualTo("YARA");
    }

    @Test
    void quickSearchJumpsToTheClaimsAreaAndSelectsTheMatch() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        vm.quickSearch("7000002");
        assertThat(vm.areaProperty().get()).isEqualTo(Area.CLAIMS);
        assertThat(vm.claims().selectedProperty().get().rxNumber()).isEqualTo("7000002");
    }

    @Test
    void typingInTheSearchBoxListsResultsGroupedByKindWithoutLeavingTheArea() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        vm.areaProperty().set(Area.AUDITS);

        vm.quickSearchTextProperty().set("smith");

        assertThat(vm.areaProperty().get()).isEqualTo(Area.AUDITS);
        assertThat(vm.searchResults()).extracting(SearchHit::kind).containsSubsequence(SearchHit.Kind.CLAIM,
                SearchHit.Kind.PATIENT);
        assertThat(vm.searchResults()).filteredOn(h -> h.kind() == SearchHit.Kind.PATIENT).extracting(SearchHit::title)
                .containsExactly("SMITH, JOHN", "SMITHERS, ANNA");

        vm.quickSearchTextProperty().set("zz-nothing");
        assertThat(vm.searchResults()).isEmpty();
        assertThat(vm.searchMessageProperty().get()).startsWith("Nothing matches 'zz-nothing'");
    }

    @Test
    void openingAClaimResultShowsTheClaimsListFilteredByTheTextAndSelectsTheClaim() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        vm.areaProperty().set(Area.REPORTS);
        vm.quickSearchTextProperty().set("7000002");

        vm.openSearchResult(vm.searchResults().get(0));

        assertThat(vm.areaProperty().get()).isEqualTo(Area.CLAIMS);
        assertThat(vm.claims().selectedProperty().get().rxNumber()).isEqualTo("7000002");
        assertThat(vm.claims().textProperty().get()).isEqualTo("7000002");
        assertThat(vm.quickSearchTextProperty().get()).isEmpty();
        assertThat(vm.searchResults()).isEmpty();
    }

    @Test
    void openingAPaymentResultShowsItInRemittances() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        TestStores.importSample835(db);
        vm.quickSearchTextProperty().set("EFT0314");
        SearchHit payment = vm.searchResults().stream().filter(h -> h.kind() == SearchHit.Kind.PAYMENT).findFirst()
                .orElseThrow();

        vm.openSearchResult(payment);

        assertThat(vm.areaProperty().get()).isEqualTo(Area.REMITTANCES);
        assertThat(vm.remittances().selectedPaymentProperty().get().paymentId()).isEqualTo(Long.parseLong(payment.key()));
    }

    @Test
    void openingAPatientResultSelectsTheirAccountEvenWhenTheAccountsSearchHidesIt() {
        ShellViewModel vm = shell(twoClaims);
        vm.start();
        vm.collections().searchProperty().set("garcia");
        vm.quickSearchTextProperty().set("smith, john");
        SearchHit patient = vm.searchResults().stream().filter(h -> h.kind() == SearchHit.Kind.PATIENT).findFirst()
                .orElseThrow();

        vm.openSearchResult(patient);

        assertThat(vm.areaProperty().get()).isEqualTo(Area.PATIENT_ACCOUNTS);
        assertThat(vm.collections().searchProperty().get()).isEmpty();
        assertThat(vm.collections().selectedProperty().get().key()).isEqualTo(patient.key());
    }

    @Test
    void whatsNewIsDueOnceAfterAnUpgradeAndNeverOnANewInstall() {
        assertThat(shell(OfficeSeeder.NONE).whatsNewDue("1.0.0")).isFalse(); // first run: a new install
        assertThat(shell(OfficeSeeder.NONE).whatsNewDue("1.0.0")).isFalse();
        assertThat(shell(OfficeSeeder.NONE).whatsNewDue("1.1.0")).isTrue();
        assertThat(shell(OfficeSeeder.NONE).whatsNewDue("1.1.0")).isFalse();
        assertThat(shell(OfficeSeeder.NONE).whatsNewDue(null)).isFalse();
    }

    @Test
    void theDarkThemeChoiceIsRemembered() {
        shell(OfficeSeeder.NONE).darkThemeProperty().set(true);
        assertThat(shell(OfficeSeeder.NONE).darkThemeProperty().get()).isTrue();
    }

    @Test
    void statusBarSaysSyncIsNotSetUpOnAFreshOffice(@TempDir Path data) {
        ShellViewModel vm = synced(data);
        vm.start();
        assertThat(vm.sync().textProperty().get()).isEqualTo("Sync: not set up");
        assertThat(vm.user()).isEqualTo("clerk1 @ ws-test");

        vm.sync().syncNow();
        assertThat(vm.noticeProperty().get().title()).isEqualTo("Sync is not set up");
        assertThat(vm.noticeProperty().get().text()).contains("rxledger sync connect");
    }

    @Test
    void statusBarCountsTheEventsWaitingForAnUnreachableCentralServerAndSyncNowSaysSo(@TempDir Path data) {
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7000001").record(tx);
            return aPaidClaim(office).rx("7000002").record(tx);
        });
        new JdbiSyncStore(db).saveSettings(new CentralSettings("jdbc:postgresql://localhost:1/rxledger", "postgres",
                CentralSettings.TlsMode.DISABLE), "clerk1", Instant.now());
        ShellViewModel vm = synced(data);
        vm.start();
        long waiting = new JdbiSyncStore(db).status().waiting();
        assertThat(waiting).isGreaterThanOrEqualTo(2);
        // never tried yet: not "offline", the count and "never synced"
        assertThat(vm.sync().textProperty().get()).isEqualTo("Sync: " + waiting + " waiting · never synced");

        vm.sync().syncNow();

        Notice said = vm.noticeProperty().get();
        assertThat(said.kind()).isEqualTo(Notice.Kind.WARNING);
        assertThat(said.title()).isEqualTo("Central server unreachable");
        assertThat(said.text()).contains(waiting + " events wait to be sent");
        assertThat(vm.sync().textProperty().get()).isEqualTo("Sync: offline · " + waiting + " waiting");
        // a refresh reads the last run's outcome; it does not probe the server again
        vm.reload();
        assertThat(vm.sync().textProperty().get()).isEqualTo("Sync: offline · " + waiting + " waiting");
        assertThat(vm.sync().detailProperty().get()).contains("cannot be reached");
    }

    private ShellViewModel synced(Path data) {
        WorkstationSetup base = TestStores.setup(db, OfficeSeeder.NONE, settings);
        return new ShellViewModel(new WorkstationSetup(base.transactions(), base.actor(), data, base.officeIsEmpty(),
                base.seeder(), base.settings(), null, List.of(), () -> CentralSync.service(db, data)),
                new SynchronousTaskRunner());
    }
}
