package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimRecorder;
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

/**
 * Every registered report written from a real H2 database with real imports, then read back with
 * POI: values, cell types, formats and formula totals.
 */
class ReportsFromDatabaseTest {

    static final LocalDateTime GENERATED = LocalDateTime.of(2025, 3, 20, 9, 30);

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final ReportRegistry registry = ReportRegistry.standard();

    @BeforeEach
    void setUp() throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2)
                    .dateOfService(LocalDate.of(2025, 3, 3)).planPaid("21.85").build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001299").fill(0)
                    .dateOfService(LocalDate.of(2025, 3, 10)).rejected("75", "76").build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001300").fill(0)
                    .dateOfService(LocalDate.of(2025, 1, 10)).rejected("70").build(), office.payer().id());
            return null;
        });
        // one 835: a paid claim, a denial (CLP02 4), a zero-paid claim whose only CO reason is 45 (the contractual
        // price: the patient's share covered it — not a denial, issue 20), PLB items
        Remittance remit = new Remittance(List.of(RemitTestData.transaction("000000101", "101", "0001", "EFT0320",
                List.of(RemitTestData.lineClaim("7001234-02", "48.25", "21.85", "10.00"),
                        RemitTestData.claimLevelClaim("7009999-00", "4", "50.00", "0.00", "0.00"),
                        RemitTestData.lineClaim("7008888-00", "30.00", "0.00", "0.00")),
                List.of(RemitTestData.plb("WO", "6901122-00", "5.00"), RemitTestData.plb("L6", null, "-1.27")))));
        Path file = dir.resolve("acme.835");
        Files.writeString(file, RemitTestData.write(remit), StandardCharsets.ISO_8859_1);
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"))
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ReportOutcome run(String name, ReportPeriod period) throws IOException {
        Path out = dir.resolve(name + ".xlsx");
        return registry.find(name).orElseThrow().write(db.transactions(), new ReportRequest(period, GENERATED), out);
    }

    @Test
    void registryKnowsTheBuiltReportsAndExplainsThePlannedOnes() {
        assertThat(registry.names()).containsExactly("claims", "remittances", "denials", "reconciliation", "aging",
                "exceptions", "mfp-aging", "mfp-manufacturers");
        assertThat(registry.unavailableMessage("bogus")).startsWith("There is no report named 'bogus'.");
    }

    @Test
    void claimsRegisterFiltersByDateOfServiceAndTotalsWithFormulas() throws IOException {
        ReportOutcome outcome = run("claims", new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null));
        assertThat(outcome.rows()).containsEntry("Claims", 2L);
        try (XSSFWorkbook wb = open(outcome.file())) {
            Sheet s = wb.getSheet("Claims");
            assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("7001299");
            assertThat(s.getRow(5).getCell(0).getStringCellValue()).isEqualTo("7001234");
            assertThat(total(wb, s.getRow(6).getCell(14))).isEqualByComparingTo("21.85");
        }
    }

    @Test
    void remittanceDetailHasPaymentsClaimsAdjustmentsAndPlbSheetsWithTypedCells() throws IOException {
        ReportOutcome outcome = run("remittances", ReportPeriod.ALL);
        assertThat(outcome.rows()).containsEntry("Payments", 1L).containsEntry("Claims", 3L).containsEntry("PLB", 2L);
        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("Payments", "Claims", "Adjustments", "PLB");

            Sheet payments = wb.getSheet("Payments");
            Row p = payments.getRow(4);
            assertThat(p.getCell(0).getStringCellValue()).isEqualTo("EFT0320");
            assertThat(DateUtil.isCellDateFormatted(p.getCell(1))).isTrue();
            assertThat(p.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(RemitTestData.PAID_ON);
            assertThat(p.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            // BPR02 = Σ CLP04 − Σ PLB = 21.85 − (5.00 − 1.27)
            assertThat(BigDecimal.valueOf(p.getCell(5).getNumericCellValue())).isEqualByComparingTo("18.12");
            assertThat(p.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(BigDecimal.valueOf(p.getCell(7).getNumericCellValue())).isEqualByComparingTo("21.85");
            assertThat(BigDecimal.valueOf(p.getCell(8).getNumericCellValue())).isEqualByComparingTo("3.73");
            assertThat(payments.getRow(5).getCell(6).getCellFormula()).isEqualTo("SUBTOTAL(9,G5:G5)");

            Sheet claims = wb.getSheet("Claims");
            assertThat(claims.getRow(4).getCell(3).getStringCellValue()).isEqualTo("7001234-02");
            assertThat(claims.getRow(5).getCell(4).getStringCellValue()).isEqualTo("4");
            assertThat(claims.getRow(4).getCell(9).getCellStyle().getDataFormatString()).contains("0.00");
            assertThat(total(wb, claims.getRow(7).getCell(9))).isEqualByComparingTo("128.25");
            assertThat(total(wb, claims.getRow(7).getCell(10))).isEqualByComparingTo("21.85");

            Sheet adjustments = wb.getSheet("Adjustments");
            List<String> reasons = new ArrayList<>();
            for (int r = 4; r < adjustments.getLastRowNum(); r++) {
                Row row = adjustments.getRow(r);
                reasons.add(row.getCell(5).getStringCellValue() + "-" + row.getCell(6).getStringCellValue());
            }
            assertThat(reasons).containsExactly("CO-45", "PR-3", "CO-45", "CO-45");
            assertThat(adjustments.getRow(4).getCell(7).getStringCellValue()).isNotBlank()
                    .doesNotContain("not in the");
            // CO-45 16.40 + PR-3 10.00 + CO-45 50.00 + CO-45 30.00
            assertThat(total(wb, adjustments.getRow(adjustments.getLastRowNum()).getCell(8)))
                    .isEqualByComparingTo("106.40");

            Sheet plb = wb.getSheet("PLB");
            assertThat(plb.getRow(4).getCell(5).getStringCellValue()).isEqualTo("WO");
            assertThat(plb.getRow(4).getCell(6).getStringCellValue()).doesNotContain("not in the");
            assertThat(plb.getRow(4).getCell(7).getStringCellValue()).isEqualTo("6901122-00");
            assertThat(BigDecimal.valueOf(plb.getRow(5).getCell(8).getNumericCellValue())).isEqualByComparingTo("-1.27");
            assertThat(total(wb, plb.getRow(6).getCell(8))).isEqualByComparingTo("3.73");
        }
    }

    @Test
    void remittancePeriodOutsideThePaymentDateGivesEmptySheetsWithZeroTotals() throws IOException {
        ReportOutcome outcome = run("remittances", new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null));
        assertThat(outcome.rows().values()).containsOnly(0L);
        try (XSSFWorkbook wb = open(outcome.file())) {
            Row totals = wb.getSheet("Payments").getRow(4);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(total(wb, totals.getCell(5))).isEqualByComparingTo("0");
        }
    }

    @Test
    void denialsAreGroupedByCodeAndPayerWithCountsAndAmounts() throws IOException {
        ReportOutcome outcome = run("denials", ReportPeriod.ALL);
        // CLP02 4 and the two NCPDP rejects; the zero-paid CO-45 claim is not a denial (docs/reports.md)
        assertThat(outcome.rows()).containsEntry("Denied claims", 3L).containsEntry("By code and payer", 3L);
        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("By code and payer", "Denied claims");
            Sheet summary = wb.getSheet("By code and payer");
            Row top = summary.getRow(4);
            assertThat(top.getCell(0).getStringCellValue()).isEqualTo("835 remittance");
            assertThat(top.getCell(1).getStringCellValue()).isEqualTo("CLP02-4");
            assertThat(top.getCell(3).getStringCellValue()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(top.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(top.getCell(4).getNumericCellValue()).isEqualTo(1.0);
            assertThat(BigDecimal.valueOf(top.getCell(5).getNumericCellValue())).isEqualByComparingTo("50.00");
            List<String> codes = new ArrayList<>();
            for (int r = 4; r <= 6; r++) {
                codes.add(summary.getRow(r).getCell(0).getStringCellValue() + " " + summary.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(codes).containsExactly("835 remittance CLP02-4", "NCPDP reject 70", "NCPDP reject 75");
            assertThat(summary.getRow(6).getCell(2).getStringCellValue()).doesNotContain("not in the");
            Row totals = summary.getRow(7);
            assertThat(totals.getCell(4).getCellFormula()).isEqualTo("SUBTOTAL(9,E5:E7)");
            assertThat(total(wb, totals.getCell(4))).isEqualByComparingTo("3");

            Sheet detail = wb.getSheet("Denied claims");
            assertThat(detail.getRow(4).getCell(5).getStringCellValue()).isEqualTo("7009999-00");
            assertThat(DateUtil.isCellDateFormatted(detail.getRow(4).getCell(4))).isTrue();
            List<String> rows = new ArrayList<>();
            for (int r = 4; r <= 6; r++) {
                rows.add(detail.getRow(r).getCell(5).getStringCellValue());
            }
            assertThat(rows).containsExactlyInAnyOrder("7009999-00", "7001300-00", "7001299-00").doesNotContain("7008888-00");
        }
        // NCPDP rejects filter by date of service
        ReportOutcome march = run("denials", new ReportPeriod(LocalDate.of(2025, 3, 1), null, null));
        assertThat(march.rows()).containsEntry("Denied claims", 2L);
    }

    static XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    static List<String> names(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static BigDecimal total(XSSFWorkbook wb, Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        return BigDecimal.valueOf(evaluator.evaluate(cell).getNumberValue());
    }
}
