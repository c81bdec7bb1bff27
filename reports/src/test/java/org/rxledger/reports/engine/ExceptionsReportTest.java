package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.names;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.open;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.total;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemitTestData;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/** The exceptions workbook from a real database with a real matched and posted 835, read back with POI. */
class ExceptionsReportTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    /** A short payment (20.00 of 21.85), an unmatched denial line and an unattributed PLB WO 5.00. */
    private Claim setUp() throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        Claim claim = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office)
                .rx("7001234").fill(2).dateOfService(RemitTestData.PAID_ON.minusDays(10)).authorization("A700123402")
                .planPaid("21.85").build(), office.payer().id()));
        Remittance remit = new Remittance(List.of(RemitTestData.transaction("000000101", "101", "0001", "EFT0320",
                List.of(RemitTestData.lineClaim("7001234-02", "48.25", "20.00", "10.00"),
                        RemitTestData.claimLevelClaim("7009999-00", "4", "50.00", "0.00", "0.00")),
                List.of(RemitTestData.plb("WO", "AUDIT-6901", "5.00")))));
        Path file = dir.resolve("acme.835");
        Files.writeString(file, RemitTestData.write(remit), StandardCharsets.ISO_8859_1);
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        return claim;
    }

    @Test
    void workbookHasCategoriesOpenAndResolvedItemsWithTypedCellsAndFormulaTotals() throws IOException {
        Claim claim = setUp();
        ExceptionQueue queue = new ExceptionQueue(db.transactions());
        String plbKey = queue.items(ExceptionFilter.ALL.withCategory(ExceptionCategory.PLB_UNATTRIBUTED)).get(0).key();
        queue.resolve(plbKey, "Audit 6901 recoupment of Rx 7001234; attributed by hand");

        Path out = dir.resolve("exceptions.xlsx");
        ReportOutcome outcome = ReportRegistry.standard().find("exceptions").orElseThrow()
                .write(db.transactions(), new ReportRequest(ReportPeriod.ALL, ReportsFromDatabaseTest.GENERATED), out);
        assertThat(outcome.rows()).containsEntry("By category", 3L).containsEntry("Open items", 2L)
                .containsEntry("Resolved", 1L);
        assertThat(outcome.summary()).isEqualTo("exceptions, 2 open and 1 resolved in 3 categories");

        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("By category", "Open items", "Resolved");
            Sheet summary = wb.getSheet("By category");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Exceptions by category");
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            List<String> categories = List.of(summary.getRow(4).getCell(0).getStringCellValue(),
                    summary.getRow(5).getCell(0).getStringCellValue(), summary.getRow(6).getCell(0).getStringCellValue());
            assertThat(categories).containsExactly("Unmatched", "Short-paid", "PLB takeback not attributed");
            Row shortPaid = summary.getRow(5);
            assertThat(shortPaid.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(shortPaid.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(BigDecimal.valueOf(shortPaid.getCell(5).getNumericCellValue())).isEqualByComparingTo("-1.85");
            Row totals = summary.getRow(7);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(1).getCellFormula()).isEqualTo("SUBTOTAL(9,B5:B7)");
            assertThat(total(wb, totals.getCell(1))).isEqualByComparingTo("2");
            assertThat(total(wb, totals.getCell(2))).isEqualByComparingTo("1");
            assertThat(total(wb, totals.getCell(3))).isEqualByComparingTo("21.85");

            Sheet open = wb.getSheet("Open items");
            Row unmatched = open.getRow(4);
            assertThat(unmatched.getCell(0).getStringCellValue()).startsWith("UNMATCHED:R");
            assertThat(unmatched.getCell(3).getStringCellValue()).isEqualTo("7009999-00");
            assertThat(unmatched.getCell(4).getStringCellValue()).isEqualTo("EFT0320");
            Row sp = open.getRow(5);
            assertThat(sp.getCell(0).getStringCellValue()).isEqualTo("SHORT_PAID:C" + claim.id());
            assertThat(sp.getCell(1).getStringCellValue()).isEqualTo("Short-paid");
            assertThat(sp.getCell(3).getStringCellValue()).isEqualTo("7001234-02");
            assertThat(DateUtil.isCellDateFormatted(sp.getCell(5))).isTrue();
            // arose: the day the 835 was imported (the test clock's 2025-03-20), not its payment date 2025-03-14
            assertThat(sp.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(RemitTestData.PAID_ON.plusDays(6));
            assertThat(sp.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sp.getCell(6).getNumericCellValue()).isEqualTo(0.0);
            assertThat(sp.getCell(7).getCellStyle().getDataFormatString()).contains("0.00");
            assertThat(BigDecimal.valueOf(sp.getCell(7).getNumericCellValue())).isEqualByComparingTo("21.85");
            assertThat(BigDecimal.valueOf(sp.getCell(8).getNumericCellValue())).isEqualByComparingTo("20.00");
            assertThat(sp.getCell(11).getStringCellValue()).contains("Paid 20.00 of 21.85 expected");
            assertThat(sp.getCell(12).getStringCellValue()).contains("trace EFT0320");
            assertThat(open.getRow(6).getCell(9).getCellFormula()).isEqualTo("SUBTOTAL(9,J5:J6)");
            assertThat(total(wb, open.getRow(6).getCell(9))).isEqualByComparingTo("-1.85");

            Sheet resolved = wb.getSheet("Resolved");
            Row r = resolved.getRow(4);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo(plbKey);
            assertThat(r.getCell(3).getStringCellValue()).isEqualTo("PLB WO AUDIT-6901");
            assertThat(BigDecimal.valueOf(r.getCell(7).getNumericCellValue())).isEqualByComparingTo("5.00");
            assertThat(r.getCell(10).getStringCellValue()).isEqualTo("Audit 6901 recoupment of Rx 7001234; attributed by hand");
            assertThat(total(wb, resolved.getRow(5).getCell(7))).isEqualByComparingTo("5.00");
        }
    }

    @Test
    void periodFiltersByTheDateTheItemArose() throws IOException {
        setUp();
        Path out = dir.resolve("none.xlsx");
        ReportOutcome outcome = ReportRegistry.standard().find("exceptions").orElseThrow().write(db.transactions(),
                new ReportRequest(new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null),
                        ReportsFromDatabaseTest.GENERATED), out);
        assertThat(outcome.rows().values()).containsOnly(0L);
    }
}
