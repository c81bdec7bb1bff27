package org.rxledger.app.home;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rxledger.app.home.HomeViewModel.Drill;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.kpi.Dashboard;
import org.rxledger.core.kpi.Dashboard.PayerFigures;
import org.rxledger.core.kpi.Kpi;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;

/**
 * The Home area: a row of figures, each with its definition as tooltip, and charts under them. A figure or chart
 * clicked opens the area whose lists hold its rows. Binds only.
 */
public final class HomeView extends BorderPane {

    private static final int TILE_COLUMNS = 6;

    private final HomeViewModel vm;
    private final GridPane tiles = new GridPane();
    private final BarChart<String, Number> days = barChart("Days sales outstanding and days to pay, by payer");
    private final StackedBarChart<String, Number> aging = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> denials = barChart("Top denial codes (claim payments)");
    private final BarChart<String, Number> plb = barChart("PLB by code and month (positive = taken from the payment)");
    private final BarChart<String, Number> shortfalls = barChart("Short-paid, underpaid and below cost, by payer");
    private final PieChart writeOffs = new PieChart();
    private final ToggleButton patientAging = new ToggleButton("Patient");

    public HomeView(HomeViewModel vm) {
        this.vm = vm;
        setId("homeView");
        // the shell's areas share one stack: Home must not make the window wider or taller than the others ask
        setMinSize(0, 0);
        setPrefSize(600, 400);
        setTop(toolbar());

        tiles.setId("kpiTiles");
        tiles.setHgap(8);
        tiles.setVgap(8);
        for (int i = 0; i < TILE_COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / TILE_COLUMNS);
            tiles.getColumnConstraints().add(c);
        }

        aging.setTitle("Receivables by age, weekly");
        writeOffs.setTitle("Write-offs by kind");
        aging.setAnimated(false);
        ((CategoryAxis) aging.getXAxis()).setTickLabelRotation(0);
        writeOffs.setAnimated(false);
        writeOffs.setLegendVisible(false);
        days.setId("chartDays");
        aging.setId("chartAging");
        denials.setId("chartDenials");
        plb.setId("chartPlb");
        shortfalls.setId("chartShortfalls");
        writeOffs.setId("chartWriteOffs");
        drillOnClick(days, Drill.RECONCILIATION, Kpi.DSO);
        drillOnClick(aging, Drill.RECONCILIATION, Kpi.AGING_TREND);
        drillOnClick(denials, Drill.EXCEPTIONS, Kpi.TOP_DENIALS);
        drillOnClick(plb, Drill.REMITTANCES, Kpi.PLB_FEES);
        drillOnClick(shortfalls, Drill.CONTRACTS, Kpi.UNDERPAID);
        drillOnClick(writeOffs, Drill.PATIENT_ACCOUNTS, Kpi.WRITE_OFFS);

        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            charts.getColumnConstraints().add(c);
        }
        patientAging.setId("agingPatient");
        patientAging.getStyleClass().add(Styles.SMALL);
        patientAging.setTooltip(new Tooltip("Show the patient receivable's aging instead of the third-party one"));
        patientAging.selectedProperty().addListener((o, was, now) -> fillAging(vm.dashboardProperty().get()));
        VBox agingBox = new VBox(2, aging, patientAging);
        VBox.setVgrow(aging, Priority.ALWAYS);
        charts.add(days, 0, 0);
        charts.add(agingBox, 1, 0);
        charts.add(denials, 2, 0);
        charts.add(plb, 0, 1);
        charts.add(shortfalls, 1, 1);
        charts.add(writeOffs, 2, 1);
        for (Node n : charts.getChildren()) {
            if (n instanceof Region r) {
                r.setPrefHeight(262);
                r.setMinHeight(220);
            }
        }

        VBox content = new VBox(10, tiles, charts);
        content.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        vm.dashboardProperty().addListener((o, was, now) -> fill(now));
        vm.figures().addListener((o, was, now) -> fillTiles(vm.dashboardProperty().get(), now));
        fillTiles(null, null);
    }

    private HBox toolbar() {
        Label title = new Label("Home");
        title.getStyleClass().add(Styles.TITLE_4);
        DatePicker from = new DatePicker();
        from.setId("homeFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("homeTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(130);
        Button refresh = new Button("Show");
        refresh.setId("homeRefresh");
        refresh.getStyleClass().add(Styles.ACCENT);
        refresh.setOnAction(e -> vm.reload());
        Button last30 = new Button("Last 30 days");
        last30.setOnAction(e -> vm.lastDays(30));
        Button last90 = new Button("Last 90 days");
        last90.setOnAction(e -> vm.lastDays(90));
        ComboBox<String> payer = new ComboBox<>(vm.payers());
        payer.setId("homePayer");
        payer.valueProperty().bindBidirectional(vm.payerProperty());
        payer.setTooltip(new Tooltip("The figures of one payer; the charts of aging, PLB and denial codes stay office-wide"));
        payer.setPrefWidth(220);
        Label message = new Label();
        message.setId("homeMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(0);
        HBox bar = new HBox(8, title, new Label("From"), from, new Label("to"), to, refresh, last30, last90,
                new Label("Payer"), payer);
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.getChildren().add(message);
        HBox.setHgrow(message, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 4, 12));
        return bar;
    }

    private void fill(Dashboard d) {
        fillTiles(d, vm.figures().get());
        days.getData().clear();
        denials.getData().clear();
        plb.getData().clear();
        shortfalls.getData().clear();
        writeOffs.getData().clear();
        fillAging(d);
        if (d == null) {
            return;
        }
        XYChart.Series<String, Number> dso = new XYChart.Series<>();
        dso.setName("DSO (days)");
        XYChart.Series<String, Number> pay = new XYChart.Series<>();
        pay.setName("Days to pay");
        XYChart.Series<String, Number> shortPaid = new XYChart.Series<>();
        shortPaid.setName("Short-paid");
        XYChart.Series<String, Number> underpaid = new XYChart.Series<>();
        underpaid.setName("Underpaid vs contract");
        XYChart.Series<String, Number> belowCost = new XYChart.Series<>();
        belowCost.setName("Below cost");
        for (PayerFigures p : d.payers()) {
            String name = shortName(p.payer());
            if (p.dso() != null) {
                dso.getData().add(new XYChart.Data<>(name, p.dso()));
            }
            if (p.daysToPay() != null) {
                pay.getData().add(new XYChart.Data<>(name, p.daysToPay()));
            }
            if (!p.shortAmount().isZero() || !p.underpaidAmount().isZero() || !p.belowCostAmount().isZero()) {
                shortPaid.getData().add(new XYChart.Data<>(name, p.shortAmount().amount()));
                underpaid.getData().add(new XYChart.Data<>(name, p.underpaidAmount().amount()));
                belowCost.getData().add(new XYChart.Data<>(name, p.belowCostAmount().amount()));
            }
        }
        days.getData().setAll(java.util.List.of(dso, pay));
        shortfalls.getData().setAll(java.util.List.of(shortPaid, underpaid, belowCost));
        XYChart.Series<String, Number> codes = new XYChart.Series<>();
        codes.setName("Claim payments denied");
        d.topDenials().forEach(c -> codes.getData().add(new XYChart.Data<>(c.code(), c.lines())));
        denials.getData().add(codes);
        denials.setLegendVisible(false);
        Map<String, XYChart.Series<String, Number>> byCode = new TreeMap<>();
        for (var p : d.plb()) {
            XYChart.Series<String, Number> s = byCode.computeIfAbsent(p.code(), code -> {
                XYChart.Series<String, Number> n = new XYChart.Series<>();
                n.setName(code);
                return n;
            });
            s.getData().add(new XYChart.Data<>(p.month().toString().substring(0, 7), p.amount().amount()));
        }
        plb.getData().setAll(byCode.values());
        d.writeOffs().stream().filter(w -> w.amount().isPositive()).forEach(w -> writeOffs.getData().add(
                new PieChart.Data(w.kind() + " " + Formats.money(w.amount()), w.amount().amount().doubleValue())));
        writeOffs.setTitle(writeOffs.getData().isEmpty() ? "Write-offs by kind: none approved in the period"
                : "Write-offs by kind");
    }

    private void fillAging(Dashboard d) {
        aging.getData().clear();
        if (d == null) {
            return;
        }
        boolean patient = patientAging.isSelected();
        aging.setTitle((patient ? "Patient" : "Third-party") + " receivable by age, weekly");
        for (AgingBucket b : AgingBucket.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(b.label());
            for (Dashboard.AgingSnapshot snap : d.aging()) {
                Money m = (patient ? snap.patient() : snap.thirdParty()).getOrDefault(b, Money.ZERO);
                s.getData().add(new XYChart.Data<>(snap.asOf().toString().substring(5), m.amount()));
            }
            aging.getData().add(s);
        }
    }

    private void fillTiles(Dashboard d, PayerFigures p) {
        tiles.getChildren().clear();
        Dashboard.AgingSnapshot last = d == null || d.aging().isEmpty() ? null : d.aging().get(d.aging().size() - 1);
        add(0, tile("kpiReceivable", Kpi.RECEIVABLE, p == null ? "—" : Formats.money(p.receivable()),
                p == null ? "" : "DSO " + days(p.dso()) + " days", Drill.RECONCILIATION));
        add(1, tile("kpiDaysToPay", Kpi.DAYS_TO_PAY, p == null ? "—" : days(p.daysToPay()),
                p == null ? "" : "days from fill to payment", Drill.REMITTANCES));
        add(2, tile("kpiAutoMatch", Kpi.AUTO_MATCH_RATE, p == null ? "—" : percent(p.autoMatchRate()),
                p == null ? "" : Formats.count(p.autoMatched()) + " of " + Formats.count(p.remitLines()) + " claim payments",
                Drill.REMITTANCES));
        add(3, tile("kpiDenialRate", Kpi.DENIAL_RATE, p == null ? "—" : percent(p.denialRate()),
                p == null ? "" : Formats.count(p.denied()) + " of " + Formats.count(p.judged()) + " matched", Drill.EXCEPTIONS));
        add(4, tile("kpiShortPaid", Kpi.SHORT_PAID, p == null ? "—" : Formats.money(p.shortAmount()),
                p == null ? "" : Formats.count(p.shortPaid(), "claim payment", "claim payments"), Drill.EXCEPTIONS));
        add(5, tile("kpiUnderpaid", Kpi.UNDERPAID, p == null ? "—" : Formats.money(p.underpaidAmount()),
                p == null ? "" : Formats.count(p.underpaid(), "claim", "claims") + " below contract", Drill.CONTRACTS));
        add(6, tile("kpiBelowCost", Kpi.BELOW_COST, p == null ? "—" : Formats.money(p.belowCostAmount()),
                p == null ? "" : Formats.count(p.belowCost(), "claim", "claims") + " below invoice cost", Drill.CONTRACTS));
        add(7, tile("kpiPayerCash", "Payer collections", Kpi.COLLECTIONS, d == null ? "—" : Formats.money(d.collected().payerCash()),
                d == null ? "" : Formats.count(d.collected().payments(), "835 payment", "835 payments"),
                Drill.RECONCILIATION));
        add(8, tile("kpiPatientCash", "Patient collections", Kpi.COLLECTIONS, d == null ? "—" : Formats.money(d.collected().patientCash()),
                d == null ? "" : Formats.count(d.collected().patientPayments(), "payment", "payments") + " less refunds",
                Drill.PATIENT_ACCOUNTS));
        add(9, tile("kpiPatientAr", "Patient A/R", Kpi.AGING_TREND, last == null ? "—" : Formats.money(last.patientTotal()),
                "as of the last day", Drill.PATIENT_ACCOUNTS));
        add(10, tile("kpiWriteOffs", Kpi.WRITE_OFFS, d == null ? "—" : Formats.money(Money.sum(d.writeOffs().stream()
                .map(w -> w.amount()).toList())), "approved, less reversals", Drill.PATIENT_ACCOUNTS));
        add(11, tile("kpiMfp", Kpi.MFP_OUTSTANDING, d == null || d.mfp() == null ? "—" : Formats.money(d.mfp().outstanding()),
                d == null || d.mfp() == null ? "" : Formats.count(d.mfp().outstandingCount(), "fill", "fills")
                        + (d.mfp().medianDaysToRefund() == null ? "" : ", median " + d.mfp().medianDaysToRefund() + " days"),
                Drill.RECONCILIATION));
    }

    private void add(int index, Node tile) {
        tiles.add(tile, index % TILE_COLUMNS, index / TILE_COLUMNS);
    }

    /** A figure: what it is (the definition as tooltip), its value, a line of detail; a click opens its rows. */
    private VBox tile(String id, Kpi kpi, String value, String detail, Drill where) {
        return tile(id, kpi.label(), kpi, value, detail, where);
    }

    private VBox tile(String id, String title, Kpi kpi, String value, String detail, Drill where) {
        Label name = new Label(title);
        name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label number = new Label(value);
        number.setId(id + "Value");
        number.getStyleClass().add(Styles.TITLE_3);
        Label more = new Label(detail);
        more.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox tile = new VBox(2, name, number, more);
        tile.setId(id);
        tile.getStyleClass().add("kpi-tile");
        tile.setPadding(new Insets(8, 10, 8, 10));
        tile.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-border-muted; -fx-border-radius: 6; -fx-cursor: hand;");
        tile.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(tile, new Tooltip(kpi.definition() + "\n\nClick to open the rows behind it."));
        tile.setOnMouseClicked(e -> vm.drill(where));
        return tile;
    }

    private void drillOnClick(Node chart, Drill where, Kpi kpi) {
        Tooltip.install(chart, new Tooltip(kpi.definition() + "\n\nClick to open the rows behind it."));
        chart.setOnMouseClicked(e -> vm.drill(where));
    }

    private static BarChart<String, Number> barChart(String title) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle(title);
        c.setAnimated(false);
        ((CategoryAxis) c.getXAxis()).setTickLabelRotation(0);
        return c;
    }

    /** Payer names are long; the chart's category axis shows the first word or two (the full name is on the tiles). */
    private static String shortName(String payer) {
        String[] words = payer.split(" ");
        String name = words.length > 1 && words[0].length() <= 5 ? words[0] + " " + words[1] : words[0];
        return name.length() <= 14 ? name : name.substring(0, 13) + "…";
    }

    private static String days(java.math.BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private static String percent(java.math.BigDecimal value) {
        return value == null ? "—" : value.toPlainString() + " %";
    }
}
