package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.Inbound;
import org.rxledger.core.sync.RemoteEvent;
import org.rxledger.core.sync.SyncAttention;
import org.rxledger.core.sync.SyncConflict;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Sync area by keyboard: Ctrl+9 opens it on the conflicts with both versions shown; a note and Enter settle
 * the conflict; the parked tab lists the parked event. The items are recorded through the sync store as a pull
 * records them.
 */
@ExtendWith(ApplicationExtension.class)
class SyncAreaUiTest {

    private TestWorkstation workstation;
    private Database db;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        JdbiSyncStore store = new JdbiSyncStore(db);
        Instant at = Instant.parse("2025-03-20T14:00:00Z");
        store.record(new RemoteEvent(7, UUID.randomUUID(), UUID.randomUUID(), "ws-b", "remittance.posted", "{}", null,
                "bob", at), Inbound.duplicate("payment trace EFT800 of 120.00 was posted here by clerk1 and at ws-b by bob")
                .with(new Inbound.Conflict(SyncConflict.Kind.PAYMENT_POSTED_TWICE, "payment trace EFT800 of 120.00",
                        "posted here by clerk1 at 2025-03-20T13:00:00Z (batch 0001)",
                        "posted at ws-b by bob at 2025-03-20T13:30:00Z (batch 0002)",
                        "the posting made here stands (the lower batch id); ws-b reverses its own with a reversing batch")));
        store.record(new RemoteEvent(8, UUID.randomUUID(), UUID.randomUUID(), "ws-b", "deposit.recorded", "{}", null,
                "bob", at), Inbound.parked("deposit.recorded events are not applied on other workstations by this version"));
        Settings settings = Settings.inMemory();
        settings.put(ShellViewModel.KEY_SYNC_SECONDS, "0");
        workstation = TestWorkstation.show(stage, TestStores.setup(db, OfficeSeeder.NONE, settings), db::close);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void aConflictIsSettledWithANoteByKeyboardAndTheParkedEventIsListed(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);

        assertThat(workstation.shell().viewModel().areaProperty().get()).isEqualTo(Area.SYNC);
        TableView<?> conflicts = robot.lookup("#syncConflicts").queryAs(TableView.class);
        waitUntil(() -> conflicts.getItems().size() == 1);
        TextArea there = robot.lookup("#syncThere").queryAs(TextArea.class);
        waitUntil(() -> there.getText().contains("ws-b by bob"));
        assertThat(robot.lookup("#syncHere").queryAs(TextArea.class).getText()).contains("posted here by clerk1");
        assertThat(robot.lookup("#syncSettled").queryAs(TextArea.class).getText()).contains("the posting made here stands");
        TableView<?> parked = robot.lookup("#syncParked").queryAs(TableView.class);
        assertThat(parked.getItems()).hasSize(1);
        assertThat(conflicts.isFocused()).as("Ctrl+9 lands on the conflicts table").isTrue();

        robot.press(KeyCode.TAB).release(KeyCode.TAB); // to the note: the version boxes are skipped
        robot.write("checked with bob: one deposit").press(KeyCode.ENTER).release(KeyCode.ENTER);

        TextArea settled = robot.lookup("#syncSettled").queryAs(TextArea.class);
        waitUntil(() -> settled.getText().contains("Settled by clerk1"));
        assertThat(settled.getText()).contains("checked with bob: one deposit");
        List<SyncConflict> stored = new SyncAttention(db.transactions()).conflicts();
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.open()).isFalse();
            assertThat(c.resolvedBy()).isEqualTo("clerk1");
            assertThat(c.resolutionNote()).isEqualTo("checked with bob: one deposit");
        });
        Label message = robot.lookup("#syncMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().contains("0 open conflict(s)"));
        assertThat(message.getText()).startsWith("Conflict ").contains("EFT800").contains("settled");
    }
}
