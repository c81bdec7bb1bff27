package org.rxledger.app.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.recon.VarianceCategory;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ReconWeek;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk opens Reconciliation (Ctrl+5), reads the last business day, steps through days with Alt+←/→,
 * moves to the Aging tab with Ctrl+Tab and ages the receivables as of another date — keyboard only.
 */
@ExtendWith(ApplicationExtension.class)
class ReconciliationUiTest {

    static final LocalDate PAID_ON = ReconWeek.PAID_ON;

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws Exception {
        db = TestStores.freshDatabase();
        ReconWeek.create(db, Files.createTempDirectory("rx-recon-ui-"), true);
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkReadsTheDayStepsThroughDaysAndAgesTheReceivablesFromTheKeyboard(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<DailyReconciliation.PayerDay> payers = robot.lookup("#dailyPayers").queryTableView();
        DatePicker date = robot.lookup("#dailyDate").queryAs(DatePicker.class);
        // the last day with activity: the 835's payment date
        waitUntil(() -> PAID_ON.equals(date.getValue()) && payers.getItems().size() == 2);
        waitUntil(payers::isFocused);
        DailyReconciliation.PayerDay total = payers.getItems().get(1);
        assertThat(total.payer()).isEqualTo("All payers");
        assertThat(total.received()).isEqualTo(Money.parse("43.85"));
        assertThat(total.posted()).isEqualTo(Money.parse("43.85"));
        assertThat(total.rollForward().closing()).isEqualTo(Money.parse("15.00"));
        assertThat(robot.lookup("#rollForwardTitle").queryAs(Label.class).getText()).contains("agrees with the ledger");
        TableView<DailyReconciliation.Variance> variances = robot.lookup("#dailyVariances").queryTableView();
        assertThat(variances.getItems()).anySatisfy(v -> {
            assertThat(v.category()).isEqualTo(VarianceCategory.SHORT_PAID);
            assertThat(v.amount()).isEqualTo(Money.parse("5.00"));
        });
        TableView<DailyReconciliation.PlbTotal> plb = robot.lookup("#dailyPlb").queryTableView();
        assertThat(plb.getItems()).extracting(DailyReconciliation.PlbTotal::code).containsExactly("WO");

        // a day back: nothing happened, the receivable stands open; an empty day is not a "closed" one
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        waitUntil(() -> LocalDate.of(2025, 3, 9).equals(date.getValue()) && payers.getItems().size() == 2
                && payers.getItems().get(1).payments() == 0);
        assertThat(payers.getItems().get(1).rollForward().closing()).isEqualTo(Money.parse("66.85"));
        assertThat(robot.lookup("#dailySummary").queryAs(Label.class).getText()).startsWith("No activity");
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        waitUntil(() -> PAID_ON.equals(date.getValue()) && payers.getItems().size() == 2
                && payers.getItems().get(1).payments() == 1);

        // Ctrl+Tab twice: Claims, then Aging; the focus follows into the table
        TabPane tabs = robot.lookup("#reconciliation").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 1);
        TableView<ReconciliationService.ClaimRecon> claims = robot.lookup("#reconClaims").queryTableView();
        waitUntil(() -> claims.getItems().size() == 3 && claims.isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 2);
        TableView<ReconciliationService.PayerAging> aging = robot.lookup("#agingTable").queryTableView();
        waitUntil(() -> aging.getItems().size() == 2 && aging.isFocused());
        // as of the clock's today (2025-03-20): only the January claim is open, 69 days old
        ReconciliationService.PayerAging acme = aging.getItems().get(0);
        assertThat(acme.bucket(AgingBucket.D61_90)).isEqualTo(Money.parse("15.00"));
        assertThat(acme.total()).isEqualTo(Money.parse("15.00"));

        // as of 2025-03-05, before the payment: all three claims are open
        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);
        DatePicker asOf = robot.lookup("#agingAsOf").queryAs(DatePicker.class);
        waitUntil(() -> asOf.isFocused() || asOf.getEditor().isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2025-03-05");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> aging.getItems().size() == 2 && aging.getItems().get(1).total().equals(Money.parse("66.85")));
        assertThat(aging.getItems().get(1).bucket(AgingBucket.D0_14)).isEqualTo(Money.parse("51.85"));
        assertThat(aging.getItems().get(1).bucket(AgingBucket.D46_60)).isEqualTo(Money.parse("15.00"));
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> chart = (StackedBarChart<String, Number>) robot.lookup("#agingChart").queryAs(Node.class);
        assertThat(chart.getData()).hasSize(AgingBucket.values().length);
        assertThat(chart.getData().get(0).getData()).extracting(d -> d.getXValue()).containsExactly("ACME RX SOLUTIONS");
        assertThat(chart.getData().get(0).getData().get(0).getYValue().doubleValue()).isEqualTo(51.85);
        // the freshest bucket is calm (blue), only the oldest is an alarm (red)
        Color fresh = barColour(chart.getData().get(0));
        Color oldest = barColour(chart.getData().get(AgingBucket.values().length - 1));
        assertThat(fresh.getBlue()).as("0–14 days: " + fresh).isGreaterThan(fresh.getRed());
        assertThat(oldest.getRed()).as(">120 days: " + oldest).isGreaterThan(oldest.getBlue());
    }

    private static Color barColour(XYChart.Series<String, Number> series) {
        Region bar = (Region) series.getData().get(0).getNode();
        javafx.scene.paint.Paint fill = bar.getBackground().getFills().get(bar.getBackground().getFills().size() - 1).getFill();
        // the theme shades a bar with a gradient of its colour: its middle stop is the colour itself
        return fill instanceof javafx.scene.paint.LinearGradient g ? g.getStops().get(g.getStops().size() / 2).getColor() : (Color) fill;
    }
}
