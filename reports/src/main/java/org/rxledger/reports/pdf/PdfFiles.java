package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rxledger.core.audit.DocumentFiles;
import org.rxledger.core.money.Money;

/**
 * One flowed document written the way every printout is: laid out by {@link PdfFlow}, footers stamped once the
 * page count is known (a confidentiality mark on the left, "label · page n of N" on the right), written to a
 * temporary file and moved into place, so a reader never sees half a PDF.
 */
final class PdfFiles {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    /** The pages of the document, laid out on a flow whose first page is already started. */
    interface Body {
        void layOut(PdfFlow flow) throws IOException;
    }

    private PdfFiles() {
    }

    static AuditPacketPdfWriter.Result write(PdfFonts fonts, Path target, String title, String runningHead,
                                             String confidential, String pageLabel, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            int pages;
            try (PDDocument doc = new PDDocument()) {
                PdfFonts.Loaded f = fonts.load(doc);
                try (PdfFlow flow = new PdfFlow(doc, f)) {
                    flow.runningHead(runningHead);
                    flow.newPage();
                    body.layOut(flow);
                    flow.finishPage();
                }
                pages = doc.getNumberOfPages();
                stampFooters(doc, f, confidential, pageLabel);
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setCreator("RxLedger");
                doc.save(tmp.toFile());
            }
            String sha = DocumentFiles.sha256Of(tmp).orElseThrow(() -> new IOException("the PDF just written cannot be read back"));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new AuditPacketPdfWriter.Result(target, pages, sha);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void stampFooters(PDDocument doc, PdfFonts.Loaded f, String confidential, String pageLabel)
            throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = 28f;
                cs.setStrokingColor(PdfFlow.RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(PdfFlow.MARGIN, y + 12f);
                cs.lineTo(PdfFlow.MARGIN + PdfFlow.WIDTH, y + 12f);
                cs.stroke();
                text(cs, confidential, f.bold(), 7.5f, PdfFlow.MARGIN, y);
                String number = pageLabel + " · page " + (i + 1) + " of " + total;
                text(cs, number, f.regular(), 8f, PdfFlow.MARGIN + PdfFlow.WIDTH - PdfFlow.width(number, f.regular(), 8f), y);
            }
        }
    }

    private static void text(PDPageContentStream cs, String s, PDType0Font font, float size, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(Color.BLACK);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    static String[] kv(String label, String value) {
        return new String[] {label, value == null || value.isBlank() ? "—" : value};
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(US_DATE);
    }

    static String amount(Money m) {
        return m == null ? "" : String.format(Locale.US, "%,.2f", m.amount());
    }
}
