package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.money.Money;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4 budget: a 100k-claim remittance imports in 5 seconds (two streaming passes plus batched
 * inserts). Opt-in because it takes tens of seconds on a shared build machine:
 * {@code ./mvnw -pl core test -Dtest=RemittanceImportPerformanceTest -Drxledger.perf=true}
 * ({@code -Drxledger.perf.budgetMillis=N} changes the budget).
 *
 * <p>Measured on the shared 2-core build VM (17 MB file, 100k claims = 400k rows, in-memory H2):
 * checking pass 1.5–2 s, storing pass 5.4 s of which ~5.1 s are the batched inserts, whole import
 * 7.2–8 s. The 5 s budget is not met yet: the inserts alone take most of it.
 */
@EnabledIfSystemProperty(named = "rxledger.perf", matches = "true")
class RemittanceImportPerformanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceImportPerformanceTest.class);
    private static final int CLAIMS = 100_000;

    @TempDir
    Path dir;

    /** Writes the file claim by claim through the streaming writer, as the benchmark generator does. */
    private Path writeFile() throws IOException {
        Path file = dir.resolve("big.835");
        ClaimPayment template = RemitTestData.lineClaim("7000000-00", "48.25", "21.85", "10.00");
        Money total = Money.ZERO;
        for (int i = 0; i < CLAIMS; i++) {
            total = total.plus(template.paid());
        }
        Payment payment = RemitTestData.payment("000000100", "100", "0001", "PERF100K", total);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1);
             X12RemittanceWriter w = new X12RemittanceWriter(out, X12Delimiters.STANDARD)) {
            w.startInterchange(payment.interchange());
            w.startGroup(payment.group());
            w.startPayment(payment);
            for (int i = 0; i < CLAIMS; i++) {
                String rx = String.format("%07d-%02d", 7000000 + i, i % 100);
                w.claim(new ClaimPayment("1", rx, "1", template.charge(), template.paid(),
                        template.patientResponsibility(), "12", "A" + i, "01", "1", List.of(), template.names(),
                        List.of(), List.of(), List.of(), List.of(), template.serviceLines(), List.of()));
            }
            w.providerAdjustments(List.of());
            w.endPayment();
            w.endGroup();
            w.endInterchange();
        }
        return file;
    }

    @Test
    void importsAHundredThousandClaimsWithinFiveSeconds() throws IOException {
        Path file = writeFile();
        try (Database db = Database.inMemory("perf-" + UUID.randomUUID(), new Actor("bench", "ws"),
                Clock.systemUTC())) {
            RemittanceImportService service = new RemittanceImportService(db.transactions(), dir.resolve("archive"));
            // warm-up on a small file so class loading and JIT do not count against the budget
            Path small = dir.resolve("small.835");
            Files.writeString(small, RemitTestData.write(RemittanceImportServiceTest.manyClaims("000000001", "WARM", 2000)));
            service.importFile(small, ProgressListener.NONE, () -> false);

            long start = System.nanoTime();
            ImportOutcome outcome = service.importFile(file, ProgressListener.NONE, () -> false);
            long millis = (System.nanoTime() - start) / 1_000_000;

            LOG.info("imported {} claims ({} MB) in {} ms", CLAIMS, Files.size(file) / (1024 * 1024), millis);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(((ImportOutcome.Imported) outcome).payments().get(0).claimCount()).isEqualTo(CLAIMS);
            assertThat(millis).isLessThanOrEqualTo(Long.getLong("rxledger.perf.budgetMillis", 5_000));
        }
    }
}
