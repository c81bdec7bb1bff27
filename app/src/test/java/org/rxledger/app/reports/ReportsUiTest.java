package org.rxledger.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.reports.ReportsViewModel.Run;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.store.Database;
import org.rxledger.reports.engine.Report;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk writes the claims register from the workstation (Ctrl+8): picks the report, types the period, runs it with
 * Ctrl+Enter, and finds the workbook in the data folder's reports folder and the run listed with its summary; a
 * period that ends before it starts is refused and writes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsUiTest {

    @TempDir
    Path data;

    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        Database db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7001234").dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            aPaidClaim(office).rx("7001500").dateOfService(LocalDate.parse("2025-03-04")).record(tx);
            aPaidClaim(office).rx("7001777").dateOfService(LocalDate.parse("2025-04-02")).record(tx);
            return null;
        });
        workstation = TestWorkstation.show(stage, new WorkstationSetup(db.transactions(), TestStores.CLERK, data,
                () -> false, OfficeSeeder.NONE, Settings.inMemory()), db::close);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkRunsTheClaimsRegisterForMarchAndFindsTheWorkbook(FxRobot robot) throws TimeoutException, IOException {
        TableView<Report> list = openReports(robot);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.name().equals("claims")).findFirst().orElseThrow()));
        type(robot, "#reportFrom", LocalDate.parse("2025-03-01"));
        type(robot, "#reportTo", LocalDate.parse("2025-03-31"));
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.ENTER);

        TableView<Run> runs = robot.lookup("#reportRuns").queryTableView();
        waitUntil(() -> runs.getItems().size() == 1);
        Run run = runs.getItems().get(0);
        Path expected = data.resolve("reports").resolve("claims-2025-03-20.xlsx");
        assertThat(run.file()).isEqualTo(expected);
        assertThat(run.report()).isEqualTo("claims");
        assertThat(run.period()).isEqualTo("2025-03-01 – 2025-03-31");
        assertThat(run.summary()).contains("claims register, 2 claims");
        assertThat(FxRobots.text(robot, "#reportMessage")).contains("Wrote " + expected, "2 claims");
        assertThat(expected).exists();
        try (InputStream in = Files.newInputStream(expected); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }
        assertThat(robot.lookup("#reportOpen").queryButton().isDisabled()).isFalse();
    }

    @Test
    void clerkChoosesPdfWithTheKeyboardAndGetsAPrintableRegister(FxRobot robot) throws TimeoutException, IOException {
        openReports(robot);
        type(robot, "#reportFrom", LocalDate.parse("2025-03-01"));
        robot.clickOn("#reportFormatPdf");
        assertThat(robot.lookup("#reportTarget").queryTextInputControl().getText()).endsWith("claims-2025-03-20.pdf");
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.ENTER);

        TableView<Run> runs = robot.lookup("#reportRuns").queryTableView();
        waitUntil(() -> runs.getItems().size() == 1);
        Path expected = data.resolve("reports").resolve("claims-2025-03-20.pdf");
        assertThat(runs.getItems().get(0).file()).isEqualTo(expected);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(expected.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Claims register", "7001234", "7001777", "Page 1 of");
        }
        assertThat(robot.lookup("#reportPrint").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedAndWritesNothing(FxRobot robot) throws TimeoutException {
        openReports(robot);
        type(robot, "#reportFrom", LocalDate.parse("2025-03-31"));
        type(robot, "#reportTo", LocalDate.parse("2025-03-01"));
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> FxRobots.text(robot, "#reportMessage").contains("is before From"));
        assertThat(FxRobots.text(robot, "#reportMessage"))
                .isEqualTo("To (2025-03-01) is before From (2025-03-31). Choose a To date on or after the From date.");
        waitUntil(() -> FxRobots.showing(robot, "#notice"));
        assertThat(robot.lookup("#reportRuns").queryTableView().getItems()).isEmpty();
        assertThat(data.resolve("reports")).doesNotExist();
    }

    private static TableView<Report> openReports(FxRobot robot) throws TimeoutException {
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT8);
        TableView<Report> list = robot.lookup("#reportList").queryTableView();
        waitUntil(() -> list.isVisible() && list.isFocused());
        assertThat(list.getItems()).extracting(Report::name).contains("claims", "aging");
        return list;
    }

    /** Types {@code date} into the picker's field as the clerk's locale writes it (the picker's own format). */
    private static void type(FxRobot robot, String picker, LocalDate date) {
        DatePicker p = robot.lookup(picker).query();
        robot.clickOn(p.getEditor());
        robot.write(p.getConverter().toString(date));
    }
}
