package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.money.Money;
import org.rxledger.reports.xlsx.Column;

/** A report table as a PDF: readable on paper, every page numbered and headed, totals to the cent. */
class PdfTableReportWriterTest {

    private static final LocalDateTime GENERATED = LocalDateTime.of(2026, 12, 7, 9, 30);
    private static final List<Column> COLUMNS = List.of(Column.text("Payer", 20), Column.date("DOS"),
            Column.text("Description", 60), Column.count("Claims"), Column.money("Paid"));

    @TempDir
    Path dir;

    @Test
    void aLongTableRunsOverNumberedLandscapePagesWithItsHeaderOnEachAndExactTotals() throws IOException {
        Path out = dir.resolve("register.pdf");
        BigDecimal paid = new BigDecimal("1234.56");
        try (PdfTableReportWriter pdf = new PdfTableReportWriter()) {
            pdf.startTable("Claims", "Claims register", params(), GENERATED, COLUMNS);
            for (int i = 0; i < 120; i++) {
                pdf.row("Acme PBM " + i, LocalDate.of(2026, 3, 1).plusDays(i % 28), "short", 1, Money.of(paid));
            }
            pdf.writeTo(out);
        }

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            for (int p = 1; p <= pages; p++) {
                String page = text(doc, p);
                assertThat(page).contains("Page " + p + " of " + pages).contains("Payer").contains("Paid");
            }
            assertThat(text(doc, 1)).contains("Claims register").contains("From: 2026-03-01").contains("2026-12-07 09:30");
            assertThat(text(doc, 2)).contains("Claims register (continued)");
            String last = text(doc, pages);
            assertThat(last).contains("Total").contains("120").contains("148,147.20");
            assertThat(last).doesNotContain("148,147.2\n");
        }
    }

    @Test
    void longTextWrapsInItsColumnInsteadOfRunningIntoTheNextAndNumbersAreNeverCut() throws IOException {
        Path out = dir.resolve("wrapped.pdf");
        String description = "Claim/service denied because the information submitted does not support this level of "
                + "service, this many services, this length of service or this dosage";
        try (PdfTableReportWriter pdf = new PdfTableReportWriter()) {
            pdf.startTable("Denials", "Denials", params(), GENERATED, COLUMNS);
            pdf.row("Acme PBM", LocalDate.of(2026, 3, 2), description, 3, Money.of(new BigDecimal("-15457.99")));
            pdf.writeTo(out);
        }

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String page = text(doc, 1);
            assertThat(page).contains("-15,457.99");
            assertThat(page.replace("\n", " ")).contains("Claim/service denied because the information");
            long lines = page.lines().filter(l -> l.contains("service")).count();
            assertThat(lines).as("the description wraps over several lines").isGreaterThan(1);
        }
    }

    @Test
    void anEmptyTableSaysSoAndStillPrintsItsTitleBlock() throws IOException {
        Path out = dir.resolve("empty.pdf");
        try (PdfTableReportWriter pdf = new PdfTableReportWriter()) {
            pdf.startTable("Claims", "Claims register", params(), GENERATED, COLUMNS);
            pdf.writeTo(out);
        }

        assertThat(Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(text(doc, 1)).contains("Claims register").contains("No rows.").contains("Page 1 of 1");
        }
    }

    private static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("From", "2026-03-01");
        p.put("To", "2026-03-31");
        return p;
    }

    private static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }
}
