package org.rxledger.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;

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
        try (PDDocument doc = new PDDocument()) {
            PdfFonts.Loaded f = fonts.load(doc);
            try (PdfFlow flow = new PdfFlow(doc, f)) {
                flow.runningHead(runningHead);
                flow.newPage();
                body.layOut(flow);
                flow.finishPage();
            }
            PdfFlow.stampFooters(doc, f, confidential, pageLabel);
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("RxLedger");
            return PdfFlow.save(doc, target);
        }
    }

    static String[] kv(String label, String value) {
        return new String[] {label, value == null || value.isBlank() ? "—" : value};
    }

    /** The dispensing pharmacy as every packet to a payer or manufacturer names it: name, NPI, NCPDP, phone, address. */
    static List<String[]> pharmacy(Pharmacy ph) {
        List<String> address = new ArrayList<>();
        if (ph != null) {
            for (String p : new String[] {ph.address(), ph.city(),
                    (ph.state() == null ? "" : ph.state()) + " " + (ph.zip() == null ? "" : ph.zip())}) {
                if (p != null && !p.isBlank()) {
                    address.add(p.strip());
                }
            }
        }
        return List.of(
                kv("Pharmacy", ph == null ? null : ph.name()),
                kv("NPI", ph == null ? null : ph.npi()),
                kv("NCPDP", ph == null ? null : ph.ncpdpId()),
                kv("Phone", ph == null ? null : ph.phone()),
                kv("Address", String.join(", ", address)));
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(US_DATE);
    }

    static String amount(Money m) {
        return m == null ? "" : String.format(Locale.US, "%,.2f", m.amount());
    }
}
