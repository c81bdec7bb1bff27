package org.rxledger.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.money.Money;

class ClaimsRegisterXlsxWriterTest {

    @TempDir
    Path dir;

    private static ClaimSummary claim(String rx, String planPaid, String patientPay) {
        return new ClaimSummary(1, rx, 2, LocalDate.of(2025, 3, 3), "TESTPATIENT, ALPHA", "ACME RX SOLUTIONS",
                "ACME Commercial", "999999", "12345067890", "ATORVASTATIN 20 MG", new BigDecimal("30.000"), 30,
                ClaimStatus.PAID, "", Money.parse("48.25"), Money.parse(planPaid), Money.parse(patientPay),
                "A25071000001", Channel.ELECTRONIC, "\u2022\u2022\u2022\u2022\u20221234", "1961-\u2022\u2022-\u2022\u2022");
    }

    @Test
    void writesTypedCellsATitleBlockAFrozenHeaderAndTotalsThatAddUp() throws IOException {
        Path out = dir.resolve("claims.xlsx");
        new ClaimsRegisterXlsxWriter().write(List.of(claim("7001234", "21.85", "10.00"), claim("7001500", "262.40", "25.00")),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), LocalDateTime.of(2025, 3, 20, 9, 30), out);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = wb.getSheet("Claims");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Claims register");
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) XlsxReportWriter.TITLE_ROWS);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:R6");

            Row first = sheet.getRow(4);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("7001234");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(first.getCell(14).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(14).getCellStyle().getDataFormatString()).contains("0.00");

            Row totals = sheet.getRow(6);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(14).getCellFormula()).isEqualTo("SUBTOTAL(9,O5:O6)");
            var evaluator = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(BigDecimal.valueOf(evaluator.evaluate(totals.getCell(14)).getNumberValue()))
                    .isEqualByComparingTo("284.25");
            assertThat(BigDecimal.valueOf(evaluator.evaluate(totals.getCell(15)).getNumberValue()))
                    .isEqualByComparingTo("35.00");
        }
        assertThat(Files.list(dir)).containsExactly(out);
    }

    @Test
    void continuesOnANewSheetWhenTheRowLimitIsReached() throws IOException {
        Path out = dir.resolve("split.xlsx");
        try (XlsxReportWriter xlsx = new XlsxReportWriter(12)) {
            xlsx.startTable("Claims", "Claims register", Map.of("From", "x"), LocalDateTime.of(2025, 3, 20, 9, 30),
                    ClaimsRegisterXlsxWriter.COLUMNS);
            List<ClaimSummary> many = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                many.add(claim(String.valueOf(7000000 + i), "1.00", "0.00"));
            }
            for (ClaimSummary c : many) {
                xlsx.row(c.rxNumber(), c.fillNumber(), c.dateOfService(), c.patientName(), c.payerName(), c.planName(),
                        c.bin(), c.ndc(), c.drugName(), c.quantity(), c.daysSupply(), c.status().label(),
                        c.rejectCodes(), c.grossAmountDue(), c.planPaid(), c.patientPay(), c.authorizationNumber(),
                        c.channel().name());
            }
            xlsx.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Claims (2)");
            int dataRows = 0;
            for (Sheet s : wb) {
                assertThat(s.getLastRowNum()).isLessThan(12);
                dataRows += s.getLastRowNum() - XlsxReportWriter.TITLE_ROWS; // minus the totals row
            }
            assertThat(dataRows).isEqualTo(20);
        }
    }
}
