package org.rxledger.core.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.Actor;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark for docs/benchmarks.md "Price lists" (not a timed test): a MAC list of 300,000 rows imported into a file
 * database, then the same file again (every row already known), then a second list moving every price (the change
 * notice is computed). Run: {@code ./mvnw -B -o -pl core test -Dtest=PriceImportBenchmark -Drxledger.bench=true}
 * (size: {@code -Drxledger.bench.rows=N}).
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
class PriceImportBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PriceImportBenchmark.class);

    @TempDir
    Path dir;

    @Test
    void importA300000RowMacList() throws IOException {
        int rows = Integer.getInteger("rxledger.bench.rows", 300_000);
        Path first = write(dir.resolve("mac-1.csv"), rows, "1.23456");
        Path second = write(dir.resolve("mac-2.csv"), rows, "1.20000");
        try (Database db = TestDatabases.signedIn(Database.open(dir.resolve("data"), new Actor("bench", "ws"), Clock.systemUTC()))) {
            ContractService service = new ContractService(db.transactions());
            time("first import", () -> service.importPrices(PriceKind.MAC, first, ProgressListener.NONE));
            time("same file again", () -> service.importPrices(PriceKind.MAC, first, ProgressListener.NONE));
            time("every price moved", () -> service.importPrices(PriceKind.MAC, second, ProgressListener.NONE));
        }
    }

    private interface Import {
        ContractService.ImportResult run() throws IOException;
    }

    private static void time(String what, Import work) throws IOException {
        long t0 = System.nanoTime();
        ContractService.ImportResult r = work.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(String.format(Locale.ROOT, "BENCH %s: %,d ms, %,d added, %,d known, notice: %s", what, ms, r.added(),
                r.unchanged(), r.notice() == null ? "none" : r.notice().subject()));
    }

    private static Path write(Path file, int rows, String price) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("mac_list,ndc,unit_price,effective_from,effective_to\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "BENCH-MAC,%011d,%s,2025-01-%02d,%n", 10_000_000_000L + i, price,
                        price.equals("1.23456") ? 1 : 2));
            }
        }
        return file;
    }
}
