package org.rxledger.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.store.Database;

class ClaimDetailViewModelTest {

    private Database db;
    private SampleOffice office;
    private final List<Notice> notices = new ArrayList<>();
    private ClaimDetailViewModel vm;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        vm = ClaimScreens.detail(db.transactions(), new SynchronousTaskRunner(), notices::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void showsThePrescriptionWithDawDescriptionAndHyphenatedNdc() {
        Claim c = db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7001234").fill(2).daw("1").record(tx));
        vm.load(c.id());
        ClaimDetail d = vm.detailProperty().get();
        assertThat(d.title()).isEqualTo("Rx 7001234-02");
        assertThat(d.value("DAW")).isEqualTo("1 — Prescriber did not allow substitution");
        assertThat(d.value("NDC 11-digit")).isEqualTo("12345-0678-90");
        assertThat(d.value("NDC (native)")).isEqualTo("12345-067-90");
        assertThat(d.value("Date of service")).isEqualTo("2025-03-03");
        assertThat(d.value("Patient")).isEqualTo("SMITH, JOHN");
        assertThat(d.value("Prescriber")).isEqualTo("SMITHSON, JANE");
        assertThat(d.value("NPI")).isEqualTo("1987654328");
        assertThat(d.value("BIN / PCN / group")).isEqualTo("999999 / TESTPCN / GRP7781");
        assertThat(d.sections()).extracting(ClaimDetail.Section::title)
                .containsExactly("Prescription", "Patient & coverage", "Prescriber", "Pricing as billed", "Response", "Record",
                        "Fill history");
    }

    @Test
    void showsMoneyAsBilledAndAsPaidWithTwoDecimals() {
        Claim c = db.transactions().inTransaction(tx -> aPaidClaim(office).amounts("1046.50", "1.75", "1021.85", "10.00").record(tx));
        vm.load(c.id());
        ClaimDetail d = vm.detailProperty().get();
        assertThat(d.value("Ingredient cost")).isEqualTo("1,046.50");
        assertThat(d.value("Plan paid")).isEqualTo("1,021.85");
        assertThat(d.value("Patient pay")).isEqualTo("10.00");
        assertThat(d.value("Response")).isEqualTo("P — Paid");
    }

    @Test
    void describesEachRejectCodeWithItsFollowUpFamily() {
        Claim c = db.transactions().inTransaction(tx -> aPaidClaim(office).rejected("75", "7").record(tx));
        vm.load(c.id());
        ClaimDetail d = vm.detailProperty().get();
        assertThat(d.value("Reject 75 · Prior auth")).isEqualTo("Prior authorization required");
        assertThat(d.value("Reject 07 · Eligibility")).isEqualTo("M/I Cardholder ID");
        assertThat(d.value("Authorization #")).isEqualTo("—");
        assertThat(d.ledger()).isEmpty();
    }

    @Test
    void listsTheClaimsLedgerEntriesWithNegativeAmountsMarked() {
        Claim c = db.transactions().inTransaction(tx -> aPaidClaim(office).record(tx));
        vm.load(c.id());
        List<ClaimDetail.LedgerLine> ledger = vm.detailProperty().get().ledger();
        assertThat(ledger).extracting(ClaimDetail.LedgerLine::account)
                .containsExactlyInAnyOrder("Third-party A/R", "Patient A/R", "Rx sales");
        assertThat(ledger).filteredOn(l -> l.account().equals("Rx sales")).singleElement()
                .satisfies(l -> {
                    assertThat(l.amount()).isEqualTo("-31.85");
                    assertThat(l.negative()).isTrue();
                });
    }

    @Test
    void aClaimThatNoLongerExistsSaysSoAndShowsNothing() {
        vm.load(999_999);
        assertThat(vm.detailProperty().get()).isNull();
        assertThat(vm.placeholderProperty().get()).isEqualTo("This claim could not be opened.");
        assertThat(notices).singleElement().extracting(Notice::kind).isEqualTo(Notice.Kind.ERROR);
    }
}
