package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.collections.AccountKey;
import org.rxledger.core.collections.DunningStep;
import org.rxledger.core.collections.HoldKind;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.PaymentMethod;
import org.rxledger.core.collections.StatementRun;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/** A statement run on a real H2: one PDF of every statement due, each with its items, payments, aging and remit-to. */
class PatientStatementPdfWriterTest {

    private static final Session CLERK = new Session("carol", "carol", Set.of(Role.CLERK), "ws-test",
            Instant.parse("2025-03-20T08:00:00Z"));

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final TestOffice office = TestOffice.create(db.transactions());
    private final PatientAccountService accounts = new PatientAccountService(db.transactions());

    @AfterEach
    void close() {
        db.close();
    }

    private Claim fill(String rx, LocalDate dos, String copay) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office)
                .rx(rx).fill(0).dateOfService(dos).patientPay(copay).build(), office.payer().id()));
    }

    @Test
    void eachStatementDuePrintsItsItemsPaymentsAgingDunningStepAndRemitTo() throws IOException {
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Maple Street Pharmacy", "1234567893", "1234567",
                    "12 Maple Street", "Springfield", "IL", "62701", "217-555-0100"));
            return null;
        });
        Claim first = fill("7100001", LocalDate.of(2025, 1, 5), "12.00");
        fill("7100002", LocalDate.of(2025, 2, 20), "8.50");
        String key = AccountKey.patient(office.patient().id());
        accounts.runStatements(CLERK, LocalDate.of(2025, 2, 1));
        accounts.pay(CLERK, new PatientAccountService.Payment(key, Money.parse("5.00"), PaymentMethod.MAIL, "check 1001",
                LocalDate.of(2025, 2, 10), List.of(first.id())));

        StatementRun run = accounts.statementRun(CLERK, LocalDate.of(2025, 3, 20));

        assertThat(run.notices()).hasSize(1);
        assertThat(run.notices().get(0).step()).isEqualTo(DunningStep.STATEMENT_2);
        Path out = dir.resolve("statements.pdf");
        AuditPacketPdfWriter.Result result = new PatientStatementPdfWriter(PdfFonts.locate()).write(run, out);
        assertThat(result.pageCount()).isEqualTo(1);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Maple Street Pharmacy", "12 Maple Street", "Springfield, IL 62701", "SECOND STATEMENT",
                    key, "TESTPATIENT, ALPHA", "7100001-00", "01/05/2025", "7100002-00", "02/20/2025", "7.00", "8.50",
                    "Payments since your last statement", "02/10/2025", "-5.00", "Amount due", "$15.50", "120+ days",
                    "Amount enclosed", "Statements of 03/20/2025 · page 1 of 1");
        }
        String keep = System.getProperty("rxledger.keepConverted");
        if (keep != null) {   // for a person to look at (docs/screenshots/statement.png)
            Files.createDirectories(Path.of(keep));
            Files.copy(out, Path.of(keep, "statement-sample.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anAccountOnHoldGetsNoStatementAndAnEmptyRunSaysSo() throws IOException {
        fill("7100003", LocalDate.of(2025, 1, 5), "12.00");
        accounts.placeHold(CLERK, AccountKey.patient(office.patient().id()), HoldKind.BANKRUPTCY, "notice", LocalDate.of(2025, 2, 1));

        StatementRun run = accounts.statementRun(CLERK, LocalDate.of(2025, 2, 1));

        assertThat(run.notices()).isEmpty();
        Path out = dir.resolve("none.pdf");
        assertThat(new PatientStatementPdfWriter(PdfFonts.locate()).write(run, out).pageCount()).isEqualTo(1);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No statements are due on 02/01/2025.");
        }
    }

    @Test
    void theDrugNameIsShortenedToFitTheStatement() {
        assertThat(PatientStatementPdfWriter.shortName("ATORVASTATIN CALCIUM 20 MG TABLET FILM COATED"))
                .hasSizeLessThanOrEqualTo(28).endsWith("…");
        assertThat(PatientStatementPdfWriter.shortName("LISINOPRIL 10 MG")).isEqualTo("LISINOPRIL 10 MG");
    }
}
