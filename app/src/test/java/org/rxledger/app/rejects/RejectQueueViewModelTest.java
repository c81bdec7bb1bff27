package org.rxledger.app.rejects;

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
import org.rxledger.core.claim.FollowUpStatus;
import org.rxledger.core.claim.RejectQueue;
import org.rxledger.core.store.Database;

class RejectQueueViewModelTest {

    private Database db;
    private SampleOffice office;
    private final List<Notice> notices = new ArrayList<>();
    private RejectQueueViewModel vm;
    private final List<Long> rebills = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        vm = new RejectQueueViewModel(new RejectQueue(db.transactions()), new SynchronousTaskRunner(), notices::add);
        vm.setOnRebill(rebills::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Claim rejected(String rx, String code) {
        // ClaimRecorder opens the follow-up for a rejected claim
        return db.transactions().inTransaction(tx -> org.rxledger.core.claim.ClaimRecorder.record(tx,
                aPaidClaim(office).rx(rx).rejected(code).build(), office.payers().get(0).id()));
    }

    @Test
    void theOtherRejectCodesReadAsWordsNotAsASum() {
        assertThat(RejectQueueViewModel.rejectText("75", "Prior authorization required", List.of("75", "52", "79")))
                .isEqualTo("75 — Prior authorization required · also 52, 79");
        assertThat(RejectQueueViewModel.rejectText("75", "Prior authorization required", List.of("75")))
                .isEqualTo("75 — Prior authorization required");
    }

    @Test
    void familiesCountOpenRejectsAndFilterTheTable() {
        rejected("7000001", "75");
        rejected("7000002", "60");
        rejected("7000003", "79");

        vm.reload();

        assertThat(vm.families()).extracting(Object::toString)
                .containsExactly("All families (3 open)", "Prior auth (2 open)", "Refill too soon (1 open)");
        vm.familyProperty().set(vm.families().get(2));
        assertThat(vm.shownItems()).extracting(i -> i.row().rxNumber()).containsExactly("7000003");
        RejectQueue.WorkItem item = vm.shownItems().get(0);
        assertThat(item.meaning()).isEqualTo("Refill too soon");
        assertThat(item.fix()).contains("SCC override");
    }

    @Test
    void assignsOwnerAndDueDateAndChangesStatus() {
        rejected("7000001", "75");
        vm.reload();
        vm.selectedProperty().set(vm.shownItems().get(0));

        vm.ownerProperty().set("dana");
        vm.dueProperty().set("2025-03-24");
        vm.assign();

        assertThat(vm.messageProperty().get()).isEqualTo("Rx 7000001 assigned to dana, due 2025-03-24.");
        assertThat(vm.allItems().get(0).followUp().status()).isEqualTo(FollowUpStatus.IN_PROGRESS);

        vm.selectedProperty().set(vm.allItems().get(0));
        vm.statusProperty().set(FollowUpStatus.WAITING);
        vm.noteProperty().set("PA faxed");
        vm.changeStatus();
        assertThat(vm.allItems().get(0).followUp().status()).isEqualTo(FollowUpStatus.WAITING);
        assertThat(vm.allItems().get(0).followUp().note()).isEqualTo("PA faxed");
    }

    @Test
    void aBadDueDateIsRefusedInPlainWords() {
        rejected("7000001", "75");
        vm.reload();
        vm.selectedProperty().set(vm.shownItems().get(0));
        vm.dueProperty().set("next week");

        vm.assign();

        assertThat(vm.messageProperty().get()).isEqualTo("Due date 'next week' must be YYYY-MM-DD.");
    }

    @Test
    void rebillOpensTheRejectedClaim() {
        Claim c = rejected("7000001", "75");
        vm.reload();
        vm.selectedProperty().set(vm.shownItems().get(0));

        vm.rebill();

        assertThat(rebills).containsExactly(c.id());
    }
}
