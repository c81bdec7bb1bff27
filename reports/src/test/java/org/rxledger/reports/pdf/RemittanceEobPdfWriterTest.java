package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.reporting.PaymentAdvice;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

class RemittanceEobPdfWriterTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void printsThePaymentItsClaimsAdjustmentsPlbAndTheBalance() throws IOException {
        Path file = dir.resolve("sample.835");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        assertThat(new RemittanceImportService(db.transactions(), dir.resolve("archive"))
                .importFile(file, ProgressListener.NONE, () -> false)).isInstanceOf(ImportOutcome.Imported.class);

        List<PaymentAdvice> advices = PaymentAdvice.withTrace(db.transactions(), "EFT0314A77");
        assertThat(advices).hasSize(1);
        assertThat(advices.get(0).claims()).hasSize(4);
        assertThat(advices.get(0).providerAdjustments()).hasSize(3);

        Path out = dir.resolve("eob.pdf");
        AuditPacketPdfWriter.Result result = new RemittanceEobPdfWriter(PdfFonts.locate())
                .write(advices.get(0), LocalDateTime.of(2025, 3, 20, 9, 30), out);
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(result.sha256()).matches("[0-9a-f]{64}");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Remittance advice (EOB)", "ACME RX SOLUTIONS", "EFT0314A77", "03/14/2025",
                    "$206.82", "7001234-02", "7001500-00", "6998877-01", "7001600-00", "CO-45 16.40", "PR-3 10.00",
                    "6901122-00", "WO", "L6", "CS", "Payment EFT0314A77 · page 1 of 1", "Balances yes");
            assertThat(text).doesNotContain("TESTPATIENT", "ZQX");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain(".eob.pdf.tmp");
        String keep = System.getProperty("rxledger.keepConverted");
        if (keep != null) {   // for a person to look at (docs/screenshots)
            Files.createDirectories(Path.of(keep));
            Files.copy(out, Path.of(keep, "eob-sample.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anUnknownTraceHasNoAdvice() {
        assertThat(PaymentAdvice.withTrace(db.transactions(), "NOPE")).isEmpty();
    }

}
