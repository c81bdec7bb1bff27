package org.rxledger.core.bench;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.rxledger.core.mfp.MfpImportStep;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

/**
 * One measurement of {@link ImportSpeedBenchmark}, in a JVM of its own so that both sides start alike and the
 * heap limit is the one asked for:
 * <ul>
 *   <li>{@code ours FILE DIR…}: opens each data folder as the CLI does and imports FILE with matching and
 *       posting (the workstation's post-import step); only the last import is reported (the others warm up);</li>
 *   <li>{@code x12 FILE}: parses FILE with imsweb x12-parser into its loop tree (835 5010 X221).</li>
 * </ul>
 * Prints one line {@value #RESULT} with key=value pairs; peak heap is sampled every 5 ms.
 */
public final class ImportSpeedChild {

    static final String RESULT = "BENCH-RESULT";

    private ImportSpeedChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Path file = Path.of(args[1]);
        String result;
        if ("x12".equals(args[0])) {
            long started = System.nanoTime();
            X12Reader reader = new X12Reader(X12Reader.FileType.ANSI835_5010_X221, new File(file.toString()));
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (!reader.getFatalErrors().isEmpty()) {
                throw new IllegalStateException("x12-parser refused the file: " + reader.getFatalErrors());
            }
            long claims = 0;
            for (Loop isa : reader.getLoops()) {
                claims += isa.findLoop("2100").size();
            }
            result = String.format(Locale.ROOT, "ms=%d claims=%d errors=%d", ms, claims, reader.getErrors().size());
        } else {
            ImportOutcome outcome = null;
            long ms = 0;
            for (int i = 2; i < args.length; i++) {
                Path dataDir = Path.of(args[i]);
                try (Database db = TestDatabases.open(dataDir)) {
                    RemittanceImportService imports = new RemittanceImportService(db.transactions(),
                            RemittanceImportService.archiveDirIn(dataDir), new MfpImportStep(new MatchAndPostStep()));
                    peak.set(0);
                    long started = System.nanoTime();
                    outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
                    ms = (System.nanoTime() - started) / 1_000_000;
                }
            }
            if (!(outcome instanceof ImportOutcome.Imported imported)) {
                throw new IllegalStateException(outcome == null ? "no data folder given" : outcome.message());
            }
            long claims = 0;
            long matched = 0;
            long held = 0;
            for (PaymentSummary p : imported.payments()) {
                claims += p.claimCount();
                matched += p.matchedCount();
                held += p.postingHeldReason() == null ? 0 : 1;
            }
            var s = imported.stages();
            result = String.format(Locale.ROOT,
                    "ms=%d claims=%d matched=%d held=%d parse=%d store=%d match=%d post=%d finish=%d commit=%d", ms,
                    claims, matched, held, s.parse(), s.store(), s.match(), s.post(), s.finish(), s.commit());
        }
        sampler.interrupt();
        System.out.println(RESULT + " " + result + " peakHeapMb=" + (peak.get() >> 20) + " maxHeapMb="
                + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
