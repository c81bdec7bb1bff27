package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.PaperClaim;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class PaperClaimPdfWriterTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final TestOffice office = TestOffice.create(db.transactions());
    private final PaperClaimPdfWriter writer = new PaperClaimPdfWriter(PdfFonts.locate(), ZoneOffset.UTC);

    @AfterEach
    void close() {
        db.close();
    }

    private PaperClaim paperClaim(ClaimBuilder builder) {
        return db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Núñez Corner Pharmacy", "1234567893", "0512345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            Claim c = ClaimRecorder.record(tx, builder.build(), office.payer().id());
            return PaperClaim.load(tx, c.id());
        });
    }

    /** Keeps a copy under target/ so the layout can be looked at (pdftoppm) after a build. */
    private static void keep(Path pdf) throws IOException {
        Path out = Path.of("target", "paper-claim-samples");
        Files.createDirectories(out);
        Files.copy(pdf, out.resolve(pdf.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(Path pdf) throws IOException {
        keep(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void ucfSheetCarriesTheUniversalClaimFormFields() throws IOException {
        PaperClaim paper = paperClaim(ClaimBuilder.aPaidClaim(office).paper());

        Path pdf = writer.writeUcfSheet(paper, dir.resolve("ucf.pdf"));

        String text = text(pdf);
        assertThat(text).contains(PaperClaimPdfWriter.UCF_TITLE)
                // cardholder and plan
                .contains("ZQX00012345").contains("GRP7781").contains("TESTPATIENT, ALPHA").contains("04/15/1962")
                .contains("2 — female").contains("1 — cardholder").contains("ACME Commercial")
                // pharmacy: name with accents (embedded font), NPI with qualifier, NCPDP id
                .contains("Núñez Corner Pharmacy").contains("NPI (qual. 01) 1234567893").contains("0512345")
                // the claim
                .contains("7001234").contains("03/03/2025").contains("02/01/2025").contains("NDC (407-D7, qual. 03) 12345067890")
                .contains("1987654328").contains("SMITHSON").contains("0 — No product selection indicated")
                .contains("none (paper)")
                // pricing: gross 48.25 = 46.50 + 1.75, net = gross − 0 − 0, U&C
                .contains("$46.50").contains("$1.75").contains("$48.25").contains("Net amount due").contains("$52.00")
                .contains("Certification");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(dir.toFile().list()).containsExactly("ucf.pdf"); // no temporary file left behind
    }

    @Test
    void dmrReceiptIsItemisedWithElevenDigitNdcAndPricePaid() throws IOException {
        // a cash fill the member claims back: the plan paid nothing, the member paid U&C
        PaperClaim paper = paperClaim(ClaimBuilder.aPaidClaim(office).paper().planPaid("0.00").patientPay("52.00"));

        Path pdf = writer.writeDmrReceipt(paper, dir.resolve("receipt.pdf"));

        String text = text(pdf);
        assertThat(text).contains(PaperClaimPdfWriter.DMR_TITLE)
                .contains("TESTPATIENT, ALPHA").contains("7001234-02").contains("03/03/2025")
                .contains("ATORVASTATIN 20 MG TABLET").contains("12345067890").contains("30 EA")
                .contains("SMITHSON, JANE · NPI 1987654328")
                .contains("Pharmacy NPI 1234567893 · NCPDP 0512345")
                .contains("Price paid by the patient").contains("$52.00");
        assertThat(Files.size(pdf)).isPositive();
    }

    @Test
    void pricePaidIsPatientPayWhenAPlanPaid() {
        Claim paid = ClaimBuilder.aPaidClaim(office).build();

        assertThat(PaperClaimPdfWriter.pricePaid(paid)).hasToString("10.00");
    }
}
