package org.rxledger.app.exceptions;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.app.ui.WorkQueueLayout;
import org.rxledger.core.exceptions.ExceptionItem;

/**
 * The exceptions work queue: categories with counts on the left, filters and the items in a table, the
 * selected item's why / next step / candidates below, and keyboard actions: A or Ctrl+Shift+A assign to
 * me, R or Ctrl+Enter resolve with a note (the next open item is selected), Enter opens the claim. Binds only.
 */
public final class ExceptionsView extends BorderPane {

    static final KeyCombination ASSIGN = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RESOLVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ExceptionsViewModel vm;
    private final TableView<ExceptionItem> table = new TableView<>();

    public ExceptionsView(ExceptionsViewModel vm) {
        this.vm = vm;
        setId("exceptionsQueue");

        ListView<ExceptionsViewModel.CategoryCount> categories = new ListView<>(vm.categories());
        categories.setId("exceptionCategories");
        categories.getStyleClass().add(Styles.DENSE);
        categories.setPrefWidth(230);
        categories.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.categoryProperty().set(now);
            }
        });
        vm.categoryProperty().addListener((o, was, now) -> categories.getSelectionModel().select(now));

        ComboBox<String> payer = new ComboBox<>(vm.payers());
        payer.setId("exceptionPayer");
        payer.valueProperty().bindBidirectional(vm.payerProperty());
        payer.setTooltip(new Tooltip("Only this payer's items"));
        ChoiceBox<ExceptionsViewModel.StatusChoice> status = new ChoiceBox<>();
        status.setId("exceptionStatus");
        status.getItems().setAll(ExceptionsViewModel.StatusChoice.values());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setTooltip(new Tooltip("Open, resolved, or both"));
        CheckBox mine = new CheckBox("_Mine only");
        mine.setId("exceptionMine");
        mine.selectedProperty().bindBidirectional(vm.mineProperty());
        Label shownCount = new Label();
        shownCount.getStyleClass().add(Styles.TEXT_MUTED);
        shownCount.textProperty().bind(Bindings.createStringBinding(
                () -> Formats.count(vm.shownItems().size()) + " shown", vm.shownItems()));
        HBox filters = new HBox(8, new Label("Payer"), payer, new Label("Status"), status, mine, new Region(), shownCount);
        HBox.setHgrow(filters.getChildren().get(5), Priority.ALWAYS);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("exceptionTable");
        table.setItems(vm.shownItems());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("No exceptions here. Short-paid, denied, unmatched … remittance lines appear here after an 835 import."));
        TableColumn<ExceptionItem, ExceptionItem> category = new TableColumn<>("Category");
        category.setPrefWidth(160);
        category.setCellValueFactory(Cells.value(i -> i));
        category.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(ExceptionItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(item.category().label() + (item.open() ? "" : " ✓"));
                chip.getStyleClass().setAll("label", "status-chip", chipClass(item));
                setGraphic(chip);
            }
        });
        table.getColumns().setAll(List.of(category,
                Tables.column("Payer", 130, ExceptionItem::payer),
                Tables.column("Rx-fill / CLP01", 124, ExceptionItem::reference),
                Tables.column("Trace", 150, ExceptionItem::trace),
                // no claim known (unmatched, ambiguous, PLB): nothing can be expected, so no difference either
                Tables.money("Expected", 96, i -> i.claimId() == null ? null : i.expected()),
                Tables.money("Paid", 96, ExceptionItem::paid),
                Tables.money("Difference", 96, i -> i.claimId() == null ? null : i.difference()),
                Tables.column("Age", 66, i -> i.age() + " d"),
                Tables.column("Owner", 70, i -> i.owner() == null ? "—" : i.owner()),
                Tables.column("Why", 380, ExceptionItem::reason)));
        Tables.followSelection(table, vm.selectedProperty());
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown() && e.getCode() == KeyCode.ENTER) {
                vm.openInRemittances();
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            if (e.getCode() == KeyCode.A) {
                vm.assignToMe();
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                askAndResolve();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.openSelected();
                e.consume();
            }
        });

        Label key = detail("exceptionKey");
        key.getStyleClass().add(Styles.TEXT_BOLD);
        Label why = detail("exceptionWhy");
        Label next = detail("exceptionNext");
        next.getStyleClass().add(Styles.ACCENT);
        Label more = detail("exceptionMore");
        key.textProperty().bind(Bindings.createStringBinding(() -> {
            ExceptionItem i = vm.selectedProperty().get();
            return i == null ? "Select an exception to see why it is one and what to do next."
                    : i.key() + " · " + i.category().label() + " · " + i.payer() + " · arose " + Formats.date(i.arose())
                    + " (" + i.age() + " days) · " + (i.open() ? "open" : "resolved")
                    + (i.owner() == null ? "" : " · owner " + i.owner());
        }, vm.selectedProperty()));
        why.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : "Why: " + vm.selectedProperty().get().reason(), vm.selectedProperty()));
        next.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : "Next step: " + vm.selectedProperty().get().nextStep(), vm.selectedProperty()));
        more.textProperty().bind(Bindings.createStringBinding(() -> {
            ExceptionItem i = vm.selectedProperty().get();
            if (i == null) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            if (!i.candidates().isEmpty()) {
                s.append("Candidates:\n  ").append(String.join("\n  ", i.candidates()));
            }
            if (i.note() != null) {
                s.append(s.isEmpty() ? "" : "\n").append(i.open() ? "Reopened: " : "Resolved: ").append(i.note());
            }
            return s.toString();
        }, vm.selectedProperty()));
        VBox detailPane = new VBox(4, key, why, next, more);
        detailPane.setId("exceptionDetail");
        detailPane.setPadding(new Insets(6, 8, 6, 8));
        detailPane.getStyleClass().add("exception-detail");

        Button assign = new Button("Assign to me");
        assign.setId("exceptionAssign");
        assign.setTooltip(new Tooltip("Make me the owner (A in the list, or Ctrl+Shift+A)"));
        assign.setOnAction(e -> vm.assignToMe());
        Button resolve = new Button("Resolve…");
        resolve.setId("exceptionResolve");
        resolve.getStyleClass().add(Styles.ACCENT);
        resolve.setTooltip(new Tooltip("Resolve with a note; the next open item is selected (R in the list, or Ctrl+Enter)"));
        resolve.setOnAction(e -> askAndResolve());
        Button reopen = new Button("Reopen");
        reopen.setId("exceptionReopen");
        reopen.setTooltip(new Tooltip("Open a resolved item again"));
        reopen.setOnAction(e -> vm.reopen());
        Button open = new Button("Open claim");
        open.setId("exceptionOpen");
        open.setTooltip(new Tooltip("Show the claim in the claims browser (Enter in the list); an item without a claim"
                + " opens in Remittances"));
        open.setOnAction(e -> vm.openSelected());
        Button remittance = new Button("Open in Remittances");
        remittance.setId("exceptionOpenRemittance");
        remittance.setTooltip(new Tooltip("Show the item's payment in Remittances, on its claim payment or PLB item,"
                + " to match or attribute it there (Shift+Enter in the list)"));
        remittance.setOnAction(e -> vm.openInRemittances());
        remittance.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().paymentId() == null,
                vm.selectedProperty()));
        Button reload = new Button("Recompute");
        reload.setId("exceptionReload");
        reload.setTooltip(new Tooltip("Derive the queue again from the remittances and the ledger"));
        reload.setOnAction(e -> vm.reload());
        Label message = new Label();
        message.setId("exceptionMessage");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, assign, resolve, reopen, open, remittance, reload, message);
        bar.setAlignment(Pos.CENTER_LEFT);

        WorkQueueLayout.apply(this, "Exceptions", "Remittance lines, claims and PLB items that need a person. "
                + "↑↓ move · A assign to me · R or Ctrl+Enter resolve with a note · Enter open the claim · Shift+Enter open in Remittances",
                categories, table, filters, table, detailPane, bar);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ASSIGN.match(e)) {
                vm.assignToMe();
                e.consume();
            } else if (RESOLVE.match(e)) {
                askAndResolve();
                e.consume();
            }
        });
    }

    /** Asks for the resolution note (required; Enter confirms, Esc cancels) and resolves. */
    void askAndResolve() {
        ExceptionItem i = vm.selectedProperty().get();
        if (i == null || !i.open()) {
            vm.resolve(null); // says why nothing happens
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Resolve exception");
        ask.setHeaderText("Resolve " + i.key() + " (" + i.category().label() + ", " + i.reference() + ")\n"
                + "Next step was: " + i.nextStep() + "\nSay what was done:");
        ask.getEditor().setId("exceptionNote");
        ask.getEditor().setPrefColumnCount(50);
        ask.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> ask.getEditor().getText().isBlank(), ask.getEditor().textProperty()));
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        Optional<String> note = ask.showAndWait().filter(s -> !s.isBlank());
        note.ifPresent(vm::resolve);
        table.requestFocus();
    }

    private static String chipClass(ExceptionItem i) {
        if (!i.open()) {
            return "status-paid";
        }
        return switch (i.category()) {
            case DENIED, UNMATCHED -> "status-rejected";
            case REVERSED -> "status-reversed";
            case PAID_TWICE, OVER_PAID -> "status-duplicate";
            default -> "status-other";
        };
    }

    private static Label detail(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
