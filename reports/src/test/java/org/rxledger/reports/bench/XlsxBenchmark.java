package org.rxledger.reports.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rxledger.core.money.Money;
import org.rxledger.reports.xlsx.BenchmarkAccess;

/**
 * Benchmark (not a timed test): a 100,000-row, 12-column report through {@code XlsxReportWriter}
 * (title block, styles, widths, totals, temp file + move) against POI's SXSSF writing the same cell
 * values bare (no styles, no title, no totals). Prints medians of 5 runs after a warm-up, the
 * ratio, and the peak heap. Target: ratio ≤ 1.5 with -Xmx128m.
 *
 * <pre>
 * ./mvnw -B -o -pl core,reports -am -Dtest=XlsxBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drxledger.bench=true test
 * </pre>
 * runs {@link #main} in a forked JVM with -Xmx128m ({@code -Drxledger.bench.heap=256m} and
 * {@code -Drxledger.bench.rows=N} change heap and row count).
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
class XlsxBenchmark {

    @Test
    void run() throws Exception {
        Forked.run(XlsxBenchmark.class, System.getProperty("rxledger.bench.heap", "128m"));
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.getInteger("rxledger.bench.rows", 100_000);
        Path dir = Files.createTempDirectory("xlsx-bench");
        Object[][] data = data(Math.min(rows, 1000));
        List<Long> ours = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            long t0 = System.nanoTime();
            ours(dir.resolve("ours.xlsx"), rows, data);
            long t1 = System.nanoTime();
            bare(dir.resolve("bare.xlsx"), rows, data);
            long t2 = System.nanoTime();
            if (run > 0) {   // run 0 warms up the JIT
                ours.add((t1 - t0) / 1_000_000);
                bare.add((t2 - t1) / 1_000_000);
            }
        }
        long o = median(ours);
        long b = median(bare);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("XLSX benchmark: %,d rows x 12 columns; XlsxReportWriter %d ms (runs %s), bare SXSSF %d ms (runs %s), "
                        + "ratio %.2f; file %,d KB vs %,d KB; max heap %d MB, peak heap used %d MB%n",
                rows, o, ours, b, bare, (double) o / b, Files.size(dir.resolve("ours.xlsx")) / 1024,
                Files.size(dir.resolve("bare.xlsx")) / 1024, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        Files.deleteIfExists(dir.resolve("ours.xlsx"));
        Files.deleteIfExists(dir.resolve("bare.xlsx"));
        Files.deleteIfExists(dir);
    }

    /** A claims-register-like row: text, integers, a date, decimals and money. */
    private static Object[][] data(int distinct) {
        Object[][] d = new Object[distinct][];
        for (int i = 0; i < distinct; i++) {
            d[i] = new Object[] {String.valueOf(7_000_000 + i), i % 12, LocalDate.of(2025, 1, 1).plusDays(i % 365),
                    "TESTPATIENT, ALPHA " + i, "ACME RX SOLUTIONS", "12345067890", new BigDecimal("30.000"), 30,
                    Money.ofCents(4825 + i), Money.ofCents(2185 + i), Money.ofCents(1000), "A25071" + i};
        }
        return d;
    }

    private static void ours(Path target, int rows, Object[][] data) throws IOException {
        try (var xlsx = BenchmarkAccess.writer()) {
            xlsx.startTable("Claims", "Benchmark", Map.of("From", "(first)"), LocalDateTime.now(), BenchmarkAccess.COLUMNS);
            for (int i = 0; i < rows; i++) {
                xlsx.row(data[i % data.length]);
            }
            xlsx.writeTo(target);
        }
    }

    private static void bare(Path target, int rows, Object[][] data) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet("Claims");
            for (int i = 0; i < rows; i++) {
                Object[] v = data[i % data.length];
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue((String) v[0]);
                row.createCell(1).setCellValue(((Integer) v[1]).doubleValue());
                row.createCell(2).setCellValue((LocalDate) v[2]);
                row.createCell(3).setCellValue((String) v[3]);
                row.createCell(4).setCellValue((String) v[4]);
                row.createCell(5).setCellValue((String) v[5]);
                row.createCell(6).setCellValue(((BigDecimal) v[6]).doubleValue());
                row.createCell(7).setCellValue(((Integer) v[7]).doubleValue());
                row.createCell(8).setCellValue(((Money) v[8]).amount().doubleValue());
                row.createCell(9).setCellValue(((Money) v[9]).amount().doubleValue());
                row.createCell(10).setCellValue(((Money) v[10]).amount().doubleValue());
                row.createCell(11).setCellValue((String) v[11]);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static long median(List<Long> values) {
        Long[] a = values.toArray(new Long[0]);
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
