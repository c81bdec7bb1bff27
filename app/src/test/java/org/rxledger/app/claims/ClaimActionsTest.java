package org.rxledger.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.store.Database;

/** Reverse, rebill, paper and print from the claim detail. */
class ClaimActionsTest {

    @TempDir
    Path documents;

    private Database db;
    private SampleOffice office;
    private final List<Notice> notices = new ArrayList<>();
    private final List<Long> rebills = new ArrayList<>();
    private int changes;
    private ClaimDetailViewModel vm;
    private Claim claim;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        claim = db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            return aPaidClaim(office).rx("7001234").fill(2).record(tx);
        });
        vm = ClaimScreens.detail(db.transactions(), new SynchronousTaskRunner(), notices::add);
        vm.configure(documents, rebills::add, () -> changes++);
        vm.load(claim.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void reverseMarksTheClaimReversedAndShowsItsHistory() {
        vm.reverse("return to stock");

        assertThat(db.transactions().<Lifecycle>read(tx -> tx.port(ClaimRepository.class).find(claim.id()).orElseThrow().lifecycle())).isEqualTo(Lifecycle.REVERSED);
        assertThat(changes).isEqualTo(1);
        assertThat(notices).last().satisfies(n -> assertThat(n.title()).isEqualTo("Claim reversed"));
        ClaimDetail d = vm.detailProperty().get();
        assertThat(d.sections()).last().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Fill history");
            assertThat(s.fields()).extracting(ClaimDetail.Field::label).containsExactly("Billed (B1)", "Reversed (B2)");
        });
    }

    @Test
    void markPaperClearsTheAuthorizationNumber() {
        vm.markPaper();

        assertThat(vm.detailProperty().get().value("Channel")).isEqualTo("Paper");
        assertThat(vm.detailProperty().get().value("Authorization #")).isEqualTo("—");
    }

    @Test
    void rebillHandsTheClaimToChargeEntry() {
        vm.rebill();

        assertThat(rebills).containsExactly(claim.id());
    }

    @Test
    void printsTheUcfSheetAndTheReceiptIntoTheDocumentsFolder() throws Exception {
        vm.printUcf();
        Path ucf = Path.of(vm.lastDocumentProperty().get());
        vm.printReceipt();
        Path receipt = Path.of(vm.lastDocumentProperty().get());

        assertThat(ucf).isRegularFile().hasFileName("ucf-rx7001234-2-claim" + claim.id() + ".pdf");
        assertThat(receipt).isRegularFile().hasFileName("receipt-rx7001234-2-claim" + claim.id() + ".pdf");
        assertThat(Files.size(ucf)).isPositive();
        assertThat(notices).last().satisfies(n -> assertThat(n.title()).isEqualTo("DMR receipt ready"));
    }
}
