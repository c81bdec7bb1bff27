package org.rxledger.app.recon;

import java.util.List;
import static org.rxledger.app.recon.ReconTables.column;
import static org.rxledger.app.recon.ReconTables.count;
import static org.rxledger.app.recon.ReconTables.money;
import static org.rxledger.app.recon.ReconTables.titled;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rxledger.core.recon.DailyReconciliation;

/**
 * The Daily tab: a business day per payer, its A/R roll-forward, PLB by code and variances. Alt+← / Alt+→ step
 * a day back or forward from anywhere in the tab; the payer table has the focus.
 */
public final class DailyView extends BorderPane {

    static final KeyCombination PREVIOUS_DAY = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    static final KeyCombination NEXT_DAY = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    private final DailyViewModel vm;
    private final TableView<DailyReconciliation.PayerDay> payers = new TableView<>();

    public DailyView(DailyViewModel vm) {
        this.vm = vm;
        getStyleClass().add("daily-view");
        setTop(toolbar());

        SplitPane lower = new SplitPane(rollForwardBox(), titled("PLB by code", plbTable()),
                titled("Variances", varianceTable()));
        lower.setDividerPositions(0.40, 0.62);
        SplitPane split = new SplitPane(titled("Per payer (claims by adjudication date, payments by 835 payment date BPR16)",
                payerTable()), lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        setCenter(split);

        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (PREVIOUS_DAY.match(e)) {
                vm.previousDay();
                e.consume();
            } else if (NEXT_DAY.match(e)) {
                vm.nextDay();
                e.consume();
            }
        });
    }

    private HBox toolbar() {
        Button previous = new Button("◀ Previous day");
        previous.setId("previousDay");
        previous.setTooltip(new Tooltip("One business day back (Alt+←)"));
        previous.setOnAction(e -> vm.previousDay());
        DatePicker date = new DatePicker();
        date.setId("dailyDate");
        date.setPrefWidth(145);
        ReconTables.isoDates(date);
        date.valueProperty().bindBidirectional(vm.dateProperty());
        date.setTooltip(new Tooltip("The business day to reconcile (type YYYY-MM-DD and Enter)"));
        Button next = new Button("Next day ▶");
        next.setId("nextDay");
        next.setTooltip(new Tooltip("One business day forward (Alt+→)"));
        next.setOnAction(e -> vm.nextDay());
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.reload());
        Label summary = new Label();
        summary.setId("dailySummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, previous, date, next, reload, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private TableView<DailyReconciliation.PayerDay> payerTable() {
        payers.setId("dailyPayers");
        payers.setItems(vm.payers());
        payers.setPlaceholder(new Label("Nothing adjudicated, paid or open on this day."));
        payers.getColumns().setAll(List.of(
                column("Payer", DailyReconciliation.PayerDay::payer, s -> s, 200),
                count("Claims", DailyReconciliation.PayerDay::claims),
                money("Expected", DailyReconciliation.PayerDay::expected),
                count("Pmts", DailyReconciliation.PayerDay::payments),
                money("Received", DailyReconciliation.PayerDay::received),
                money("Posted", DailyReconciliation.PayerDay::posted),
                money("To claims", DailyReconciliation.PayerDay::cashToClaims),
                money("Unapplied", DailyReconciliation.PayerDay::unapplied),
                money("PLB taken", DailyReconciliation.PayerDay::plbTaken),
                money("Open A/R", p -> p.rollForward().opening()),
                money("Close A/R", p -> p.rollForward().closing()),
                money("Difference", p -> p.rollForward().difference())));
        payers.getColumns().forEach(c -> c.setSortable(false));
        payers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        payers.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DailyReconciliation.PayerDay item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && DailyReconciliation.ALL_PAYERS.equals(item.payer()) ? "-fx-font-weight: bold;" : "");
            }
        });
        payers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedPayerProperty().set(now);
            }
        });
        return payers;
    }

    private Region rollForwardBox() {
        TableView<DailyViewModel.RollLine> t = new TableView<>(vm.rollForward());
        t.setId("rollForward");
        t.setPlaceholder(new Label("Choose a day."));
        t.getColumns().setAll(List.of(column("", DailyViewModel.RollLine::label, s -> s, 290),
                money("Amount", DailyViewModel.RollLine::amount)));
        t.getColumns().forEach(c -> c.setSortable(false));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add(Styles.DENSE);
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(DailyViewModel.RollLine item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.balance() ? "-fx-font-weight: bold;" : "");
            }
        });
        Label title = new Label();
        title.setId("rollForwardTitle");
        title.textProperty().bind(vm.rollForwardTitleProperty());
        return titled(title, t);
    }

    private TableView<DailyReconciliation.PlbTotal> plbTable() {
        TableView<DailyReconciliation.PlbTotal> t = new TableView<>(vm.plb());
        t.setId("dailyPlb");
        t.setPlaceholder(new Label("No provider-level adjustments."));
        t.setTooltip(new Tooltip("PLB items of the day's 835 payments; a positive amount was taken from the payment"));
        t.getStyleClass().add(Styles.DENSE);
        t.getColumns().setAll(List.of(column("Payer", DailyReconciliation.PlbTotal::payer, s -> s, 110),
                column("Code", DailyReconciliation.PlbTotal::code, s -> s, 50),
                count("Items", DailyReconciliation.PlbTotal::items),
                money("Amount", DailyReconciliation.PlbTotal::amount)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<DailyReconciliation.Variance> varianceTable() {
        TableView<DailyReconciliation.Variance> t = new TableView<>(vm.variances());
        t.setId("dailyVariances");
        t.getStyleClass().add(Styles.DENSE);
        t.setPlaceholder(new Label("No variances: the day balances."));
        t.getColumns().setAll(List.of(column("Payer", DailyReconciliation.Variance::payer, s -> s, 140),
                column("Category", v -> v.category().label(), s -> s, 190),
                count("Count", DailyReconciliation.Variance::count),
                money("Amount", DailyReconciliation.Variance::amount)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    public void focusTable() {
        payers.requestFocus();
        if (payers.getSelectionModel().isEmpty() && !payers.getItems().isEmpty()) {
            payers.getSelectionModel().selectLast();
        }
    }
}
