package org.rxledger.app.sync;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.sync.ParkedEvent;
import org.rxledger.core.sync.WaitingEvent;
import org.rxledger.core.sync.SyncConflict;

/**
 * The Sync area: three tabs — conflicts (both versions side by side, a note and Settle), parked events (reason,
 * Retry, Discard with a reason) and events waiting to be sent. Keyboard: Ctrl+9 opens it on the conflicts table,
 * Ctrl+Tab moves between tabs, Tab to the note, Ctrl+Enter settles (or discards, on the parked tab); Alt+R retries.
 * Binds only.
 */
public final class SyncAreaView extends BorderPane {

    static final KeyCombination ACT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final TableView<SyncConflict> conflictTable = new TableView<>();
    private final TabPane tabs = new TabPane();

    public SyncAreaView(SyncAreaViewModel vm) {
        setId("syncArea");

        conflictTable.setId("syncConflicts");
        conflictTable.setItems(vm.conflicts());
        conflictTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        conflictTable.setPlaceholder(new Label("No conflicts: nothing another workstation did met a different version here."));
        conflictTable.getColumns().setAll(List.of(
                Tables.column("State", 70, (SyncConflict c) -> c.open() ? "open" : "settled"),
                Tables.column("Kind", 150, (SyncConflict c) -> c.kind() == SyncConflict.Kind.PAYMENT_POSTED_TWICE
                        ? "payment posted twice" : "claim differs"),
                Tables.column("About", 260, SyncConflict::subject),
                Tables.column("Met", 140, (SyncConflict c) -> Formats.timestamp(c.recordedAt())),
                Tables.column("Settled by", 100, (SyncConflict c) -> c.resolvedBy() == null ? "" : c.resolvedBy())));
        Tables.followSelection(conflictTable, vm.conflictProperty());

        TextArea here = readOnly("syncHere");
        TextArea there = readOnly("syncThere");
        TextArea settled = readOnly("syncSettled");
        vm.conflictProperty().addListener((o, was, c) -> {
            here.setText(c == null ? "" : c.here());
            there.setText(c == null ? "" : c.there());
            settled.setText(c == null ? "" : c.settled() + (c.open() ? ""
                    : "\nSettled by " + c.resolvedBy() + " at " + Formats.timestamp(c.resolvedAt()) + ": " + c.resolutionNote()));
        });
        GridPane versions = new GridPane();
        versions.setHgap(8);
        versions.setVgap(4);
        versions.addRow(0, new Label("This workstation"), new Label("The other workstation"));
        versions.addRow(1, here, there);
        versions.add(new Label("What the sync did"), 0, 2, 2, 1);
        versions.add(settled, 0, 3, 2, 1);
        GridPane.setHgrow(here, Priority.ALWAYS);
        GridPane.setHgrow(there, Priority.ALWAYS);

        TextField note = new TextField();
        note.setId("syncNote");
        note.setPromptText("Note: what you checked or corrected");
        note.textProperty().bindBidirectional(vm.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setOnAction(e -> vm.resolve());
        Button resolve = new Button("_Settle");
        resolve.setId("syncResolve");
        resolve.getStyleClass().add(Styles.ACCENT);
        resolve.setTooltip(new Tooltip("Mark the selected conflict as settled with the note (Enter in the note, Ctrl+Enter)"));
        resolve.setOnAction(e -> vm.resolve());
        HBox resolveBar = new HBox(8, note, resolve);
        VBox conflictPane = new VBox(8, conflictTable, versions, resolveBar);
        VBox.setVgrow(conflictTable, Priority.ALWAYS);
        conflictPane.setPadding(new Insets(8));
        Tab conflictTab = new Tab();
        conflictTab.textProperty().bind(Bindings.createStringBinding(
                () -> "Conflicts (" + SyncAreaViewModel.shown(vm.conflicts().size()) + ")", vm.conflicts()));
        conflictTab.setContent(conflictPane);

        TableView<ParkedEvent> parkedTable = new TableView<>(vm.parked());
        parkedTable.setId("syncParked");
        parkedTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        parkedTable.setPlaceholder(new Label("No parked events: everything from the other workstations was applied here."));
        parkedTable.getColumns().setAll(List.of(
                Tables.column("Event", 160, ParkedEvent::type),
                Tables.column("From", 110, (ParkedEvent p) -> p.originName() + " · " + p.originUser()),
                Tables.column("Why it is parked", 480, ParkedEvent::reason),
                Tables.column("Since", 140, (ParkedEvent p) -> Formats.timestamp(p.recordedAt()))));
        Tables.followSelection(parkedTable, vm.parkedEventProperty());
        TextField reason = new TextField();
        reason.setId("syncDiscardReason");
        reason.setPromptText("Reason for not applying it here (e.g. done here by hand)");
        reason.textProperty().bindBidirectional(vm.discardReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button discard = new Button("_Discard");
        discard.setId("syncDiscard");
        discard.setTooltip(new Tooltip("Do not apply the selected event here; it stays on the central server (Ctrl+Enter)"));
        discard.setOnAction(e -> vm.discard());
        Button retry = new Button("_Retry");
        retry.setId("syncRetry");
        retry.setTooltip(new Tooltip("Apply the selected event again now (after an upgrade, or once you corrected what "
                + "made it fail here); needs the central server"));
        retry.setOnAction(e -> vm.retry());
        VBox parkedPane = new VBox(8, parkedTable, new HBox(8, retry, reason, discard));
        VBox.setVgrow(parkedTable, Priority.ALWAYS);
        parkedPane.setPadding(new Insets(8));
        Tab parkedTab = new Tab();
        parkedTab.textProperty().bind(Bindings.createStringBinding(
                () -> "Parked (" + SyncAreaViewModel.shown(vm.parked().size()) + ")", vm.parked()));
        parkedTab.setContent(parkedPane);

        TableView<WaitingEvent> waitingTable = new TableView<>(vm.waiting());
        waitingTable.setId("syncWaiting");
        waitingTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        waitingTable.setPlaceholder(new Label("Nothing waits: the central server has every event of this workstation."));
        waitingTable.getColumns().setAll(List.of(
                Tables.column("#", 70, (WaitingEvent w) -> String.valueOf(w.seq())),
                Tables.column("Event", 200, WaitingEvent::type),
                Tables.column("By", 120, WaitingEvent::user),
                Tables.column("When", 160, (WaitingEvent w) -> Formats.timestamp(w.occurredAt()))));
        Tab waitingTab = new Tab();
        waitingTab.textProperty().bind(Bindings.createStringBinding(
                () -> "Waiting to be sent (" + SyncAreaViewModel.shown(vm.waiting().size()) + ")", vm.waiting()));
        waitingTab.setContent(waitingTable);

        for (Tab t : List.of(conflictTab, parkedTab, waitingTab)) {
            t.setClosable(false);
        }
        tabs.setId("syncTabs");
        tabs.getTabs().setAll(conflictTab, parkedTab, waitingTab);
        setOnKeyPressed(e -> {
            if (ACT.match(e)) {
                if (tabs.getSelectionModel().getSelectedItem() == parkedTab) {
                    vm.discard();
                } else {
                    vm.resolve();
                }
                e.consume();
            }
        });

        Label message = new Label();
        message.setId("syncMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 0, 8));
        setTop(message);
        setCenter(tabs);
    }

    /** Ctrl+9: to the conflicts table, its first row selected. */
    public void focusConflicts() {
        tabs.getSelectionModel().select(0);
        conflictTable.requestFocus();
        if (conflictTable.getSelectionModel().isEmpty() && !conflictTable.getItems().isEmpty()) {
            conflictTable.getSelectionModel().select(0);
        }
    }

    private static TextArea readOnly(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(3);
        t.setFocusTraversable(false);
        return t;
    }

}
