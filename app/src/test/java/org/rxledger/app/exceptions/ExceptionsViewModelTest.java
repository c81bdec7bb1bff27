package org.rxledger.app.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionStatus;
import org.rxledger.core.store.Database;

/** The queue's state and commands on a real database holding the sample 835 (no claims: 4 unmatched + 1 PLB). */
class ExceptionsViewModelTest {

    private Database db;
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final List<ExceptionsViewModel.RemittanceRef> openedRemittances = new ArrayList<>();
    private ExceptionsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        db = TestStores.freshDatabase();
        TestStores.importSample835(db);
        vm = new ExceptionsViewModel(new ExceptionQueue(db.transactions()), new SynchronousTaskRunner(), notices::add);
        vm.setOnOpenRx(opened::add);
        vm.setOnOpenRemittance(openedRemittances::add);
        vm.reload();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void reloadCountsPerCategorySelectsTheFirstItemAndListsPayers() {
        assertThat(vm.shownItems()).hasSize(5);
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.shownItems().get(0));
        assertThat(vm.categories()).extracting(Object::toString).contains("All categories (5)", "Unmatched (4)",
                "PLB takeback not attributed (1)", "Denied (0)");
        assertThat(vm.payers()).hasSize(2).first().isEqualTo(ExceptionsViewModel.ALL_PAYERS);
        assertThat(notices).isEmpty();

        vm.categoryProperty().set(vm.categories().stream()
                .filter(c -> c.category() == ExceptionCategory.PLB_UNATTRIBUTED).findFirst().orElseThrow());
        assertThat(vm.shownItems()).singleElement().extracting(ExceptionItem::reference).isEqualTo("PLB WO 6901122-00");
    }

    @Test
    void resolvingNeedsANoteAndMovesToTheNextOpenItem() {
        ExceptionItem first = vm.shownItems().get(0);
        ExceptionItem second = vm.shownItems().get(1);
        vm.resolve("  ");
        assertThat(vm.messageProperty().get()).contains("a note is required");
        assertThat(vm.shownItems()).hasSize(5);

        vm.resolve("Belongs to store 2");
        assertThat(vm.shownItems()).hasSize(4).doesNotContain(first);
        assertThat(vm.selectedProperty().get()).isEqualTo(second);
        assertThat(vm.categories().get(0).toString()).isEqualTo("All categories (4)");

        vm.statusProperty().set(ExceptionsViewModel.StatusChoice.RESOLVED);
        assertThat(vm.shownItems()).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo(first.key());
            assertThat(i.status()).isEqualTo(ExceptionStatus.RESOLVED);
            assertThat(i.note()).isEqualTo("Belongs to store 2");
        });
        vm.selectedProperty().set(vm.shownItems().get(0));
        vm.reopen();
        assertThat(vm.shownItems()).isEmpty();
        vm.statusProperty().set(ExceptionsViewModel.StatusChoice.OPEN);
        assertThat(vm.shownItems()).hasSize(5);
    }

    @Test
    void mineShowsOnlyItemsAssignedToTheSignedInUser() {
        vm.mineProperty().set(true);
        assertThat(vm.shownItems()).isEmpty();
        vm.mineProperty().set(false);
        ExceptionItem target = vm.shownItems().get(2);
        vm.selectedProperty().set(target);
        vm.assignToMe();
        assertThat(vm.selectedProperty().get().owner()).isEqualTo("clerk1");
        vm.mineProperty().set(true);
        assertThat(vm.shownItems()).singleElement().extracting(ExceptionItem::key).isEqualTo(target.key());
    }

    @Test
    void filtersStickBetweenSessions() {
        Settings settings = Settings.inMemory();
        ExceptionsViewModel first = new ExceptionsViewModel(new ExceptionQueue(db.transactions()), new SynchronousTaskRunner(), settings, notices::add);
        first.reload();
        first.statusProperty().set(ExceptionsViewModel.StatusChoice.ALL);
        first.categoryProperty().set(first.categories().stream()
                .filter(c -> c.category() == ExceptionCategory.PLB_UNATTRIBUTED).findFirst().orElseThrow());

        ExceptionsViewModel next = new ExceptionsViewModel(new ExceptionQueue(db.transactions()), new SynchronousTaskRunner(), settings, notices::add);
        next.reload();
        assertThat(next.statusProperty().get()).isEqualTo(ExceptionsViewModel.StatusChoice.ALL);
        assertThat(next.categoryProperty().get().category()).isEqualTo(ExceptionCategory.PLB_UNATTRIBUTED);
        assertThat(next.shownItems()).singleElement().extracting(ExceptionItem::reference).isEqualTo("PLB WO 6901122-00");
    }

    @Test
    void enterOnAnItemWithoutAClaimOpensItInRemittances() {
        ExceptionItem unmatched = vm.selectedProperty().get();
        assertThat(unmatched.claimId()).isNull();
        vm.openSelected();
        assertThat(opened).isEmpty();
        assertThat(openedRemittances).containsExactly(
                new ExceptionsViewModel.RemittanceRef(unmatched.paymentId(), unmatched.remitClaimId(), null));

        vm.categoryProperty().set(vm.categories().stream()
                .filter(c -> c.category() == ExceptionCategory.PLB_UNATTRIBUTED).findFirst().orElseThrow());
        ExceptionItem plb = vm.shownItems().get(0);
        vm.selectedProperty().set(plb);
        vm.openInRemittances();
        assertThat(openedRemittances).last().satisfies(ref -> {
            assertThat(ref.paymentId()).isEqualTo(plb.paymentId());
            assertThat(ref.remitClaimId()).isNull();
            assertThat(ref.plbItemId()).isNotNull().isEqualTo(plb.plbItemId());
        });
    }
}
