package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/** The use case behind {@code rxledger report} and the Reports area: by name, for a period, into a workbook. */
class ReportRunnerTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final ReportRunner runner = ReportRunner.standard(db.transactions());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesTheNamedReportForThePeriodIntoANewFolder() throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234")
                    .dateOfService(LocalDate.of(2025, 3, 3)).build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001777")
                    .dateOfService(LocalDate.of(2025, 4, 2)).build(), office.payer().id());
            return null;
        });
        Path out = dir.resolve("reports").resolve("claims.xlsx");

        ReportOutcome outcome = runner.run(" Claims ", new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null), out);

        assertThat(outcome.file()).isEqualTo(out);
        assertThat(outcome.summary()).contains("claims register, 1 claims");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Claims")).isNotNull();
        }
        assertThat(runner.available()).extracting(Report::name)
                .containsExactly("claims", "remittances", "denials", "reconciliation", "aging", "exceptions",
                        "mfp-aging", "mfp-manufacturers");
    }

    @Test
    void refusesAnUnknownNameAndATargetThatIsNotAWorkbook() {
        assertThatThrownBy(() -> runner.run("payroll", ReportPeriod.ALL, dir.resolve("p.xlsx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("There is no report named 'payroll'. Available reports: claims,");
        assertThatThrownBy(() -> runner.run("claims", ReportPeriod.ALL, dir.resolve("claims.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claims.csv must end in .xlsx (an Excel workbook) or .pdf (a PDF)");
        assertThat(dir.resolve("p.xlsx")).doesNotExist();
        assertThat(dir.resolve("claims.csv")).doesNotExist();
    }

    private TestOffice twoMarchClaims() {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234")
                    .dateOfService(LocalDate.of(2025, 3, 3)).build(), office.payer().id());
            return null;
        });
        return office;
    }

    private List<Disclosure> disclosures() {
        return db.transactions().read(tx -> tx.port(DisclosureLog.class).between(null, null));
    }

    @Test
    void aReportWithPatientColumnsIsRecordedAsADisclosureOfItsPatients() throws IOException {
        TestOffice office = twoMarchClaims();
        db.transactions().signIn(new Session("pat", "Pat", Set.of(Role.CLERK), "ws-7", TestDatabases.NOW));

        runner.run("claims", new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null),
                dir.resolve("claims.xlsx"), "ACME RX SOLUTIONS desk audit");
        runner.run("denials", ReportPeriod.ALL, dir.resolve("denials.xlsx"));

        assertThat(disclosures()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Disclosure.Kind.REPORT);
            assertThat(d.user()).isEqualTo("pat");
            assertThat(d.recipient()).isEqualTo("ACME RX SOLUTIONS desk audit");
            assertThat(d.reference()).isEqualTo("report claims 2025-03-01 to 2025-03-31");
            assertThat(d.patientIds()).containsExactly(office.patient().id());
        });
    }

    @Test
    void everyReportAlsoWritesAPrintablePdfWithTheSameTitleAndNumberedPages() throws IOException {
        twoMarchClaims();
        ReportPeriod march = new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30));

        for (Report report : runner.available()) {
            Path pdf = dir.resolve(report.name() + ".pdf");
            ReportOutcome outcome = runner.run(report.name(), march, pdf);

            assertThat(outcome.file()).isEqualTo(pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(doc.getNumberOfPages()).as(report.name()).isPositive();
                assertThat(text).as(report.name()).contains("Page 1 of " + doc.getNumberOfPages()).contains("Generated");
            }
        }
        try (PDDocument doc = Loader.loadPDF(dir.resolve("claims.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Claims register").contains("7001234");
        }
    }

    @Test
    void aCancelledReportLeavesNoFileAndRecordsNoDisclosure() {
        twoMarchClaims();
        db.transactions().signIn(new Session("pat", "Pat", Set.of(Role.CLERK), "ws-7", TestDatabases.NOW));
        Path out = dir.resolve("claims.pdf");

        assertThatThrownBy(() -> runner.run("claims", ReportPeriod.ALL, out, "desk audit", () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class).hasMessageContaining("no file was written");

        assertThat(out).doesNotExist();
        assertThat(dir).isEmptyDirectory();
        assertThat(disclosures()).isEmpty();
    }

    @Test
    void cancellingMidTableStopsWithinAFewHundredRows() {
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        ReportTableWriter counting = new ReportTableWriter() {
            @Override
            public void startTable(String sheet, String title, java.util.Map<String, String> params,
                                   java.time.LocalDateTime generated, List<org.rxledger.reports.xlsx.Column> columns) {
            }

            @Override
            public void row(Object... values) {
                written.incrementAndGet();
            }

            @Override
            public void writeTo(Path target) {
            }

            @Override
            public void close() {
            }
        };
        ReportTableWriter table = new CancellableTableWriter(counting, () -> checks.incrementAndGet() > 2);

        table.startTable("s", "t", java.util.Map.of(), TestDatabases.NOW.atZone(java.time.ZoneOffset.UTC).toLocalDateTime(),
                List.of());
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                table.row();
            }
        }).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(written.get()).isEqualTo(2 * CancellableTableWriter.EVERY - 1);
    }

    @Test
    void aPersonWithoutReportExportIsRefusedAndNoWorkbookIsWritten() {
        twoMarchClaims();
        db.transactions().signIn(new Session("robin", "Robin", Set.of(Role.READ_ONLY), "ws-7", TestDatabases.NOW));

        assertThatThrownBy(() -> runner.run("claims", ReportPeriod.ALL, dir.resolve("claims.xlsx")))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("'report-export'");
        assertThat(dir.resolve("claims.xlsx")).doesNotExist();
        assertThat(disclosures()).isEmpty();
    }
}
