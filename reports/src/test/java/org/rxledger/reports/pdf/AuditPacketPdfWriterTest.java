package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditPacket;
import org.rxledger.core.audit.AuditPacketAssembler;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.DocumentKind;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.audit.RemittanceHistory;
import org.rxledger.core.audit.RequestedLine;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class AuditPacketPdfWriterTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private AuditCaseService service;
    private TestOffice office;
    private AuditPacketAssembler assembler;
    private final AuditPacketPdfWriter writer = new AuditPacketPdfWriter(PdfFonts.locate(), ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws IOException {
        office = TestOffice.create(db.transactions());
        Patient jose = db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            return tx.port(ReferenceRepository.class).insertPatient("José", "Núñez", LocalDate.of(1958, 7, 1), Patient.Gender.MALE);
        });
        db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234").fill(0).dateOfService(LocalDate.of(2025, 1, 2))
                    .build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234").fill(1).dateOfService(LocalDate.of(2025, 1, 30))
                    .build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3))
                    .build(), office.payer().id());
            var c = ClaimBuilder.aPaidClaim(office).rx("7001500").fill(0).dateOfService(LocalDate.of(2025, 2, 14)).daw("1")
                    .planPaid("262.40").build();
            ClaimRecorder.record(tx, new org.rxledger.core.claim.Claim(c.id(), c.uuid(), c.rxNumber(), c.fillNumber(),
                    c.dateOfService(), c.dateWritten(), c.transactionCode(), jose.id(), c.planId(), c.bin(), c.pcn(),
                    c.groupId(), c.cardholderId(), c.personCode(), c.relationshipCode(), c.prescriberId(), c.drugId(),
                    c.ndc(), c.quantity(), c.daysSupply(), c.daw(), c.sccCodes(), c.otherCoverageCode(),
                    c.ingredientCostSubmitted(), c.dispensingFeeSubmitted(), c.usualAndCustomary(), c.grossAmountDue(),
                    c.responseStatus(), c.rejectCodes(), c.authorizationNumber(), c.patientPay(), c.ingredientCostPaid(),
                    c.dispensingFeePaid(), c.planPaid(), c.channel(), c.patientPayCollected(), c.lifecycle(),
                    c.replacesClaimId(), c.source(), c.adjudicatedAt(), c.createdAt(), c.createdBy()), office.payer().id());
            return null;
        });
        Path data = dir.resolve("data");
        service = new AuditCaseService(db.transactions(), data, TestDatabases.CLOCK);
        assembler = new AuditPacketAssembler(db.transactions(), data, RemittanceHistory.NONE, TestDatabases.CLOCK);
        service.create(new NewAuditCase("ACME RX SOLUTIONS", "A-123", AuditType.DESK, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 31), "Desk audit team, fax 555-0100"), List.of(
                new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)),
                new RequestedLine("7001500", 0, LocalDate.of(2025, 2, 14)),
                new RequestedLine("7009999", 1, LocalDate.of(2025, 1, 5))));
        service.attachDocument("A-123", 1, DocumentKind.HARD_COPY_FRONT, png(dir.resolve("front.png")));
        service.attachDocument("A-123", 2, DocumentKind.SIGNATURE_LOG, onePagePdf(dir.resolve("siglog.pdf")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Path png(Path file) throws IOException {
        BufferedImage image = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(40, 40, 770, 1020);
        g.drawString("Rx 7001234 - scanned prescription", 80, 100);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Path onePagePdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, new java.io.ByteArrayInputStream(PdfFonts.locate().bold())), 18);
                cs.newLineAtOffset(72, 700);
                cs.showText("SIGNATURE LOG SHEET");
                cs.endText();
                cs.addRect(72, 400, 468, 250);
                cs.stroke();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static List<String> pageTexts(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    private AuditPacketPdfWriter.Result writeSample(Path out) throws IOException {
        AuditPacketPdfWriter.Result result = writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);
        // kept for looking at the layout (docs/screenshots are rendered from it)
        Path sample = Path.of("target", "sample-audit-packet.pdf");
        Files.createDirectories(sample.getParent());
        Files.copy(out, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return result;
    }

    @Test
    void everyPageIsNumberedPageNOfTotalAndCarriesTheConfidentialityMark() throws IOException {
        Path out = dir.resolve("packet.pdf");
        AuditPacketPdfWriter.Result result = writeSample(out);

        List<String> pages = pageTexts(out);
        assertThat(result.pageCount()).isEqualTo(pages.size()).isGreaterThan(8);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                    .contains("Audit A-123 · page " + (i + 1) + " of " + pages.size())
                    .contains(AuditPacketPdfWriter.CONFIDENTIAL);
        }
    }

    @Test
    void theCoverLetterNamesThePharmacyTheAuditTheDatesTheClaimCountAndThePageCount() throws IOException {
        Path out = dir.resolve("packet.pdf");
        AuditPacketPdfWriter.Result result = writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);

        String cover = pageTexts(out).get(0);
        assertThat(cover).contains("Main Street Pharmacy", "12 Main St, Springfield, IL 62701", "NPI 1234567893",
                "NCPDP # 0312345", "To: ACME RX SOLUTIONS", "Desk audit A-123", "Letter date 03/10/2025",
                "Due date 03/31/2025", "Claims requested 3", "Pages in this packet " + result.pageCount(),
                "Prepared by clerk1");
    }

    @Test
    void theIndexListsEveryRequestedClaimInOrderWithThePagesWhereItsSectionIs() throws IOException {
        Path out = dir.resolve("packet.pdf");
        writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);
        List<String> pages = pageTexts(out);
        String index = pages.get(1);

        assertThat(index).contains("Index of enclosed claims");
        assertThat(index.indexOf("7001234")).isLessThan(index.indexOf("7001500"));
        assertThat(index.indexOf("7001500")).isLessThan(index.indexOf("7009999"));
        assertThat(index).contains("12345-0678-90", "ATORVASTATIN 20 MG TABLET", "21.85", "262.40", "HC-F", "SIG",
                "Not found in our records");
        for (String[] line : new String[][] {{"1", "7001234-02"}, {"2", "7001500-00"}, {"3", "7009999-01"}}) {
            int firstPage = firstPageWith(pages, "Line " + line[0] + " · Rx " + line[1] + " · DOS");
            Matcher row = Pattern.compile("(?m)^" + line[0] + " " + line[1].substring(0, 7) + " .* (\\d+)(?:–(\\d+))?$").matcher(index);
            assertThat(row.find()).as("index row of line %s in%n%s", line[0], index).isTrue();
            assertThat(Integer.parseInt(row.group(1))).as("first page of line %s", line[0]).isEqualTo(firstPage);
        }
    }

    private static int firstPageWith(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no page contains " + text);
    }

    @Test
    void attachedDocumentsAreEmbeddedAndMissingOnesGetANotOnFilePage() throws IOException {
        Path out = dir.resolve("packet.pdf");
        writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);
        List<String> pages = pageTexts(out);

        assertThat(pages).filteredOn(p -> p.contains("SIGNATURE LOG SHEET")).hasSize(1);
        assertThat(pages).filteredOn(p -> p.contains("Line 1 · Rx 7001234-02 · DOS 03/03/2025 · Prescription hard copy (front)"))
                .hasSize(1);
        List<String> notOnFile = pages.stream().filter(p -> p.contains("has no copy of this document on file")).toList();
        assertThat(notOnFile).hasSize(2);
        assertThat(notOnFile.get(0)).contains(AuditPacketPdfWriter.NOT_ON_FILE, "Line 1 · Rx 7001234-02",
                "Signature log or proof of delivery");
        assertThat(notOnFile.get(1)).contains(AuditPacketPdfWriter.NOT_ON_FILE, "Line 2 · Rx 7001500-00",
                "Prescription hard copy (front)");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            long pagesWithImages = Stream.iterate(0, i -> i + 1).limit(doc.getNumberOfPages()).map(doc::getPage)
                    .filter(p -> p.getResources().getXObjectNames().iterator().hasNext()).count();
            assertThat(pagesWithImages).isEqualTo(2);
        }
    }

    @Test
    void theClaimPagesShowBilledAndPaidDataHistoryAndTheWorksheetWithAnAccentedPatientName() throws IOException {
        Path out = dir.resolve("packet.pdf");
        writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);
        List<String> pages = pageTexts(out);
        String line1 = String.join("\n", pages.subList(firstPageWith(pages, "Line 1 · Rx 7001234-02 · DOS") - 1,
                firstPageWith(pages, "Prescription hard copy (front)\n") - 1));
        String line2 = pages.get(firstPageWith(pages, "Line 2 · Rx 7001500-00 · DOS") - 1);

        assertThat(line2).contains("Núñez, José", "1 — Prescriber did not allow", "$262.40");
        assertThat(line1).contains("TESTPATIENT, ALPHA", "Claim as billed", "Claim as paid", "A25071000001",
                "Reversal and rebill history of this fill", "Refill history for Rx 7001234", "Days-supply worksheet",
                "Package size 90 EA", "Quantity per day 1 EA", "01/02/2025", "01/30/2025", "2 days early");
        assertThat(String.join("", pages)).doesNotContain("Remittance lines");
    }

    @Test
    void theExceptionsListExplainsUnknownClaimsAndMissingDocuments() throws IOException {
        Path out = dir.resolve("packet.pdf");
        AuditPacketPdfWriter.Result result = writer.write(assembler.assemble("A-123"), out, PacketProgress.NONE);
        String last = pageTexts(out).get(result.pageCount() - 1);
        assertThat(last).contains("Exceptions", "Claim not found", "DAW 1, no hard copy", "No pickup proof",
                "No signature log line or proof of delivery is on file for this fill.", "7009999-01");
    }

    @Test
    void aLongClaimListContinuesTheIndexOnMorePagesAndKeepsEveryFooterRight() throws IOException {
        List<RequestedLine> many = new ArrayList<>();
        for (int i = 0; i < AuditPacketPdfWriter.INDEX_ROWS_PER_PAGE + 5; i++) {
            many.add(new RequestedLine(String.valueOf(8000000 + i), 0, LocalDate.of(2025, 1, 1)));
        }
        service.create(new NewAuditCase("ACME RX SOLUTIONS", "B-7", AuditType.DESK, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 20), ""), many);
        Path out = dir.resolve("long.pdf");

        AuditPacketPdfWriter.Result result = writer.write(assembler.assemble("B-7"), out, PacketProgress.NONE);

        List<String> pages = pageTexts(out);
        assertThat(pages.get(2)).contains("Index of enclosed claims (continued)", "8000050");
        assertThat(pages.get(pages.size() - 1)).contains("Audit B-7 · page " + result.pageCount() + " of " + result.pageCount());
        assertThat(pages.get(0)).contains("pages 2–3");
    }

    @Test
    void aClaimWithALongRefillHistoryContinuesOnANewPageWithARunningHeadAndTheTableHeaderRepeated() throws IOException {
        db.transactions().inTransaction(tx -> {
            for (int fill = 0; fill <= 60; fill++) {
                ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7003000").fill(fill)
                        .dateOfService(LocalDate.of(2020, 1, 1).plusDays(30L * fill)).build(), office.payer().id());
            }
            return null;
        });
        service.create(new NewAuditCase("ACME RX SOLUTIONS", "C-9", AuditType.DESK, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 20), ""), List.of(new RequestedLine("7003000", 60, LocalDate.of(2020, 1, 1).plusDays(1800))));
        Path out = dir.resolve("refills.pdf");

        writer.write(assembler.assemble("C-9"), out, PacketProgress.NONE);

        List<String> pages = pageTexts(out);
        String head = "Line 1 · Rx 7003000-60 · DOS " + LocalDate.of(2020, 1, 1).plusDays(1800).format(AuditPacketPdfWriter.US_DATE);
        assertThat(pages.get(2)).contains(head, "Refill history for Rx 7003000").doesNotContain("Documents for this claim");
        assertThat(pages.get(3)).contains(head + " (continued)", "Fill DOS Qty Days Next due");
        // a section title never ends a page without at least the first row of its table
        String documentsPage = pages.stream().filter(p -> p.contains("Documents for this claim")).findFirst().orElseThrow();
        assertThat(documentsPage).contains("Prescription hard copy (front) Not on file");
        assertThat(pages.get(1)).containsPattern("(?m)^1 7003000 60 .* 3–\\d+$");
    }

    @Test
    void remittanceLinesFromTheRemittanceHistoryPortGetTheirOwnSection() throws IOException {
        RemittanceHistory remits = claimId -> List.of(new RemittanceHistory.Line("ACME RX SOLUTIONS", "EFT778899",
                LocalDate.of(2025, 3, 14), "1", org.rxledger.core.money.Money.parse("48.25"),
                org.rxledger.core.money.Money.parse("21.85"), org.rxledger.core.money.Money.parse("10.00"), "CO-45 16.40"));
        AuditPacketAssembler withRemits = new AuditPacketAssembler(db.transactions(), dir.resolve("data"), remits,
                TestDatabases.CLOCK);
        Path out = dir.resolve("remits.pdf");

        writer.write(withRemits.assemble("A-123"), out, PacketProgress.NONE);

        String all = String.join("\n", pageTexts(out));
        String line1 = all.substring(all.indexOf("Line 1 · Rx 7001234-02 · DOS"), all.indexOf("Line 2 · Rx 7001500-00 · DOS"));
        assertThat(line1).contains("Remittance lines", "Payer Check / EFT Paid on CLP02 Charged Paid Pt resp. Adjustments",
                "EFT778899 03/14/2025 1 48.25 21.85 10.00 CO-45 16.40");
    }

    @Test
    void cancellingStopsTheWriteAndLeavesNoFileBehind() throws IOException {
        Path out = dir.resolve("out").resolve("packet.pdf");
        List<String> steps = new ArrayList<>();
        PacketProgress cancelAfterFirstClaim = new PacketProgress() {
            @Override
            public void progress(int done, int total, String step) {
                steps.add(step);
            }

            @Override
            public boolean cancelled() {
                return steps.size() >= 2;
            }
        };
        AuditPacket packet = assembler.assemble("A-123");

        assertThatThrownBy(() -> writer.write(packet, out, cancelAfterFirstClaim)).isInstanceOf(CancellationException.class);
        assertThat(steps).containsExactly("cover and index", "claim line 1");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void exportingRecordsTheDisclosureWithPageCountAndTheHashOfTheFile() throws IOException {
        Path out = dir.resolve("packet.pdf");
        AuditPacketPdfWriter.Result result = new AuditPacketExport(assembler, writer, service)
                .export("A-123", out, PacketProgress.NONE);

        String sha = org.rxledger.core.audit.DocumentFiles.sha256Of(out).orElseThrow();
        assertThat(result.sha256()).isEqualTo(sha);
        AuditRecord record = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-123")).stream()
                .filter(r -> r.action().equals("AUDIT_PACKET_GENERATED")).findFirst().orElseThrow();
        assertThat(record.detail()).contains(sha, "\"pageCount\":" + result.pageCount());
        assertThat(record.user()).isEqualTo("clerk1");
    }
}
