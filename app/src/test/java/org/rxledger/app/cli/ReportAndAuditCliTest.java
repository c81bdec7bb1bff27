package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.task.ProgressListener;
import picocli.CommandLine;

/** The report, audit and EOB commands against a real data directory. */
class ReportAndAuditCliTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void office() throws IOException {
        data = dir.resolve("data");
        try (AppContext ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK)) {
            SampleOffice office = SampleOffice.create(ctx.transactions());
            ctx.transactions().inTransaction(tx -> {
                tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                        "Springfield", "IL", "62701", "217-555-0100"));
                aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.parse("2025-03-03")).record(tx);
                aPaidClaim(office).rx("7001500").fill(0).dateOfService(LocalDate.parse("2025-03-04")).record(tx);
                aPaidClaim(office).rx("7001299").dateOfService(LocalDate.parse("2025-03-10")).rejected("75").record(tx);
                return null;
            });
            Path remit = dir.resolve("sample.835");
            try (var in = ReportAndAuditCliTest.class.getResourceAsStream("/org/rxledger/core/remit/sample835.edi")) {
                Files.write(remit, in.readAllBytes());
            }
            assertThat(ctx.remittanceImports().importFile(remit, ProgressListener.NONE, () -> false))
                    .isInstanceOf(ImportOutcome.Imported.class);
        }
    }

    private Run run(String... args) {
        return CliRunner.on(data).run(args);
    }

    private Run run(CommandLine cl, String... args) {
        return CliRunner.on(data).run(cl, args);
    }

    @Test
    void reportWritesEachRegisteredWorkbook() throws IOException {
        for (String name : List.of("claims", "remittances", "denials", "reconciliation", "aging", "exceptions",
                "mfp-aging", "mfp-manufacturers")) {
            Path out = dir.resolve(name + ".xlsx");
            Run r = run("report", name, "--from", "2025-03-01", "--to", "2025-03-31", "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Wrote " + out);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
                assertThat(wb.getNumberOfSheets()).isPositive();
            }
        }
        Run claims = run("report", "claims", "--from", "2025-03-01", "--to", "2025-03-31", "--out", dir.resolve("c.xlsx").toString());
        assertThat(claims.out()).contains("claims register, 3 claims");
        Run remits = run("report", "remittances", "--out", dir.resolve("r.xlsx").toString());
        assertThat(remits.out()).contains("1 payments, 4 claims");
    }

    @Test
    void formatPdfWritesThePrintableReportAndAMismatchIsRefused() throws IOException {
        Path bare = dir.resolve("claims-march");
        Run pdf = run("report", "claims", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "pdf",
                "--out", bare.toString());
        assertThat(pdf.exit()).as(pdf.err()).isZero();
        Path written = dir.resolve("claims-march.pdf");
        assertThat(pdf.out()).startsWith("Wrote " + written).contains("claims register, 3 claims");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(written.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Claims register", "Page 1 of");
        }

        Run mismatch = run("report", "claims", "--format", "pdf", "--out", dir.resolve("c.xlsx").toString());
        assertThat(mismatch.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(mismatch.err()).contains("--out " + dir.resolve("c.xlsx") + " is an Excel workbook but --format is pdf");
        Run unknown = run("report", "claims", "--format", "docx", "--out", dir.resolve("c.docx").toString());
        assertThat(unknown.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(unknown.err()).contains("--format docx is not a report format; expected xlsx or pdf");
        assertThat(dir.resolve("c.xlsx")).doesNotExist();
    }

    @Test
    void anUnknownReportIsRefusedWithTheListOfReports() {
        Run bogus = run("report", "bogus", "--out", dir.resolve("b.xlsx").toString());
        assertThat(bogus.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(bogus.err()).contains("There is no report named 'bogus'",
                "Available reports: claims, remittances, denials, reconciliation, aging, exceptions");
        assertThat(dir.resolve("b.xlsx")).doesNotExist();
        Run backwards = run("report", "claims", "--from", "2025-03-31", "--to", "2025-03-01", "--out", dir.resolve("c.xlsx").toString());
        assertThat(backwards.exit()).isEqualTo(Cli.EXIT_REJECTED);
    }

    @Test
    void auditCreateKeepsUnknownClaimsAndReportsThemThenThePacketIsWritten() throws IOException {
        Path csv = dir.resolve("claims.csv");
        Files.writeString(csv, "rx_number,fill_number,date_of_service\n7001500,0,2025-03-04\n7001234,2,03/03/2025\n9999999,1,2025-02-01\n");
        Run create = run("audit", "create", "--pbm", "ACME Audit Services", "--id", "A-123", "--letter-date", "2025-03-15",
                "--due", "2025-04-14", "--claims", csv.toString());
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).contains("Created audit A-123", "3 claims, 2 on file, 1 not on file");
        assertThat(create.err()).contains("line 3: no claim on file for Rx 9999999-01, DOS 2025-02-01");

        Run again = run("audit", "create", "--pbm", "ACME", "--id", "A-123", "--letter-date", "2025-03-15",
                "--due", "2025-04-14", "--claims", csv.toString());
        assertThat(again.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(again.err()).contains("already on file");

        Run list = run("audit", "list", "--json");
        JsonNode cases = list.json();
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("auditId").asText()).isEqualTo("A-123");
        assertThat(cases.get(0).get("claims").asInt()).isEqualTo(3);
        assertThat(cases.get(0).get("unknownClaims").asInt()).isEqualTo(1);
        assertThat(run("audit", "list").out()).contains("A-123", "ACME Audit Services", "1 not on file");

        Path pdf = dir.resolve("A-123.pdf");
        Run packet = run("audit", "packet", "--id", "A-123", "--out", pdf.toString());
        assertThat(packet.exit()).as(packet.err()).isZero();
        assertThat(packet.out()).matches("(?s)Wrote .*A-123\\.pdf: \\d+ pages, SHA-256 [0-9a-f]{64}\\s*");
        int pages = Integer.parseInt(packet.out().replaceAll("(?s).*: (\\d+) pages.*", "$1"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("A-123", "page " + pages + " of " + pages, "7001500", "9999999");
        }
        // the packet left the office: one entry in the accounting of disclosures, naming no patient
        JsonNode disclosures = run("disclosures", "--json").json();
        assertThat(disclosures).hasSize(1);
        assertThat(disclosures.get(0).get("kind").asText()).isEqualTo("audit_packet");
        assertThat(disclosures.get(0).get("reference").asText()).isEqualTo("audit A-123");
        assertThat(disclosures.get(0).get("patients")).hasSize(1);
        assertThat(run("disclosures").out()).contains("audit_packet", "ACME Audit Services", "1 disclosure");
        Run unknown = run("audit", "packet", "--id", "NOPE", "--out", dir.resolve("x.pdf").toString());
        assertThat(unknown.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(unknown.err()).contains("No audit with id NOPE");
    }

    @Test
    void strictCreateRefusesAListWithUnknownClaimsAndCreatesNothing() throws IOException {
        Path csv = dir.resolve("claims.csv");
        Files.writeString(csv, "rx_number,fill_number,date_of_service\n7001500,0,2025-03-04\n9999999,1,2025-02-01\n");
        Run create = run("audit", "create", "--pbm", "ACME", "--id", "A-9", "--letter-date", "2025-03-15",
                "--due", "2025-04-14", "--claims", csv.toString(), "--strict");
        assertThat(create.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(create.err()).contains("line 2: no claim on file for Rx 9999999-01", "no audit case was created");
        assertThat(run("audit", "list").out()).contains("No audit cases.");
    }

    @Test
    void aBadClaimListNamesTheLineAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "rx_number,fill_number,date_of_service\n7001500,x,2025-03-04\n");
        Run create = run("audit", "create", "--pbm", "ACME", "--id", "A-8", "--letter-date", "2025-03-15",
                "--due", "2025-04-14", "--claims", csv.toString());
        assertThat(create.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(create.err()).contains("line 2, column fill_number");
    }

    @Test
    void remitEobPrintsOnePaymentByTrace() throws IOException {
        CommandLine cl = Cli.commandLine(d -> 0);
        // RemitCommand (another area) registers RemitEobCommand as "remit eob"; here it hangs off the root
        cl.addSubcommand("eob", new RemitEobCommand());
        Path pdf = dir.resolve("eob.pdf");
        Run r = run(cl, "eob", "--trace", "EFT0314A77", "--out", pdf.toString(), "--recipient", "Second Plan COB");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Disclosure> disclosed;
        try (AppContext ctx = AppContext.open(data)) {
            disclosed = ctx.transactions().read(tx -> tx.port(DisclosureLog.class).between(null, null));
        }
        assertThat(disclosed).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Disclosure.Kind.EOB);
            assertThat(d.recipient()).isEqualTo("Second Plan COB");
            assertThat(d.reference()).isEqualTo("EOB trace EFT0314A77");
            assertThat(d.patientIds()).as("the patients of the matched claims").isNotEmpty();
        });
        assertThat(r.out()).contains("ACME RX SOLUTIONS trace EFT0314A77, 4 claims, 1 page");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("EFT0314A77", "206.82");
        }
        CommandLine cl2 = Cli.commandLine(d -> 0);
        cl2.addSubcommand("eob", new RemitEobCommand());
        Run missing = run(cl2, "eob", "--trace", "NOPE", "--out", dir.resolve("n.pdf").toString());
        assertThat(missing.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(missing.err()).contains("no stored payment has trace number NOPE");
    }
}
