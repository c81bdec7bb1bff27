package org.rxledger.app.payers;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.rxledger.app.payers.PayersViewModel.PayerRow;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.payer.RoutingLink;

/**
 * The Payers screen: a search over the payer directory, its payers in a table, and a bar to merge the selected
 * payer into another (Ctrl+M) or move one of its routings to another payer (Ctrl+R), each with a reason and a
 * confirm dialog. Binds only.
 */
public final class PayersView extends BorderPane {

    static final KeyCombination MERGE = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination MOVE_ROUTING = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final PayersViewModel vm;
    private final TableView<PayerRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<PayerRow> other = new ComboBox<>();

    public PayersView(PayersViewModel vm) {
        this.vm = vm;
        setId("payersView");

        Label title = new Label("Payers");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = new Label("One PBM or plan per row: the BIN/PCN/group routings its claims carry and the 835 identities "
                + "its payments carry. Ctrl+M merges the selected payer into the other payer, Ctrl+R moves a routing; "
                + "a reason is required.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        VBox top = new VBox(2, title, help);
        top.setPadding(new Insets(8, 12, 8, 12));

        search.setId("payerSearch");
        search.setPromptText("Search by name, BIN or 835 identity");
        search.setPrefColumnCount(30);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        Label count = new Label();
        count.setId("payerCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.shownPayers().size() + " of "
                + vm.allPayers().size() + " payers", vm.shownPayers(), vm.allPayers()));
        Label searchLabel = new Label("_Search");
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);
        HBox searchBar = new HBox(8, searchLabel, search, count);
        searchBar.setAlignment(Pos.CENTER_LEFT);

        table.setId("payerTable");
        table.setItems(vm.shownPayers());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.loadingProperty())
                .then("Loading the payer directory…")
                .otherwise("No payers. Import the directory with `rxledger payers import FILE.csv`, or clear the search."));
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                Tables.column("ID", 32, r -> String.valueOf(r.id())),
                Tables.column("Payer", 260, PayerRow::name),
                Tables.column("Routings (BIN / PCN / group)", 292, PayerRow::routings),
                Tables.column("835 identities", 302, PayerRow::identities),
                Tables.column("CLP07 carries", 390, PayerRow::clp07)));
        Tables.followSelection(table, vm.selectedProperty());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                other.requestFocus();
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        other.setItems(vm.otherPayers());
        other.setId("payerTarget");
        other.setPromptText("Other payer (survivor)");
        other.setPrefWidth(260);
        other.valueProperty().bindBidirectional(vm.targetProperty());
        ComboBox<RoutingLink> routing = new ComboBox<>(vm.routings());
        routing.setId("payerRouting");
        routing.setPromptText("Routing to move");
        routing.setPrefWidth(330);
        routing.setConverter(new StringConverter<>() {
            @Override
            public String toString(RoutingLink r) {
                return r == null ? "" : r.routing().label();
            }

            @Override
            public RoutingLink fromString(String s) {
                return null;
            }
        });
        routing.valueProperty().bindBidirectional(vm.routingProperty());
        TextField reason = new TextField();
        reason.setId("payerReason");
        reason.setPromptText("Reason (required, kept in the audit trail)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        Button merge = button("Merge into other…", "payerMerge", "Merge the selected payer into the other payer (Ctrl+M)", this::merge);
        merge.getStyleClass().add(Styles.ACCENT);
        Button move = button("Move routing…", "payerMove", "Move the chosen routing to the other payer (Ctrl+R)", this::moveRouting);
        HBox bar = new HBox(8, other, routing, reason, merge, move);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("payerMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());

        VBox center = new VBox(6, searchBar, table, bar, message);
        center.setPadding(new Insets(0, 12, 8, 12));
        setTop(top);
        setCenter(center);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (MERGE.match(e)) {
                merge();
                e.consume();
            } else if (MOVE_ROUTING.match(e)) {
                moveRouting();
                e.consume();
            }
        });
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        // Enter fires the focused button as Space does, so the bar works from the keyboard alone
        b.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                b.fire();
                e.consume();
            }
        });
        return b;
    }

    void merge() {
        confirmThen("Merge payers", vm::mergeQuestion, vm::merge);
    }

    void moveRouting() {
        confirmThen("Move routing", vm::moveQuestion, vm::moveRouting);
    }

    /** Asks {@code question} (null: the view model has said what is missing) and runs {@code action} on OK. */
    private void confirmThen(String title, Supplier<String> question, Runnable action) {
        String text = question.get();
        if (text == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(title);
        confirm.setHeaderText(title);
        confirm.getDialogPane().setId("payerConfirm");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            action.run();
        }
        table.requestFocus();
    }

    public void focusSearch() {
        search.requestFocus();
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
