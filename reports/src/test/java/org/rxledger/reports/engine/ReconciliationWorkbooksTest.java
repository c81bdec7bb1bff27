package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.names;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.open;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.total;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.ReconWeek;

/** The "reconciliation" and "aging" workbooks from real H2 with a posted 835, read back with POI. */
class ReconciliationWorkbooksTest {

    static final LocalDateTime GENERATED = LocalDateTime.of(2025, 4, 1, 8, 15);
    static final LocalDate PAID_ON = ReconWeek.PAID_ON;

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final ReportRegistry registry = ReportRegistry.standard();

    @BeforeEach
    void oneWeekOfWork() {
        ReconWeek.create(db, dir, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ReportOutcome run(String name, ReportPeriod period) throws IOException {
        Path out = dir.resolve(name + ".xlsx");
        return registry.find(name).orElseThrow().write(db.transactions(), new ReportRequest(period, GENERATED), out);
    }

    private static BigDecimal money(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).contains("0.00");
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private static int column(Sheet s, String header) {
        Row h = s.getRow(3);
        for (Cell c : h) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " on " + s.getSheetName());
    }

    @Test
    void reconciliationHasDaysPayersPlbAndVariancesWithTypedCellsAndFormulaTotals() throws IOException {
        ReportOutcome outcome = run("reconciliation", new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null));
        assertThat(outcome.rows()).containsEntry("Days", 3L).containsEntry("By payer", 3L).containsEntry("PLB by code", 1L);
        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("Days", "By payer", "PLB by code", "Variances");
            XSSFSheet days = wb.getSheet("Days");
            assertThat(days.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Daily reconciliation, all payers");
            // dates are dates (issue 20), not text
            // the label "Business days from" spans two columns
            assertThat(days.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 3, 1));
            assertThat(days.getRow(2).getCell(1).getLocalDateTimeCellValue()).isEqualTo(java.time.LocalDateTime.of(2025, 4, 1, 8, 15));
            assertThat(days.getPaneInformation().isFreezePane()).isTrue();
            assertThat(days.getCTWorksheet().getAutoFilter().getRef()).startsWith("A4:");

            Row first = days.getRow(4);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(money(first.getCell(column(days, "Opening A/R")))).isEqualByComparingTo("15.00");
            assertThat(money(first.getCell(column(days, "Expected (509-F9)")))).isEqualByComparingTo("21.85");
            Row paidDay = days.getRow(6);
            assertThat(paidDay.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(PAID_ON);
            assertThat(money(paidDay.getCell(column(days, "Received (BPR02)")))).isEqualByComparingTo("43.85");
            assertThat(money(paidDay.getCell(column(days, "Posted")))).isEqualByComparingTo("43.85");
            assertThat(money(paidDay.getCell(column(days, "Payments applied (CLP04)")))).isEqualByComparingTo("-46.85");
            assertThat(money(paidDay.getCell(column(days, "Contractual adjustments (CO)")))).isEqualByComparingTo("-5.00");
            assertThat(money(paidDay.getCell(column(days, "Closing A/R")))).isEqualByComparingTo("15.00");
            assertThat(money(paidDay.getCell(column(days, "Ledger closing")))).isEqualByComparingTo("15.00");
            assertThat(money(paidDay.getCell(column(days, "Difference")))).isEqualByComparingTo("0.00");
            assertThat(paidDay.getCell(column(days, "Claims adjudicated")).getCellType()).isEqualTo(CellType.NUMERIC);

            Row totals = days.getRow(7);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(total(wb, totals.getCell(column(days, "Received (BPR02)")))).isEqualByComparingTo("43.85");
            assertThat(total(wb, totals.getCell(column(days, "Expected (509-F9)")))).isEqualByComparingTo("51.85");
            assertThat(total(wb, totals.getCell(column(days, "Claims adjudicated")))).isEqualByComparingTo("2");
            // balances at a point in time are not summed over days
            assertThat(totals.getCell(column(days, "Opening A/R"))).isNull();

            Sheet payers = wb.getSheet("By payer");
            assertThat(payers.getRow(6).getCell(1).getStringCellValue()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(money(payers.getRow(6).getCell(column(payers, "To claims")))).isEqualByComparingTo("46.85");
            // one PLB sign everywhere (issue 20): the payer row agrees with "PLB by code" below
            assertThat(money(payers.getRow(6).getCell(column(payers, "PLB taken")))).isEqualByComparingTo("3.00");

            Sheet plb = wb.getSheet("PLB by code");
            assertThat(plb.getRow(4).getCell(2).getStringCellValue()).isEqualTo("WO");
            assertThat(money(plb.getRow(4).getCell(4))).isEqualByComparingTo("3.00");

            Sheet variances = wb.getSheet("Variances");
            List<String> found = new ArrayList<>();
            // no grand total: the categories' amounts cannot be added (issue 20)
            assertThat(variances.getRow(variances.getLastRowNum()).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            for (int r = 4; r <= variances.getLastRowNum(); r++) {
                Row row = variances.getRow(r);
                found.add(row.getCell(2).getStringCellValue() + " " + money(row.getCell(4)).setScale(2));
            }
            assertThat(found).contains("Short-paid 5.00", "Payments without deposit 43.85", "Deposits − payments -43.85");
        }
    }

    @Test
    void reconciliationWithoutDatesCoversEveryDayWithActivity() throws IOException {
        ReportOutcome outcome = run("reconciliation", ReportPeriod.ALL);
        assertThat(outcome.rows()).containsEntry("Days", 4L);
        assertThat(outcome.summary()).contains("2025-01-10 to 2025-03-10");
    }

    @Test
    void agingHasPayerByBucketAndOpenClaimsAsOfTheDate() throws IOException {
        ReportOutcome before = run("aging", new ReportPeriod(null, null, LocalDate.of(2025, 3, 5)));
        assertThat(before.rows()).containsEntry("By payer", 1L).containsEntry("Open claims", 3L);
        try (XSSFWorkbook wb = open(before.file())) {
            assertThat(names(wb)).containsExactly("By payer", "Open claims", "Short-paid and denied");
            Sheet s = wb.getSheet("By payer");
            assertThat(s.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 3, 5));
            Row acme = s.getRow(4);
            assertThat(acme.getCell(0).getStringCellValue()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(money(acme.getCell(column(s, "0–14")))).isEqualByComparingTo("51.85");
            assertThat(money(acme.getCell(column(s, "46–60")))).isEqualByComparingTo("15.00");
            assertThat(money(acme.getCell(column(s, "Total open")))).isEqualByComparingTo("66.85");
            assertThat(acme.getCell(column(s, "Open claims")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(total(wb, s.getRow(5).getCell(column(s, "Total open")))).isEqualByComparingTo("66.85");
        }

        ReportOutcome after = run("aging", new ReportPeriod(null, null, LocalDate.of(2025, 3, 31)));
        assertThat(after.rows()).containsEntry("Open claims", 1L);
        try (XSSFWorkbook wb = open(after.file())) {
            Sheet detail = wb.getSheet("Open claims");
            Row c = detail.getRow(4);
            assertThat(c.getCell(column(detail, "Rx")).getStringCellValue()).isEqualTo("7000003");
            assertThat(c.getCell(column(detail, "Days")).getNumericCellValue()).isEqualTo(80.0);
            assertThat(c.getCell(column(detail, "Bucket")).getStringCellValue()).isEqualTo("61–90");
            assertThat(DateUtil.isCellDateFormatted(c.getCell(column(detail, "DOS")))).isTrue();
            assertThat(money(c.getCell(column(detail, "Open balance")))).isEqualByComparingTo("15.00");
            assertThat(total(wb, detail.getRow(5).getCell(column(detail, "Open balance")))).isEqualByComparingTo("15.00");
            // the short-paid claim's receivable was closed by the CO adjustment; it is still shown, with what is owed
            Sheet shortDenied = wb.getSheet("Short-paid and denied");
            List<String> owed = new ArrayList<>();
            for (int r = 4; r < shortDenied.getLastRowNum(); r++) {
                Row row = shortDenied.getRow(r);
                owed.add(row.getCell(column(shortDenied, "Rx")).getStringCellValue() + " "
                        + row.getCell(column(shortDenied, "Status")).getStringCellValue() + " "
                        + money(row.getCell(column(shortDenied, "Still owed"))).setScale(2));
            }
            assertThat(owed).contains("7000002 short-paid 5.00");
        }
    }
}
