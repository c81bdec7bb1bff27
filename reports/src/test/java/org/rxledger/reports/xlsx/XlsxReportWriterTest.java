package org.rxledger.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.money.Money;

class XlsxReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void textLongerThanExcelsCellLimitIsCutNotRefused() throws IOException {
        Path out = dir.resolve("long.xlsx");
        try (XlsxReportWriter xlsx = new XlsxReportWriter()) {
            xlsx.startTable("T", "Long text", Map.of(), LocalDateTime.of(2025, 3, 20, 9, 30),
                    List.of(Column.text("Note", 20), Column.count("N"), Column.money("Amount")));
            xlsx.row("x".repeat(40_000), 3, Money.parse("1.10"));
            xlsx.row("short", 4L, Money.parse("2.20"));
            xlsx.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            String cut = wb.getSheet("T").getRow(4).getCell(0).getStringCellValue();
            assertThat(cut).hasSize(SpreadsheetVersion.EXCEL2007.getMaxTextLength()).endsWith("…");
            var totals = wb.getSheet("T").getRow(6);
            // cached results of the SUBTOTAL formulas, for viewers that do not recalculate
            assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(3.3);
            assertThat(wb.getSheet("T").getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getForceFormulaRecalculation()).isTrue();
        }
    }

    @Test
    void formulaLikeTextIsWrittenAsQuotedTextAndNeverAsAFormula() throws IOException {
        Path out = dir.resolve("inject.xlsx");
        try (XlsxReportWriter xlsx = new XlsxReportWriter()) {
            xlsx.startTable("T", "Injection", Map.of("Payer", "@evil"), LocalDateTime.of(2025, 3, 20, 9, 30),
                    List.of(Column.text("Name", 20), Column.money("Amount")));
            xlsx.row("=HYPERLINK(\"http://x.example\",\"click\")", Money.parse("1.10"));
            xlsx.row("-5", Money.parse("2.20"));
            xlsx.row("SMITH", Money.parse("3.30"));
            xlsx.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            var sheet = wb.getSheet("T");
            assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x.example\",\"click\")");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("-5");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("SMITH");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'@evil");
        }
        if (Files.getFileAttributeView(out, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            // a report holds patient data: owner-only, like the data folder
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        }
    }

    /** Issue 20: a wide table prints at a readable size on several pages across, not at 22 % on one. */
    @Test
    void wideTablesPrintReadableAcrossPagesWithPageNumbersAndRealDates() throws IOException {
        Path out = dir.resolve("wide.xlsx");
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.date("Date"), Column.text("Payer", 30)));
        for (int i = 0; i < 20; i++) {
            columns.add(Column.money("Roll-forward line number " + i));
        }
        try (XlsxReportWriter xlsx = new XlsxReportWriter()) {
            xlsx.startTable("W", "Wide & long", new java.util.LinkedHashMap<>(Map.of("As of", "2025-03-31")),
                    LocalDateTime.of(2025, 4, 1, 8, 15), columns);
            Object[] row = new Object[columns.size()];
            row[0] = java.time.LocalDate.of(2025, 3, 3);
            row[1] = "ACME";
            java.util.Arrays.fill(row, 2, row.length, Money.parse("1.00"));
            xlsx.row(row);
            xlsx.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            var sheet = wb.getSheet("W");
            // 12 + 30 + 20 × 15 characters: three landscape pages across at ≥ 8 pt, date and payer on each
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 3);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getRepeatingColumns().getFirstColumn()).isZero();
            assertThat(sheet.getRepeatingColumns().getLastColumn()).isEqualTo(1);
            assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(XlsxReportWriter.TITLE_ROWS - 1);
            assertThat(sheet.getFooter().getCenter()).isEqualTo("Page &P of &N");
            assertThat(sheet.getFooter().getLeft()).isEqualTo("Wide && long");
            // money headers right-aligned over their numbers, wrapped within 15 characters
            assertThat(sheet.getColumnWidth(2)).isEqualTo(15 * 256);
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getAlignment())
                    .isEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            assertThat(sheet.getRow(3).getCell(1).getCellStyle().getAlignment())
                    .isNotEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            // "As of" and "Generated" are dates a spreadsheet can compute with
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2025, 3, 31));
            assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 4, 1, 8, 15));
        }
    }

    @Test
    void aNarrowTableFitsOnePageWideAndLongTextWraps() throws IOException {
        Path out = dir.resolve("narrow.xlsx");
        try (XlsxReportWriter xlsx = new XlsxReportWriter()) {
            xlsx.startTable("N", "Narrow", Map.of(), LocalDateTime.of(2025, 4, 1, 8, 15),
                    List.of(Column.text("Why", 70), Column.count("N")));
            xlsx.row("a long explanation ".repeat(10), 1);
            xlsx.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            var sheet = wb.getSheet("N");
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingColumns()).isNull();
            assertThat(sheet.getColumnWidth(0)).isEqualTo(XlsxReportWriter.MAX_TEXT_WIDTH * 256);
            assertThat(sheet.getRow(4).getCell(0).getCellStyle().getWrapText()).isTrue();
        }
    }
}
