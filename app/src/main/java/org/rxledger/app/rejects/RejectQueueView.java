package org.rxledger.app.rejects;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Tables;
import org.rxledger.app.ui.WorkQueueLayout;
import org.rxledger.core.claim.FollowUpStatus;
import org.rxledger.core.claim.RejectQueue.WorkItem;

/**
 * The reject work queue: families on the left (with open counts), the rejects of the chosen family in a
 * table, and a bar to assign an owner and due date, change the status, or rebill (Ctrl+B). Binds only.
 */
public final class RejectQueueView extends BorderPane {

    static final KeyCombination ASSIGN = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination REBILL = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);

    private final TableView<WorkItem> table = new TableView<>();

    public RejectQueueView(RejectQueueViewModel vm) {
        setId("rejectQueue");
        getStyleClass().add("reject-queue");

        ListView<RejectQueueViewModel.FamilyCount> families = new ListView<>(vm.families());
        families.setId("rejectFamilies");
        families.getStyleClass().add(Styles.DENSE);
        families.setPrefWidth(210);
        families.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.familyProperty().set(now);
            }
        });
        vm.familyProperty().addListener((o, was, now) -> families.getSelectionModel().select(now));

        table.setId("rejectTable");
        table.setItems(vm.shownItems());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.loadingProperty())
                .then("Loading the reject queue…")
                .otherwise("No rejected claims. Rejected charges and imported rejects appear here."));
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                Tables.column("Family", 100, WorkItem::familyLabel),
                Tables.column("Reject", 250, i -> RejectQueueViewModel.rejectText(i.primaryCode(), i.meaning(), i.row().rejectCodes())),
                Tables.column("Rx", 100, i -> i.row().rxNumber() + "-" + String.format("%02d", i.row().fillNumber())),
                Tables.column("DOS", 92, i -> i.row().dateOfService().toString()),
                Tables.column("Patient", 140, i -> i.row().patientName()),
                Tables.column("Plan", 120, i -> i.row().planName()),
                Tables.column("Owner", 70, i -> i.followUp().owner() == null ? "—" : i.followUp().owner()),
                dueColumn(),
                Tables.column("Status", 78, i -> i.followUp().status().label()),
                Tables.column("Resolved by", 90, i -> i.followUp().resolvedByClaimId() == null ? "" : "claim #" + i.followUp().resolvedByClaimId())));
        Tables.followSelection(table, vm.selectedProperty());

        TextField owner = new TextField();
        owner.setId("rejectOwner");
        owner.setPromptText("Owner");
        owner.setPrefColumnCount(8);
        owner.textProperty().bindBidirectional(vm.ownerProperty());
        TextField due = new TextField();
        due.setId("rejectDue");
        due.setPromptText("Due YYYY-MM-DD");
        due.setPrefColumnCount(9);
        due.textProperty().bindBidirectional(vm.dueProperty());
        Button assign = new Button("Assign");
        assign.setId("rejectAssign");
        assign.setTooltip(new Tooltip("Save owner and due date (Ctrl+Shift+A)"));
        assign.setOnAction(e -> vm.assign());
        ChoiceBox<FollowUpStatus> status = new ChoiceBox<>();
        status.setId("rejectStatus");
        status.getItems().setAll(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.WAITING, FollowUpStatus.CLOSED);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(FollowUpStatus s) {
                return s == null ? "" : s.label();
            }

            @Override
            public FollowUpStatus fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(vm.statusProperty());
        TextField note = new TextField();
        note.setId("rejectNote");
        note.setPromptText("Note (e.g. PA faxed to prescriber)");
        HBox.setHgrow(note, Priority.ALWAYS);
        note.textProperty().bindBidirectional(vm.noteProperty());
        Button setStatus = new Button("Set status");
        setStatus.setId("rejectSetStatus");
        setStatus.setOnAction(e -> vm.changeStatus());
        Button rebill = new Button("Rebill…");
        rebill.setId("rejectRebill");
        rebill.getStyleClass().add(Styles.ACCENT);
        rebill.setTooltip(new Tooltip("Open the claim in charge entry, correct it and save: the rebill resolves this reject (Ctrl+B)"));
        rebill.setOnAction(e -> vm.rebill());
        HBox bar = new HBox(8, owner, due, assign, status, note, setStatus, rebill);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label explain = new Label();
        explain.setId("rejectExplain");
        explain.setWrapText(true);
        explain.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            WorkItem i = vm.selectedProperty().get();
            return i == null ? "Select a reject to see what it means and how it is usually fixed."
                    : "Reject " + i.primaryCode() + " — " + i.meaning() + ".   Typical fix: " + i.fix()
                    + "   Family: " + i.familyLabel() + (i.followUp().note().isEmpty() ? "" : ".   Note: " + i.followUp().note());
        }, vm.selectedProperty()));
        Label message = new Label();
        message.setId("rejectMessage");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);

        WorkQueueLayout.apply(this, "Reject follow-up", "Grouped by reject family. Resolve a reject "
                + "by rebilling the claim; the two are linked.", families, table, table, explain, bar, message);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ASSIGN.match(e)) {
                vm.assign();
                e.consume();
            } else if (REBILL.match(e)) {
                vm.rebill();
                e.consume();
            }
        });
    }

    private TableColumn<WorkItem, String> dueColumn() {
        TableColumn<WorkItem, String> c = Tables.column("Due", 112, i -> i.followUp().dueDate().toString() + (i.overdue() ? " overdue" : ""));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("overdue");
                if (!empty && item != null && item.endsWith("overdue")) {
                    getStyleClass().add("overdue");
                }
            }
        });
        return c;
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
