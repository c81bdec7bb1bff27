package org.rxledger.app.rejects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.claim.FollowUpStatus;
import org.rxledger.core.claim.RejectQueue;
import org.rxledger.core.claim.RejectQueue.WorkItem;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk works the reject follow-up queue on the real shell: Ctrl+J, a family narrows the list, the selected
 * reject explains itself, Ctrl+Shift+A saves owner and due date, a status with a note is kept, and Ctrl+B opens
 * the claim in charge entry to rebill it.
 */
@ExtendWith(ApplicationExtension.class)
class RejectQueueUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7001299").dateOfService(LocalDate.parse("2025-03-10")).rejected("75").record(tx);
            aPaidClaim(office).rx("7001300").dateOfService(LocalDate.parse("2025-03-11")).rejected("70").record(tx);
            aPaidClaim(office).rx("8100001").dateOfService(LocalDate.parse("2025-02-27")).record(tx);
            return null;
        });
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkNarrowsByFamilyAssignsSetsAStatusAndOpensTheRebill(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        TableView<WorkItem> table = robot.lookup("#rejectTable").queryTableView();
        ListView<RejectQueueViewModel.FamilyCount> families = robot.lookup("#rejectFamilies").queryListView();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(families.getItems().get(0).toString()).isEqualTo("All families (2 open)");
        assertThat(families.getItems()).extracting(Object::toString).contains("Prior auth (1 open)");
        // the first reject is selected on opening, so the keys work at once
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 0);
        assertThat(robot.lookup("#rejectExplain").queryAs(Label.class).getText()).startsWith("Reject ");

        // a family narrows the list to its rejects, and its first reject is selected
        robot.clickOn("Prior auth (1 open)");
        waitUntil(() -> table.getItems().size() == 1 && table.getSelectionModel().getSelectedIndex() == 0);
        assertThat(table.getSelectionModel().getSelectedItem().primaryCode()).isEqualTo("75");
        waitUntil(() -> robot.lookup("#rejectExplain").queryAs(Label.class).getText().startsWith("Reject 75 — "));

        // owner and due date (the field shows the current due date), saved with the shortcut
        robot.clickOn("#rejectOwner").write("ann");
        robot.clickOn("#rejectDue").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("2025-04-01");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#rejectMessage").queryAs(Label.class).getText()
                .equals("Rx 7001299 assigned to ann, due 2025-04-01."));

        // a status with its note
        ChoiceBox<FollowUpStatus> status = robot.lookup("#rejectStatus").query();
        robot.interact(() -> status.setValue(FollowUpStatus.WAITING));
        robot.clickOn("#rejectNote").write("PA faxed to prescriber");
        robot.clickOn("#rejectSetStatus");
        waitUntil(() -> robot.lookup("#rejectMessage").queryAs(Label.class).getText()
                .equals("Rx 7001299 is now " + FollowUpStatus.WAITING.label().toLowerCase() + "."));

        WorkItem stored = new RejectQueue(db.transactions()).items().stream()
                .filter(i -> i.row().rxNumber().equals("7001299")).findFirst().orElseThrow();
        assertThat(stored.followUp().owner()).isEqualTo("ann");
        assertThat(stored.followUp().dueDate()).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(stored.followUp().status()).isEqualTo(FollowUpStatus.WAITING);
        assertThat(stored.followUp().note()).isEqualTo("PA faxed to prescriber");

        // after the reload the reject worked on is still selected; Ctrl+B opens it in charge entry to be rebilled
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().row().rxNumber().equals("7001299"));
        robot.clickOn("7001299-01");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#field-rx_number").tryQuery().isPresent()
                && "7001299".equals(robot.lookup("#field-rx_number").queryTextInputControl().getText()));
    }
}
