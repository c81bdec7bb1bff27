package org.rxledger.app.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.nio.file.Files;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.shell.Area;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ReconWeek;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The billing manager signs in and the window opens on Home, on the week of {@link ReconWeek} (three claims of
 * 21.85, 30.00 and 15.00; the 835 of 03-10 pays the first in full, the second 25.00, and takes a WO of 3.00). The
 * figures are the last 90 days' (2024-12-21 … 2025-03-20, the test clock's today); a figure clicked opens its rows' area.
 */
@ExtendWith(ApplicationExtension.class)
class HomeUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws IOException {
        db = TestStores.freshDatabase();
        ReconWeek.create(db, Files.createTempDirectory("rx-home-ui-"), true);
        db.transactions().signIn(new Session("mona", "Mona Manager", Set.of(Role.BILLING_MANAGER), "ws-test",
                Instant.parse("2025-03-20T08:00:00Z")));
        stage.setWidth(1440);
        stage.setHeight(900);
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void theManagerOpensOnTheFiguresAndAFigureOpensTheRowsBehindIt(FxRobot robot) throws TimeoutException {
        ListView<Area> nav = robot.lookup("#navigation").queryListView();
        assertThat(nav.getSelectionModel().getSelectedItem()).isEqualTo(Area.HOME);
        waitUntil(() -> FxRobots.text(robot, "#homeMessage").startsWith("Figures for 2024-12-21 to 2025-03-20"));

        // the short-paid and paid claims' receivables are closed; Rx 7000003's 15.00 is owed
        assertThat(FxRobots.text(robot, "#kpiReceivableValue")).isEqualTo("15.00");
        assertThat(FxRobots.text(robot, "#kpiShortPaidValue")).isEqualTo("5.00");
        // 03-03 → 03-10 and 03-04 → 03-10: (7 + 6) ÷ 2
        assertThat(FxRobots.text(robot, "#kpiDaysToPayValue")).isEqualTo("6.5");
        assertThat(FxRobots.text(robot, "#kpiAutoMatchValue")).isEqualTo("100.0 %");
        // BPR02 = 21.85 + 25.00 − 3.00
        assertThat(FxRobots.text(robot, "#kpiPayerCashValue")).isEqualTo("43.85");
        BarChart<String, Number> plb = robot.lookup("#chartPlb").query();
        assertThat(plb.getData()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("WO");
            assertThat(s.getData()).singleElement().satisfies(d -> {
                assertThat(d.getXValue()).isEqualTo("2025-03");
                assertThat(d.getYValue().doubleValue()).isEqualTo(3.00);
            });
        });
        StackedBarChart<String, Number> aging = robot.lookup("#chartAging").query();
        assertThat(aging.getData().get(0).getData()).hasSize(8);

        robot.clickOn("#kpiShortPaid");
        waitUntil(() -> nav.getSelectionModel().getSelectedItem() == Area.EXCEPTIONS);

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        waitUntil(() -> nav.getSelectionModel().getSelectedItem() == Area.HOME);
        robot.clickOn("#kpiUnderpaid");
        waitUntil(() -> nav.getSelectionModel().getSelectedItem() == Area.CONTRACTS);
    }
}
