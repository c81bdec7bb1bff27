package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Export to Excel" of the claims table as the clerk sees it: filtered, sorted, with a column hidden. */
@ExtendWith(ApplicationExtension.class)
class TableExportUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            var smith = office.patients().get(0);
            var smithers = office.patients().get(1);
            var garcia = office.patients().get(2);
            aPaidClaim(office).rx("7001234").fill(2).patient(smith).dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            aPaidClaim(office).rx("7001299").patient(smithers).dateOfService(LocalDate.parse("2025-03-10")).record(tx);
            aPaidClaim(office).rx("8100001").patient(garcia).dateOfService(LocalDate.parse("2025-02-27")).record(tx);
            return null;
        });
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void ctrlShiftEWritesTheShownRowsAndColumnsWithMoneyAsNumbersAndDatesAsDates(FxRobot robot) throws Exception {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        ShellView shell = (ShellView) table.getScene().getRoot();
        Path exports = shell.viewModel().exportsFolder();
        robot.interact(() -> {
            shell.claimsView().focusTable();
            TableColumn<ClaimSummary, ?> rx = column(table, "rx");
            rx.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(rx));
            column(table, "auth").setVisible(false);
        });
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#claimsFilter").query()).setText("smith"));
        waitUntil(() -> table.getItems().size() == 2);
        robot.interact(() -> table.requestFocus());

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);

        waitUntil(() -> robot.lookup("#exportedDialog").tryQuery().isPresent());
        Path file;
        try (Stream<Path> files = Files.list(exports)) {
            file = files.filter(f -> f.getFileName().toString().matches("claims-\\d{8}-\\d{6}\\.xlsx")).findFirst().orElseThrow();
        }
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(3);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("Rx", "Fill", "DOS", "Patient", "DOB", "Cardholder", "Payer", "Plan", "Drug", "NDC", "Qty", "Days",
                    "Status", "Rejects", "Gross", "Plan paid", "Pt pay");
            Row first = sheet.getRow(4);
            Row second = sheet.getRow(5);
            // sorted as shown: Rx descending, only the two Smith claims
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("7001299");
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("7001234");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("SMITHERS, ANNA");
            Cell dos = second.getCell(2);
            assertThat(dos.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(dos)).isTrue();
            assertThat(dos.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2025-03-03"));
            assertThat(first.getCell(12).getStringCellValue()).isEqualTo("Paid");
            ClaimSummary shown = table.getItems().get(1);
            Cell gross = second.getCell(14);
            assertThat(gross.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(gross.getNumericCellValue()).isEqualTo(shown.grossAmountDue().amount().doubleValue());
            assertThat(gross.getCellStyle().getDataFormatString()).startsWith("#,##0.00");
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    private static TableColumn<ClaimSummary, ?> column(TableView<ClaimSummary> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
