package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * Proof that a workbook opens in LibreOffice: {@code soffice --headless --convert-to csv} recomputes
 * the SUBTOTAL formulas, and the CSV must show the same figures. Skipped (not failed) where
 * LibreOffice is not installed, so CI without it stays green. Set {@code -Drxledger.keepConverted=DIR}
 * to keep a PDF rendering of the workbook for a person to look at.
 */
class LibreOfficeOpensWorkbooksTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void libreOfficeOpensTheClaimsRegisterAndComputesItsTotals() throws Exception {
        String soffice = soffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234").dateOfService(LocalDate.of(2025, 3, 3))
                    .planPaid("21.85").build(), office.payer().id());
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001500").dateOfService(LocalDate.of(2025, 3, 4))
                    .planPaid("262.40").build(), office.payer().id());
            return null;
        });
        Path xlsx = dir.resolve("claims.xlsx");
        ReportRegistry.standard().find("claims").orElseThrow().write(db.transactions(),
                new ReportRequest(ReportPeriod.ALL, ReportsFromDatabaseTest.GENERATED), xlsx);

        convert(soffice, xlsx, "csv");
        List<String> csv = Files.readAllLines(dir.resolve("claims.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).startsWith("Claims register");
        assertThat(csv.get(4)).startsWith("7001500,");
        assertThat(csv.get(6)).startsWith("Total,").contains("284.25");

        String keep = System.getProperty("rxledger.keepConverted");
        if (keep != null) {
            convert(soffice, xlsx, "pdf");
            Files.createDirectories(Path.of(keep));
            Files.copy(dir.resolve("claims.pdf"), Path.of(keep, "claims-register-libreoffice.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void libreOfficeOpensEveryRegisteredWorkbook() throws Exception {
        String soffice = soffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7001234")
                .dateOfService(LocalDate.of(2025, 3, 3)).planPaid("21.85").build(), office.payer().id()));
        for (Report report : ReportRegistry.standard().all()) {
            Path xlsx = dir.resolve(report.name() + ".xlsx");
            report.write(db.transactions(), new ReportRequest(ReportPeriod.ALL, ReportsFromDatabaseTest.GENERATED), xlsx);
            convert(soffice, xlsx, "csv");
            List<String> csv = Files.readAllLines(dir.resolve(report.name() + ".csv"), StandardCharsets.UTF_8);
            assertThat(csv).as(report.name()).isNotEmpty();
            assertThat(csv.get(0)).as(report.name() + " title block").isNotBlank();
        }
    }

    private void convert(String soffice, Path file, String format) throws IOException, InterruptedException {
        Path profile = dir.resolve("lo-profile");
        // CSV as UTF-8 (filter option 76), comma-separated, quoted: titles hold "0–14" and "·"
        String target = format.equals("csv") ? "csv:Text - txt - csv (StarCalc):44,34,76" : format;
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", target, "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice-" + format + ".log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice-" + format + ".log"))).isZero();
    }

    private static String soffice() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                File f = new File(dirName, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }
}
