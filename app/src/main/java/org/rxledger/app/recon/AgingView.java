package org.rxledger.app.recon;

import static org.rxledger.app.recon.ReconTables.column;
import static org.rxledger.app.recon.ReconTables.count;
import static org.rxledger.app.recon.ReconTables.money;
import static org.rxledger.app.recon.ReconTables.titled;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.ReconciliationService.PayerAging;

/** The Aging tab: as-of date, payer × bucket table with totals, and a bar chart stacked by bucket per payer. */
public final class AgingView extends BorderPane {

    private final TableView<PayerAging> table = new TableView<>();
    private final StackedBarChart<String, Number> chart;

    public AgingView(AgingViewModel vm) {
        getStyleClass().add("aging-view");
        Label asOfLabel = new Label("_As of");
        asOfLabel.setMnemonicParsing(true);
        DatePicker asOf = new DatePicker();
        asOf.setId("agingAsOf");
        asOf.setPrefWidth(145);
        ReconTables.isoDates(asOf);
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());
        asOf.setTooltip(new Tooltip("Age the receivables as they stood at the end of this day"));
        asOfLabel.setLabelFor(asOf);
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.reload());
        Label summary = new Label();
        summary.setId("agingSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, asOfLabel, asOf, reload, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        table.setId("agingTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No open third-party receivable on this date."));
        table.getColumns().add(column("Payer", PayerAging::payerName, s -> s, 230));
        for (AgingBucket b : AgingBucket.values()) {
            table.getColumns().add(money(b.label(), a -> a.bucket(b)));
        }
        table.getColumns().add(money("Total", PayerAging::total));
        table.getColumns().add(count("Claims", PayerAging::openClaims));
        table.getColumns().add(money("Credits", PayerAging::credits));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PayerAging item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && AgingViewModel.ALL_PAYERS.equals(item.payerName()) ? "-fx-font-weight: bold;" : "");
            }
        });

        CategoryAxis payers = new CategoryAxis();
        payers.setLabel("Payer");
        NumberAxis amount = new NumberAxis();
        amount.setLabel("Open A/R ($)");
        chart = new StackedBarChart<>(payers, amount);
        chart.setId("agingChart");
        chart.setTitle("Open third-party A/R by payer, stacked by days from date of service");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setFocusTraversable(false);
        vm.payers().addListener((ListChangeListener<PayerAging>) c -> redraw(vm));
        redraw(vm);

        SplitPane split = new SplitPane(titled("By payer and bucket (days from date of service)", table), chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        setCenter(split);
    }

    /** One series per bucket, one category per payer; amounts are shown to the cent in the table above. */
    private void redraw(AgingViewModel vm) {
        chart.getData().clear();
        for (AgingBucket b : AgingBucket.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(b.label() + " days");
            for (PayerAging a : vm.payers()) {
                series.getData().add(new XYChart.Data<>(a.payerName(), a.bucket(b).amount()));
            }
            chart.getData().add(series);
        }
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
