package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.rxledger.core.audit.AuditCase;
import org.rxledger.core.audit.AuditPacket;
import org.rxledger.core.audit.AuditPacket.ClaimSection;
import org.rxledger.core.audit.AuditPacket.IndexLine;
import org.rxledger.core.audit.AuditPacket.MissingDocument;
import org.rxledger.core.audit.AuditPacket.PacketDocument;
import org.rxledger.core.audit.AuditPacket.PacketException;
import org.rxledger.core.audit.DocumentContentType;
import org.rxledger.core.audit.DocumentFiles;
import org.rxledger.core.audit.DocumentKind;
import org.rxledger.core.audit.RemittanceHistory;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.reports.pdf.PdfFlow.Col;

/**
 * Writes a desk-audit packet (DOMAIN.md §5.5) as one PDF: cover letter, index with page ranges,
 * per claim the claim detail, its reversal/rebill and refill history, a days-supply worksheet and
 * the documents on file (PDF pages and scans embedded, a "Not on file" page for each missing one),
 * then the exceptions list. Every page carries "Audit &lt;id&gt; · page n of N" and the mark
 * {@value #CONFIDENTIAL}.
 *
 * <p>Layout, then stamp: the cover and index pages are reserved first (the index has one line per
 * claim, so its page count is known), the claim pages are laid out, and only then — with every
 * page range and the total known — are the cover, index and footers drawn. The file is written to
 * a temporary file beside the target and moved into place.
 *
 * <p>The caller records the disclosure with
 * {@link org.rxledger.core.audit.AuditCaseService#recordPacketGenerated} using the returned page
 * count and hash (or uses {@link AuditPacketExport}, which does both).
 */
public final class AuditPacketPdfWriter {

    /** Printed on every page (DOMAIN.md §5.5 privacy: watermark "Confidential – PBM audit"). */
    public static final String CONFIDENTIAL = "Confidential – PBM audit – contains PHI";
    public static final String NOT_ON_FILE = "Not on file";

    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final float BODY = 8.5f;
    private static final float SMALL = 7.5f;
    /** Fixed index layout: one single-line row per claim, so the index page count is known up front. */
    static final int INDEX_ROWS_PER_PAGE = 46;
    private static final Color MARK = new Color(0x8B, 0x00, 0x00);

    /** The written packet: where, how many pages, and the SHA-256 of the file (lower-case hex). */
    public record Result(Path file, int pageCount, String sha256) {
    }

    private final PdfFonts fonts;
    private final ZoneId zone;

    /** Uses the bundled DejaVu Sans (see {@link PdfFonts#locate()}) and the system time zone. */
    public AuditPacketPdfWriter() {
        this(PdfFonts.locate(), ZoneId.systemDefault());
    }

    public AuditPacketPdfWriter(PdfFonts fonts, ZoneId zone) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Writes {@code packet} to {@code target} (replacing it).
     *
     * @throws CancellationException when {@code progress} asks to stop; no file is left behind
     * @throws IOException           when the file or an attached document cannot be read or written
     */
    public Result write(AuditPacket packet, Path target, PacketProgress progress) throws IOException {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(progress, "progress");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            int pageCount;
            // page streams and embedded scans are cached in a temporary file, not the heap: a packet of
            // hundreds of claims with scanned hard copies must not need hundreds of megabytes
            try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                pageCount = layOut(doc, packet, progress);
                step(progress, packet.claims().size() + 2, packet.claims().size() + 3, "saving");
                doc.getDocumentInformation().setTitle("PBM audit packet " + packet.auditCase().auditId());
                doc.getDocumentInformation().setCreator("RxLedger");
                doc.save(tmp.toFile());
            }
            String sha = DocumentFiles.sha256Of(tmp).orElseThrow(() -> new IOException("the packet just written cannot be read back"));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            progress.progress(packet.claims().size() + 3, packet.claims().size() + 3, "done");
            return new Result(target, pageCount, sha);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private int layOut(PDDocument doc, AuditPacket packet, PacketProgress progress) throws IOException {
        int total = packet.claims().size() + 3;
        step(progress, 0, total, "cover and index");
        PdfFonts.Loaded f = fonts.load(doc);
        int indexPages = indexPageCount(packet.index().size());
        int[] first = new int[packet.claims().size()];
        int[] last = new int[packet.claims().size()];
        int exceptionsPage;
        try (PdfFlow flow = new PdfFlow(doc, f)) {
            for (int i = 0; i < 1 + indexPages; i++) {
                flow.newPage();
            }
            for (int i = 0; i < packet.claims().size(); i++) {
                ClaimSection s = packet.claims().get(i);
                step(progress, i + 1, total, "claim line " + s.requested().lineNo());
                first[i] = doc.getNumberOfPages() + 1;
                writeClaim(flow, doc, s);
                flow.finishPage();
                last[i] = doc.getNumberOfPages();
            }
            step(progress, packet.claims().size() + 1, total, "exceptions");
            exceptionsPage = doc.getNumberOfPages() + 1;
            writeExceptions(flow, packet);
            flow.finishPage();

            int pageCount = doc.getNumberOfPages();
            writeCover(flow, doc.getPage(0), packet, pageCount, indexPages, exceptionsPage);
            writeIndex(flow, doc, packet, indexPages, first, last);
            flow.finishPage();
            stampFooters(doc, f, packet.auditCase().auditId());
            return pageCount;
        }
    }

    static int indexPageCount(int lines) {
        return Math.max(1, (lines + INDEX_ROWS_PER_PAGE - 1) / INDEX_ROWS_PER_PAGE);
    }

    private static void step(PacketProgress progress, int done, int total, String what) {
        if (progress.cancelled()) {
            throw new CancellationException("the audit packet was cancelled");
        }
        progress.progress(done, total, what);
    }

    // ---------------------------------------------------------------- cover letter (§5.5 item 1)

    private void writeCover(PdfFlow flow, PDPage page, AuditPacket packet, int pageCount, int indexPages,
                            int exceptionsPage) throws IOException {
        flow.onExistingPage(page);
        Pharmacy ph = packet.pharmacy();
        AuditCase c = packet.auditCase();
        flow.heading(ph.name(), 16f);
        flow.paragraph(join(", ", ph.address(), join(" ", join(", ", ph.city(), ph.state()), ph.zip())), flow.regular, 9.5f, Color.BLACK);
        flow.paragraph(join("   ", "NPI " + ph.npi(), "NCPDP # " + ph.ncpdpId(), ph.phone() == null || ph.phone().isBlank() ? null
                : "Phone " + ph.phone()), flow.regular, 9.5f, Color.BLACK);
        flow.gap(18f);
        flow.paragraph(LocalDate.ofInstant(packet.assembledAt(), zone).format(US_DATE), flow.regular, 10f, Color.BLACK);
        flow.gap(12f);
        flow.paragraph("To: " + c.pbmName(), flow.bold, 10f, Color.BLACK);
        if (!c.contact().isBlank()) {
            flow.paragraph("Attn: " + c.contact(), flow.regular, 10f, Color.BLACK);
        }
        flow.gap(12f);
        flow.heading("Re: " + typeLabel(c) + " audit " + c.auditId(), 12f);
        flow.gap(6f);
        int claims = packet.claims().size();
        flow.keyValues(List.of(
                new String[] {"Audit ID", c.auditId()},
                new String[] {"Auditor / PBM", c.pbmName()},
                new String[] {"Letter date", c.letterDate().format(US_DATE)},
                new String[] {"Due date", c.dueDate().format(US_DATE)},
                new String[] {"Claims requested", String.valueOf(claims)},
                new String[] {"Pages in this packet", pageCount + " (including this letter)"}), 1, 130f, 10f);
        flow.gap(12f);
        String indexPagesText = indexPages == 1 ? "page 2" : "pages 2–" + (1 + indexPages);
        flow.paragraph("Enclosed are the records you requested for the " + claims + (claims == 1 ? " claim" : " claims")
                + " listed in the index on " + indexPagesText + ", in the order of your request. For each claim you will "
                + "find the claim as billed and as paid, its reversal and rebill history, the refill history of the "
                + "prescription, a days-supply worksheet and the documents on file. Documents we could not supply are "
                + "marked \"" + NOT_ON_FILE + "\" and explained in the exceptions list on page " + exceptionsPage + ".",
                flow.regular, 10f, Color.BLACK);
        flow.gap(8f);
        flow.paragraph("This packet contains only the claims requested (minimum necessary, 45 CFR 164.502(b)). "
                + "It contains protected health information; please handle it accordingly.", flow.regular, 10f, Color.BLACK);
        flow.gap(8f);
        flow.paragraph("Please contact us at the number above with any questions about these records.", flow.regular, 10f, Color.BLACK);
        flow.gap(36f);
        flow.keyValues(List.of(
                new String[] {"Prepared by", packet.preparedBy()},
                new String[] {"Signature", "_______________________________"},
                new String[] {"Date", "_______________"}), 1, 130f, 10f);
        flow.finishPage();
    }

    private static String typeLabel(AuditCase c) {
        return switch (c.type()) {
            case DESK -> "Desk";
            case ONSITE -> "On-site";
            case INVOICE -> "Invoice";
        };
    }

    // ---------------------------------------------------------------- index (§5.5 item 2)

    private static final List<Col> INDEX_COLUMNS = List.of(Col.left("Line", 22), Col.left("Rx #", 40),
            Col.right("Fill", 24), Col.left("DOS", 50), Col.left("NDC", 64), Col.left("Drug", 122),
            Col.right("Qty", 28), Col.right("Days", 28), Col.right("DAW", 28), Col.right("Paid", 40),
            Col.left("Docs", 50), Col.left("Pages", 32));

    private void writeIndex(PdfFlow flow, PDDocument doc, AuditPacket packet, int indexPages, int[] first, int[] last)
            throws IOException {
        List<IndexLine> lines = packet.index();
        for (int p = 0; p < indexPages; p++) {
            flow.onExistingPage(doc.getPage(1 + p));
            flow.heading("Index of enclosed claims" + (p == 0 ? "" : " (continued)"), 14f);
            flow.paragraph("Audit " + packet.auditCase().auditId() + " · " + packet.auditCase().pbmName()
                    + " · documents: HC-F hard copy front, HC-B hard copy back, SIG signature log, POD proof of delivery, "
                    + "OTH other · Paid = plan's total amount paid (509-F9)", flow.regular, SMALL, Color.DARK_GRAY);
            flow.gap(6f);
            List<String[]> rows = new ArrayList<>();
            for (int i = p * INDEX_ROWS_PER_PAGE; i < Math.min(lines.size(), (p + 1) * INDEX_ROWS_PER_PAGE); i++) {
                rows.add(indexRow(flow, lines.get(i), first[i], last[i]));
            }
            flow.table(INDEX_COLUMNS, rows, SMALL);
            flow.finishPage();
        }
    }

    private String[] indexRow(PdfFlow flow, IndexLine l, int first, int last) throws IOException {
        String pages = first == last ? String.valueOf(first) : first + "–" + last;
        if (!l.known()) {
            return fitted(flow, new String[] {String.valueOf(l.lineNo()), l.rxNumber(), String.valueOf(l.fillNumber()),
                    l.dateOfService().format(US_DATE), "", "Not found in our records", "", "", "", "", "—", pages});
        }
        return fitted(flow, new String[] {String.valueOf(l.lineNo()), l.rxNumber(), String.valueOf(l.fillNumber()),
                l.dateOfService().format(US_DATE), ndc(l.ndc11()), l.drug(), plain(l.quantity()),
                String.valueOf(l.daysSupply()), l.daw(), amount(l.amountPaid()),
                l.documents().isEmpty() ? "—" : l.documents().stream().map(AuditPacketPdfWriter::abbreviation)
                        .distinct().collect(Collectors.joining(", ")), pages});
    }

    /** Index rows are kept to one line each so that the index page count is fixed. */
    private static String[] fitted(PdfFlow flow, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = PdfFlow.fit(cells[i], flow.regular, SMALL, INDEX_COLUMNS.get(i).inner());
        }
        return cells;
    }

    private static String abbreviation(DocumentKind kind) {
        return switch (kind) {
            case HARD_COPY_FRONT -> "HC-F";
            case HARD_COPY_BACK -> "HC-B";
            case SIGNATURE_LOG -> "SIG";
            case DELIVERY_PROOF -> "POD";
            case OTHER -> "OTH";
        };
    }

    // ---------------------------------------------------------------- per claim (§5.5 item 3)

    private void writeClaim(PdfFlow flow, PDDocument doc, ClaimSection s) throws IOException {
        String title = "Line " + s.requested().lineNo() + " · Rx " + s.requested().rxFill() + " · DOS "
                + s.requested().dateOfService().format(US_DATE);
        flow.runningHead(title + " (continued)");
        flow.newPage();
        flow.heading(title, 13f);
        if (!s.known()) {
            flow.gap(8f);
            flow.paragraph("Not found in our records", flow.bold, 12f, MARK);
            flow.gap(4f);
            flow.paragraph("The pharmacy has no claim for Rx " + s.requested().rxNumber() + ", fill "
                    + s.requested().fillNumber() + ", dispensed on " + s.requested().dateOfService().format(US_DATE)
                    + ". It is listed in the exceptions list at the end of this packet.", flow.regular, 10f, Color.BLACK);
            return;
        }
        AuditPacket.ClaimDetail d = s.claim();
        Claim c = d.claim();
        flow.paragraph(d.drug().label() + " · NDC " + ndc(c.ndc()) + " · " + d.plan().name() + " (" + d.payer().name() + ")",
                flow.regular, 9.5f, Color.DARK_GRAY);

        flow.section("Claim as billed", 40f);
        flow.keyValues(List.of(
                kv("Patient", d.patient().displayName()),
                kv("Date of birth", d.patient().dateOfBirth().format(US_DATE)),
                kv("Cardholder ID", c.cardholderId() + (c.personCode().isBlank() ? "" : " / person " + c.personCode())),
                kv("Relationship", c.relationshipCode()),
                kv("BIN / PCN / Group", d.plan().routing()),
                kv("Transaction", c.transactionCode() + " · " + c.channel().name().toLowerCase(Locale.ROOT)),
                kv("Prescriber", d.prescriber().displayName() + " · NPI " + d.prescriber().npi()),
                kv("Date written", c.dateWritten() == null ? "—" : c.dateWritten().format(US_DATE)),
                kv("Date of service", c.dateOfService().format(US_DATE)),
                kv("Fill number", String.valueOf(c.fillNumber())),
                kv("NDC billed", ndc(c.ndc())),
                kv("Quantity", plain(c.quantity()) + " " + d.drug().unitOfMeasure()),
                kv("Days supply", String.valueOf(c.daysSupply())),
                kv("DAW", CodeTables.standard().daw().label(c.daw())),
                kv("SCC", c.sccCodes().isBlank() ? "—" : c.sccCodes()),
                kv("Other coverage code", c.otherCoverageCode()),
                kv("Ingredient cost billed", dollars(c.ingredientCostSubmitted())),
                kv("Dispensing fee billed", dollars(c.dispensingFeeSubmitted())),
                kv("Usual & customary", dollars(c.usualAndCustomary())),
                kv("Gross amount due", dollars(c.grossAmountDue()))), 2, 112f, 8f);

        flow.section("Claim as paid", 40f);
        flow.keyValues(List.of(
                kv("Response status", CodeTables.standard().responseStatuses().label(String.valueOf(c.responseStatus().code()))),
                kv("Auth # (503-F3)", c.authorizationNumber() == null ? "—" : c.authorizationNumber()),
                kv("Adjudicated", c.adjudicatedAt().atZone(zone).toLocalDate().format(US_DATE)),
                kv("Current status", c.status().label()),
                kv("Ingredient cost paid", dollars(c.ingredientCostPaid())),
                kv("Dispensing fee paid", dollars(c.dispensingFeePaid())),
                kv("Patient pay (505-F5)", dollars(c.patientPay())),
                kv("Total paid (509-F9)", dollars(c.planPaid())),
                kv("Patient pay collected", c.patientPayCollected() ? "yes, at the counter" : "no record"),
                kv("Reject codes", c.rejectCodes().isEmpty() ? "—" : String.join(", ", c.rejectCodes()))), 2, 112f, 8f);

        flow.section("Reversal and rebill history of this fill", 40f);
        List<String[]> history = new ArrayList<>();
        for (AuditPacket.HistoryEntry h : s.fillHistory()) {
            history.add(new String[] {String.valueOf(h.claimId()), h.transactionCode(), h.dateOfService().format(US_DATE),
                    h.status().label(), h.authorizationNumber() == null ? "—" : h.authorizationNumber(), amount(h.planPaid()),
                    h.adjudicatedAt().atZone(zone).toLocalDate().format(US_DATE),
                    (h.requested() ? "this claim" : "") + (h.replacesClaimId() == null ? ""
                            : (h.requested() ? "; " : "") + "replaces " + h.replacesClaimId())});
        }
        flow.table(List.of(Col.left("Claim #", 50), Col.left("Txn", 30), Col.left("DOS", 56), Col.left("Status", 64),
                Col.left("Auth #", 90), Col.right("Plan paid", 60), Col.left("Adjudicated", 66), Col.left("Note", 112)),
                history, BODY);

        flow.section("Refill history for Rx " + c.rxNumber(), 40f);
        List<String[]> refills = new ArrayList<>();
        for (AuditPacket.RefillEntry r : s.refillHistory()) {
            refills.add(new String[] {String.valueOf(r.fillNumber()), r.dateOfService().format(US_DATE), plain(r.quantity()),
                    String.valueOf(r.daysSupply()), r.nextDue().format(US_DATE),
                    r.daysEarly() == 0 ? "—" : r.daysEarly() + " days early", r.status().label(),
                    r.requested() ? "requested" : ""});
        }
        flow.table(List.of(Col.right("Fill", 30), Col.left("DOS", 60), Col.right("Qty", 50), Col.right("Days", 36),
                Col.left("Next due", 60), Col.left("Overlap", 80), Col.left("Status", 70), Col.left("Note", 142)), refills, BODY);

        AuditPacket.DaysSupplyWorksheet w = s.worksheet();
        flow.section("Days-supply worksheet", 60f);
        flow.keyValues(List.of(
                kv("Quantity billed", plain(w.quantity()) + " " + w.unitOfMeasure()),
                kv("Package size", w.packageSize().isBlank() ? "—" : w.packageSize()),
                kv("Billed days supply", String.valueOf(w.billedDaysSupply())),
                kv("Quantity per day", w.quantityPerDay() == null ? "—" : plain(w.quantityPerDay()) + " " + w.unitOfMeasure()),
                kv("Sig (directions)", "________________________________"),
                kv("Units per dose", "__________"),
                kv("Doses per day", "__________"),
                kv("Computed days supply", "__________")), 2, 112f, 8f);

        if (!s.remittanceLines().isEmpty()) {
            flow.section("Remittance lines", 40f);
            List<String[]> rows = new ArrayList<>();
            for (RemittanceHistory.Line r : s.remittanceLines()) {
                rows.add(new String[] {r.payerName(), r.paymentReference(), r.paymentDate() == null ? "" : r.paymentDate().format(US_DATE),
                        r.claimStatusCode(), amount(r.charged()), amount(r.paid()), amount(r.patientResponsibility()),
                        r.adjustments()});
            }
            flow.table(List.of(Col.left("Payer", 94), Col.left("Check / EFT", 66), Col.left("Paid on", 56),
                    Col.left("CLP02", 38), Col.right("Charged", 48), Col.right("Paid", 46), Col.right("Pt resp.", 48),
                    Col.left("Adjustments", 132)), rows, BODY);
        }

        flow.section("Documents for this claim", 40f);
        List<String[]> docs = new ArrayList<>();
        for (PacketDocument pd : s.documents()) {
            docs.add(new String[] {pd.kind().label(), "enclosed", "SHA-256 " + pd.sha256().substring(0, 16) + "…"});
        }
        for (MissingDocument m : s.missing()) {
            docs.add(new String[] {m.description(), NOT_ON_FILE, "see exceptions list"});
        }
        flow.table(List.of(Col.left("Document", 200), Col.left("On file", 90), Col.left("Detail", 238)), docs, BODY);

        String caption = "Line " + s.requested().lineNo() + " · Rx " + s.requested().rxFill() + " · DOS "
                + s.requested().dateOfService().format(US_DATE);
        for (PacketDocument pd : s.documents()) {
            enclose(flow, doc, pd, caption + " · " + pd.kind().label());
        }
        for (MissingDocument m : s.missing()) {
            notOnFile(flow, caption, m);
        }
    }

    private void enclose(PdfFlow flow, PDDocument doc, PacketDocument pd, String caption) throws IOException {
        if (pd.contentType() == DocumentContentType.PDF) {
            try (PDDocument source = Loader.loadPDF(pd.file().toFile())) {
                LayerUtility layers = new LayerUtility(doc);
                int n = source.getNumberOfPages();
                for (int i = 0; i < n; i++) {
                    PDFormXObject form = layers.importPageAsForm(source, i);
                    flow.newPage();
                    float top = captionLine(flow, caption + (n > 1 ? " · document page " + (i + 1) + " of " + n : ""));
                    PDRectangle box = form.getBBox();
                    drawFitted(flow.content(), top, box.getWidth(), box.getHeight(), box.getLowerLeftX(),
                            box.getLowerLeftY(), (cs) -> cs.drawForm(form));
                }
            } catch (IOException e) {
                unreadable(flow, caption, "This PDF could not be opened (" + e.getClass().getSimpleName()
                        + "); it may be damaged or password-protected.");
            }
        } else {
            PDImageXObject image;
            try {
                image = PDImageXObject.createFromFileByContent(pd.file().toFile(), doc);
            } catch (IOException | IllegalArgumentException e) {
                unreadable(flow, caption, "This image could not be read; it may be damaged.");
                return;
            }
            flow.newPage();
            float top = captionLine(flow, caption);
            drawFitted(flow.content(), top, image.getWidth(), image.getHeight(), 0, 0,
                    (cs) -> cs.drawImage(image, 0, 0, image.getWidth(), image.getHeight()));
        }
        flow.finishPage();
    }

    @FunctionalInterface
    private interface Drawing {
        void draw(PDPageContentStream cs) throws IOException;
    }

    /** Scales content of {@code w}×{@code h} to fit the page below {@code top}, keeping its aspect, centred. */
    private static void drawFitted(PDPageContentStream cs, float top, float w, float h, float originX, float originY,
                                   Drawing drawing) throws IOException {
        float availW = PdfFlow.WIDTH;
        float availH = top - PdfFlow.BOTTOM;
        float scale = Math.min(availW / w, availH / h);
        float x = PdfFlow.MARGIN + (availW - w * scale) / 2f;
        float y = top - h * scale;
        cs.saveGraphicsState();
        cs.transform(new Matrix(scale, 0, 0, scale, x - originX * scale, y - originY * scale));
        drawing.draw(cs);
        cs.restoreGraphicsState();
        cs.setStrokingColor(PdfFlow.RULE);
        cs.setLineWidth(0.5f);
        cs.addRect(x, y, w * scale, h * scale);
        cs.stroke();
    }

    private static float captionLine(PdfFlow flow, String caption) throws IOException {
        flow.text(caption, flow.bold, 9f, PdfFlow.MARGIN, flow.y() - 9f, Color.BLACK);
        return flow.y() - 9f - 8f;
    }

    private static void unreadable(PdfFlow flow, String caption, String why) throws IOException {
        flow.newPage();
        flow.paragraph(caption, flow.bold, 9f, Color.BLACK);
        flow.gap(160f);
        flow.paragraph("Document could not be enclosed", flow.bold, 20f, MARK);
        flow.gap(6f);
        flow.paragraph(why + " The original is kept in the pharmacy's records.", flow.regular, 10f, Color.BLACK);
        flow.finishPage();
    }

    private static void notOnFile(PdfFlow flow, String caption, MissingDocument m) throws IOException {
        flow.newPage();
        flow.paragraph(caption, flow.bold, 9f, Color.BLACK);
        flow.gap(180f);
        flow.paragraph(NOT_ON_FILE, flow.bold, 32f, MARK);
        flow.gap(10f);
        flow.paragraph(m.description(), flow.bold, 14f, Color.BLACK);
        flow.gap(8f);
        flow.paragraph("The pharmacy has no copy of this document on file for this claim. It is listed, with an "
                + "explanation, in the exceptions list at the end of this packet.", flow.regular, 10f, Color.BLACK);
        flow.finishPage();
    }

    // ---------------------------------------------------------------- exceptions (§5.5 item 4)

    private static void writeExceptions(PdfFlow flow, AuditPacket packet) throws IOException {
        flow.runningHead("Exceptions (continued)");
        flow.newPage();
        flow.heading("Exceptions", 14f);
        flow.paragraph("Items requested that are not enclosed, or that need an explanation.", flow.regular, 9f, Color.DARK_GRAY);
        flow.gap(6f);
        if (packet.exceptions().isEmpty()) {
            flow.paragraph("None: every requested claim was found and every expected document is enclosed.",
                    flow.regular, 10f, Color.BLACK);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (PacketException e : packet.exceptions()) {
            rows.add(new String[] {String.valueOf(e.lineNo()), e.rxFill(), e.dateOfService().format(US_DATE),
                    exceptionLabel(e.kind()), e.explanation()});
        }
        flow.table(List.of(Col.left("Line", 26), Col.left("Rx-fill", 58), Col.left("DOS", 58), Col.left("Item", 116),
                Col.left("Explanation", 270)), rows, BODY);
    }

    private static String exceptionLabel(PacketException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_CLAIM -> "Claim not found";
            case NOT_PAID -> "Claim not paid";
            case MISSING_HARD_COPY -> "No hard copy";
            case MISSING_SIGNATURE_OR_DELIVERY -> "No pickup proof";
            case DAW1_WITHOUT_HARD_COPY -> "DAW 1, no hard copy";
            case DOCUMENT_UNREADABLE -> "Document changed";
        };
    }

    // ---------------------------------------------------------------- footers

    private static void stampFooters(PDDocument doc, PdfFonts.Loaded f, String auditId) throws IOException {
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
                text(cs, CONFIDENTIAL, f.bold(), SMALL, PdfFlow.MARGIN, y, MARK);
                String number = "Audit " + auditId + " · page " + (i + 1) + " of " + total;
                float w = PdfFlow.width(number, f.regular(), 8f);
                text(cs, number, f.regular(), 8f, PdfFlow.MARGIN + PdfFlow.WIDTH - w, y, Color.BLACK);
                // the mark also at the top, where a page torn from the packet still shows it
                text(cs, CONFIDENTIAL, f.bold(), 6.5f, PdfFlow.MARGIN + PdfFlow.WIDTH
                        - PdfFlow.width(CONFIDENTIAL, f.bold(), 6.5f), PdfFlow.PAGE.getHeight() - 28f, MARK);
            }
        }
    }

    private static void text(PDPageContentStream cs, String s, org.apache.pdfbox.pdmodel.font.PDType0Font font, float size,
                             float x, float y, Color color) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(color);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    // ---------------------------------------------------------------- formatting

    private static String[] kv(String label, String value) {
        return new String[] {label, value == null ? "—" : value};
    }

    /** 11-digit billing NDC in 5-4-2 form (DOMAIN.md §8.1). */
    static String ndc(String ndc11) {
        return ndc11 != null && ndc11.length() == 11
                ? ndc11.substring(0, 5) + "-" + ndc11.substring(5, 9) + "-" + ndc11.substring(9) : String.valueOf(ndc11);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String amount(Money m) {
        return m == null ? "—" : m.toString();
    }

    private static String dollars(Money m) {
        return m == null ? "—" : (m.isNegative() ? "-$" + m.abs() : "$" + m);
    }

    private static String join(String separator, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return String.join(separator, kept);
    }
}
