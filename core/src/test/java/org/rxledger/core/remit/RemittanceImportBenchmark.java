package org.rxledger.core.remit;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.rxledger.core.money.Money;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Issue 4 benchmark (a command, not a timed test): generates an N-claim 835 with the streaming
 * writer (the generator of {@link RemittanceImportPerformanceTest}), then reports
 * <ul>
 *   <li>parse + check throughput (pass 1 of the import: envelope, structure, three-level balancing),
 *       MB/s and claims/s, best of 3;</li>
 *   <li>full import time (both passes, archive, batched inserts, commit) into a file-backed H2
 *       database in a fresh data folder, as the workstation and CLI use it, and into an in-memory one;</li>
 *   <li>peak heap (sum of the heap pools' peak usage, reset before each measurement).</li>
 * </ul>
 * Run (see docs/benchmarks.md):
 * <pre>
 * ./mvnw -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp core/target/test-classes:core/target/classes:$(cat core/target/bench-cp.txt) \
 *     org.rxledger.core.remit.RemittanceImportBenchmark 100000
 * </pre>
 */
public final class RemittanceImportBenchmark {

    private RemittanceImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 2) {
            // generate only: a big file for trying the workstation's progress bar and Cancel
            generate(Path.of(args[2]), claims);
            return;
        }
        Path dir = Files.createTempDirectory("rxledger-bench-");
        try {
            run(dir, claims, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int claims, int rounds) throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RxLedger 835 import benchmark: %,d claims, Java %s, %d CPUs, max heap %d MB%n",
                claims, System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20);
        long t0 = System.nanoTime();
        Path file = generate(dir.resolve("bench.835"), claims);
        double mb = Files.size(file) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "generated %s: %.1f MB in %d ms%n", file.getFileName(), mb, ms(t0));

        // warm-up: class loading and JIT on a small file, so the figures below are steady state
        Path small = generate(dir.resolve("warm.835"), 5_000);
        X12RemittanceReader reader = new X12RemittanceReader();
        check(reader, small);
        try (Database db = Database.inMemory("bench-warm-" + UUID.randomUUID(), new Actor("bench", "ws"), Clock.systemUTC())) {
            new RemittanceImportService(db.transactions(), dir.resolve("warm-archive")).importFile(small,
                    ProgressListener.NONE, () -> false);
        }

        long best = Long.MAX_VALUE;
        resetPeaks();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            ReadResult r = check(reader, file);
            best = Math.min(best, System.nanoTime() - start);
            if (!r.ok() || r.claims() != claims) {
                throw new IllegalStateException("generated file did not check: " + r.problems());
            }
        }
        double seconds = best / 1e9;
        System.out.printf(Locale.ROOT, "parse+check (pass 1): best of %d %.2f s = %.1f MB/s, %,.0f claims/s; peak heap %d MB%n",
                rounds, seconds, mb / seconds, claims / seconds, peakHeapMb());

        importInto("file database (data folder)", dir.resolve("data"), file, claims, true);
        if (Boolean.getBoolean("bench.inMemory")) {
            // an in-memory H2 keeps every row on the heap: needs far more than 256 MB at 100k claims
            importInto("in-memory database", dir.resolve("mem"), file, claims, false);
        }
    }

    private static void importInto(String label, Path dataDir, Path file, int claims, boolean onDisk) {
        System.gc();
        resetPeaks();
        Actor actor = new Actor("bench", "ws");
        try (Database db = onDisk ? TestDatabases.signedIn(Database.open(dataDir, actor, Clock.systemUTC()))
                : Database.inMemory("bench-" + UUID.randomUUID(), actor, Clock.systemUTC())) {
            RemittanceImportService service = new RemittanceImportService(db.transactions(),
                    RemittanceImportService.archiveDirIn(dataDir));
            long gcBefore = gcMillis();
            long start = System.nanoTime();
            ImportOutcome outcome = service.importFile(file, ProgressListener.NONE, () -> false);
            long millis = ms(start);
            long gc = gcMillis() - gcBefore;
            if (outcome.status() != ImportOutcome.Status.IMPORTED) {
                throw new IllegalStateException(outcome.message());
            }
            System.out.printf(Locale.ROOT, "full import into %s: %,d ms (%,.0f claims/s); peak heap %d MB; GC %,d ms%n",
                    label, millis, claims / (millis / 1000.0), peakHeapMb(), gc);
        }
    }

    private static ReadResult check(X12RemittanceReader reader, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return reader.read(in, file.getFileName().toString(), new RemittanceHandler() {
                @Override
                public boolean wantsClaims() {
                    return false;
                }
            }, () -> false);
        }
    }

    /** One payment of {@code claims} line-level claims (CLP + NM1 + SVC + DTM + 2 CAS), written streaming. */
    static Path generate(Path file, int claims) throws IOException {
        ClaimPayment template = RemitTestData.lineClaim("7000000-00", "48.25", "21.85", "10.00");
        Money total = Money.ZERO;
        for (int i = 0; i < claims; i++) {
            total = total.plus(template.paid());
        }
        Payment payment = RemitTestData.payment("000000100", "100", "0001", "BENCH" + claims, total);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1);
             X12RemittanceWriter w = new X12RemittanceWriter(out, X12Delimiters.STANDARD)) {
            w.startInterchange(payment.interchange());
            w.startGroup(payment.group());
            w.startPayment(payment);
            for (int i = 0; i < claims; i++) {
                String rx = String.format(Locale.ROOT, "%07d-%02d", 7000000 + i, i % 100);
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

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
