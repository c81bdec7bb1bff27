package org.rxledger.reports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.names;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.open;
import static org.rxledger.reports.engine.ReportsFromDatabaseTest.total;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.mfp.MfpImportStep;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * The "mfp-aging" and "mfp-manufacturers" workbooks from real H2 with the MTF 835 of core's MFP tests recorded.
 * Every FICTIONAL PHARMA fill is 30 units at (WAC 12.34567 − MFP 0.50000) = 355.37 expected, due 14 days after its
 * date of service; the EXAMPLE BIOLOGICS fill is (55.00000 − 9.87654) × 30 = 1353.7038 → 1353.70. As of 2026-03-01:
 * 7001234-2 paid, 7001300-1 short by 55.37 (due 02-17, 12 days past), 7001400-0 missing (due 02-18, 11 days),
 * 7001500-1 paid late, 7001600-1 paid then reversed so missing (due 02-20, 9 days), 7001700-1 a reversed claim
 * whose refund was kept, 7001900-1 not due yet (due 03-11), and the biologics fill of 2026-01-10 missing
 * (due 01-24, 36 days past).
 */
class MfpWorkbooksTest {

    static final LocalDateTime GENERATED = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    static final String BIOLOGICS_NDC = "55555012301";

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final TestOffice office = TestOffice.create(db.transactions());
    private final MfpService mfp = new MfpService(db.transactions());
    private final ReportRegistry registry = ReportRegistry.standard();

    @BeforeEach
    void refundsOfFebruary() throws IOException {
        new PayerDirectoryService(db.transactions()).importCsv("directory.csv", new StringReader("""
                payer_name,remit_payer_id,bin,pcn,group_id
                ACME RX SOLUTIONS,1999999999,999999,TESTPCN,
                MEDICARE TRANSACTION FACILITATOR,1900000024,,,
                """));
        mfp.setPartD(new Routing("999999", "TESTPCN", ""), true, "ACME's Part D PCN");
        mfp.setRefundPayer("Medicare Transaction Facilitator", true, "MTF payment module");
        assertThat(mfp.importPrices("prices.csv", new StringReader("""
                ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer
                12345067890,0.50000,12.34567,2026-01-01,2026-06-30,FICTIONAL PHARMA INC
                55555012301,9.87654,55.00000,2026-01-01,,EXAMPLE BIOLOGICS LLC
                """)).succeeded()).isTrue();
        store(claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        Claim shortPaid = store(claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        store(claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        store(claim("7001500", 1, LocalDate.of(2026, 2, 5)));
        store(claim("7001600", 1, LocalDate.of(2026, 2, 6)));
        store(claim("7001700", 1, LocalDate.of(2026, 2, 7)).reversed());
        store(claim("7001900", 1, LocalDate.of(2026, 2, 25)));
        store(claim("7002000", 1, LocalDate.of(2026, 1, 10)).parties(office.patient().id(), office.plan().id(), "999999",
                "TESTPCN", "GRP7781", office.prescriber().id(), office.drug().id(), BIOLOGICS_NDC));
        Path file = dir.resolve("mtf-refunds.835");
        try (InputStream in = MfpService.class.getResourceAsStream("mtf-refunds.835")) {
            Files.copy(in, file);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"),
                new MfpImportStep(new MatchAndPostStep())).importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        mfp.recordRemittedRefunds();
        mfp.openDispute(shortPaid.id(), "short paid", "", AS_OF);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ClaimBuilder claim(String rx, int fill, LocalDate dos) {
        return ClaimBuilder.aPaidClaim(office).rx(rx).fill(fill).dateOfService(dos).authorization("A" + rx + fill);
    }

    private Claim store(ClaimBuilder b) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
    }

    private ReportOutcome run(String name, ReportPeriod period) throws IOException {
        Path out = dir.resolve(name + ".xlsx");
        return registry.find(name).orElseThrow().write(db.transactions(), new ReportRequest(period, GENERATED), out);
    }

    private static BigDecimal money(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).contains("0.00");
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    /** Excel evaluates a SUBTOTAL in binary floating point; the workbook shows it to the cent. */
    private static BigDecimal totalToCent(XSSFWorkbook wb, Cell cell) {
        return total(wb, cell).setScale(2, RoundingMode.HALF_UP);
    }

    private static double number(Row row, Sheet s, String header) {
        return row.getCell(column(s, header)).getNumericCellValue();
    }

    private static int column(Sheet s, String header) {
        for (Cell c : s.getRow(3)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " on " + s.getSheetName());
    }

    @Test
    void agingPutsWhatIsStillOwedInBucketsByDaysPastTheDueDate() throws IOException {
        ReportOutcome outcome = run("mfp-aging", new ReportPeriod(null, null, AS_OF));

        assertThat(outcome.rows()).containsEntry("By manufacturer", 2L).containsEntry("Open refunds", 5L);
        assertThat(outcome.summary()).contains("2475.18 outstanding").contains("5 refunds owed");
        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("By manufacturer", "Open refunds");
            Sheet s = wb.getSheet("By manufacturer");
            assertThat(s.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(AS_OF);
            Row biologics = s.getRow(4);
            assertThat(biologics.getCell(0).getStringCellValue()).isEqualTo("EXAMPLE BIOLOGICS LLC");
            assertThat(money(biologics.getCell(column(s, "31–60")))).isEqualByComparingTo("1353.70");
            assertThat(number(biologics, s, "31–60 count")).isEqualTo(1.0);
            Row fictional = s.getRow(5);
            assertThat(fictional.getCell(0).getStringCellValue()).isEqualTo("FICTIONAL PHARMA INC");
            // short 55.37 + missing 355.37 + paid-then-reversed 355.37, 9 to 12 days past due
            assertThat(money(fictional.getCell(column(s, "0–14")))).isEqualByComparingTo("766.11");
            assertThat(number(fictional, s, "0–14 count")).isEqualTo(3.0);
            assertThat(money(fictional.getCell(column(s, "Not due")))).isEqualByComparingTo("355.37");
            assertThat(money(fictional.getCell(column(s, "31–60")))).isEqualByComparingTo("0.00");
            assertThat(money(fictional.getCell(column(s, "Total owed")))).isEqualByComparingTo("1121.48");
            // paid, paid late and the reversed claim's kept refund are not owed
            assertThat(number(fictional, s, "Refunds owed")).isEqualTo(4.0);
            Row totals = s.getRow(6);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totalToCent(wb, totals.getCell(column(s, "Total owed")))).isEqualByComparingTo("2475.18");
            assertThat(totalToCent(wb, totals.getCell(column(s, "Refunds owed")))).isEqualByComparingTo("5");

            Sheet open = wb.getSheet("Open refunds");
            List<String> lines = new ArrayList<>();
            for (int r = 4; r < open.getLastRowNum(); r++) {
                Row row = open.getRow(r);
                lines.add(row.getCell(column(open, "Rx")).getStringCellValue() + "-" + (int) number(row, open, "Fill") + " "
                        + money(row.getCell(column(open, "Shortfall"))).setScale(2) + " "
                        + (long) number(row, open, "Days past due") + " "
                        + row.getCell(column(open, "State")).getStringCellValue());
            }
            assertThat(lines).containsExactly("7002000-1 1353.70 36 Missing", "7001300-1 55.37 12 Short",
                    "7001400-0 355.37 11 Missing", "7001600-1 355.37 9 Missing", "7001900-1 355.37 -10 Expected");
            Row shortRow = open.getRow(5);
            assertThat(money(shortRow.getCell(column(open, "Expected")))).isEqualByComparingTo("355.37");
            assertThat(money(shortRow.getCell(column(open, "Received")))).isEqualByComparingTo("300.00");
            assertThat(shortRow.getCell(column(open, "NDC")).getStringCellValue()).isEqualTo("12345067890");
            assertThat(shortRow.getCell(column(open, "Due")).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 2, 17));
            assertThat(totalToCent(wb, open.getRow(open.getLastRowNum()).getCell(column(open, "Shortfall"))))
                    .isEqualByComparingTo("2475.18");
        }
    }

    @Test
    void agingLaterMovesTheSameRefundsIntoOlderBuckets() throws IOException {
        ReportOutcome outcome = run("mfp-aging", new ReportPeriod(null, null, LocalDate.of(2026, 4, 30)));
        try (XSSFWorkbook wb = open(outcome.file())) {
            Sheet s = wb.getSheet("By manufacturer");
            // the biologics fill is 96 days past due; the February fills 69 to 71, and 7001900 50 days
            assertThat(money(s.getRow(4).getCell(column(s, ">60")))).isEqualByComparingTo("1353.70");
            assertThat(money(s.getRow(5).getCell(column(s, ">60")))).isEqualByComparingTo("766.11");
            assertThat(money(s.getRow(5).getCell(column(s, "31–60")))).isEqualByComparingTo("355.37");
            assertThat(money(s.getRow(5).getCell(column(s, "Not due")))).isEqualByComparingTo("0.00");
        }
    }

    @Test
    void manufacturersSummarisesTheFillsOfThePeriodByDateOfService() throws IOException {
        ReportOutcome outcome = run("mfp-manufacturers", new ReportPeriod(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28), AS_OF));

        assertThat(outcome.rows()).containsEntry("By manufacturer", 1L);
        assertThat(outcome.summary()).contains("7 fills");
        try (XSSFWorkbook wb = open(outcome.file())) {
            assertThat(names(wb)).containsExactly("By manufacturer");
            Sheet s = wb.getSheet("By manufacturer");
            Row fictional = s.getRow(4);
            assertThat(fictional.getCell(0).getStringCellValue()).isEqualTo("FICTIONAL PHARMA INC");
            assertThat(number(fictional, s, "Fills")).isEqualTo(7.0);
            // six fills owed 355.37 each; the reversed claim is owed nothing
            assertThat(money(fictional.getCell(column(s, "Expected")))).isEqualByComparingTo("2132.22");
            // 355.37 (7001234) + 300.00 + 355.37 (7001500, late) + 0.00 (paid and reversed) + 355.37 kept for 7001700
            assertThat(money(fictional.getCell(column(s, "Received")))).isEqualByComparingTo("1366.11");
            assertThat(money(fictional.getCell(column(s, "Shortfall")))).isEqualByComparingTo("766.11");
            assertThat(number(fictional, s, "Paid late")).isEqualTo(1.0);
            assertThat(number(fictional, s, "Short")).isEqualTo(1.0);
            assertThat(number(fictional, s, "Missing")).isEqualTo(2.0);
            assertThat(number(fictional, s, "Disputes open")).isEqualTo(1.0);
            assertThat(totalToCent(wb, s.getRow(5).getCell(column(s, "Shortfall")))).isEqualByComparingTo("766.11");
        }
    }
}
