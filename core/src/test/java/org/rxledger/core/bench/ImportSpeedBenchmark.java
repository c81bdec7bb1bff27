package org.rxledger.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.testdata.PayableOffice;

/**
 * Issue 21's benchmark (a command, not a timed test; figures go to docs/benchmarks.md): an office with N stored
 * claims and an 835 paying all of them (200 payments of 500 claims at 100,000), then, alternating, three times:
 * our import with matching and posting into a fresh copy of the office, and imsweb x12-parser 1.13 parsing the
 * same file. Each measurement runs in a fresh JVM ({@link ImportSpeedChild}) with the same heap limit. Prints
 * every run, the medians, their ratio (the target: ≤ 0.5) and our per-stage medians; the same text goes to
 * {@code core/target/benchmark-ImportSpeed.txt}.
 *
 * <pre>
 * ./mvnw -B -o -pl core test -Dtest=ImportSpeedBenchmark -Drxledger.bench=true
 *   -Drxledger.bench.claims=N (100000)  -Drxledger.bench.rounds=N (3)  -Drxledger.bench.heap=SIZE (1g)
 *   -Drxledger.bench.x12=false (ours only)  -Drxledger.bench.warm=true (one import before the timed one)
 * </pre>
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
public class ImportSpeedBenchmark {

    private static final List<String> STAGES = List.of("parse", "store", "match", "post", "finish", "commit");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.MINUTES)
    void importMatchAndPostAgainstX12ParserParsing() throws Exception {
        run(dir, Path.of("target", "benchmark-ImportSpeed.txt"));
    }

    /** The same without Maven: {@code java -cp … ImportSpeedBenchmark WORKDIR REPORT} (two builds side by side). */
    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), Path.of(args[1]));
    }

    private static void run(Path dir, Path report) throws Exception {
        int claims = Integer.getInteger("rxledger.bench.claims", 100_000);
        int rounds = Integer.getInteger("rxledger.bench.rounds", 3);
        String heap = System.getProperty("rxledger.bench.heap", "1g");
        boolean x12 = Boolean.parseBoolean(System.getProperty("rxledger.bench.x12", "true"));
        boolean warm = Boolean.getBoolean("rxledger.bench.warm");
        List<String> out = new ArrayList<>();

        Path seed = dir.resolve("seed");
        Path file = dir.resolve("bench.835");
        long seeding = System.nanoTime();
        if (!Files.exists(file)) { // a work folder given twice keeps its office: two builds measured on the same one
            PayableOffice.seed(seed, file, claims);
        }
        say(out, String.format(Locale.ROOT, "RxLedger import speed: %,d claims (%,d payments), %.1f MB, -Xmx%s, "
                        + "%d CPUs, Java %s; seeded in %d s; load average %.1f", claims,
                (claims + PayableOffice.CLAIMS_PER_PAYMENT - 1) / PayableOffice.CLAIMS_PER_PAYMENT,
                Files.size(file) / 1048576.0, heap, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), (System.nanoTime() - seeding) / 1_000_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        List<Map<String, Long>> ours = new ArrayList<>();
        List<Map<String, Long>> theirs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean oursFirst = round % 2 == 1;
            for (int side = 0; side < (x12 ? 2 : 1); side++) {
                boolean ourTurn = oursFirst == (side == 0);
                if (ourTurn) {
                    List<String> dirs = new ArrayList<>();
                    if (warm) {
                        dirs.add(PayableOffice.copy(seed, dir.resolve("warm" + round)).toString());
                    }
                    dirs.add(PayableOffice.copy(seed, dir.resolve("run" + round)).toString());
                    Map<String, Long> r = child(heap, "ours", file, dirs, dir.resolve("ours" + round + ".log"));
                    assertThat(r.get("claims")).isEqualTo(claims);
                    assertThat(r.get("matched")).as("every claim payment matches").isEqualTo(claims);
                    assertThat(r.get("held")).as("no payment is held").isZero();
                    ours.add(r);
                    say(out, String.format(Locale.ROOT, "round %d ours: %s (load %.1f)", round, r,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                    for (String d : dirs) {
                        PayableOffice.deleteTree(Path.of(d));
                    }
                } else {
                    Map<String, Long> r = child(heap, "x12", file, List.of(), dir.resolve("x12-" + round + ".log"));
                    assertThat(r.get("claims")).isEqualTo(claims);
                    theirs.add(r);
                    say(out, String.format(Locale.ROOT, "round %d x12-parser: %s (load %.1f)", round, r,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                }
            }
        }
        long oursMedian = median(ours, "ms");
        StringBuilder stages = new StringBuilder();
        for (String s : STAGES) {
            stages.append(String.format(Locale.ROOT, " %s %.2f s ·", s, median(ours, s) / 1000.0));
        }
        say(out, String.format(Locale.ROOT, "ours (import + match + post), median of %d: %.2f s (%,.0f claims/s);"
                + " peak heap %d MB; stages (medians):%s", ours.size(), oursMedian / 1000.0,
                claims / (oursMedian / 1000.0), max(ours, "peakHeapMb"), stages.substring(0, stages.length() - 2)));
        if (x12) {
            long theirsMedian = median(theirs, "ms");
            say(out, String.format(Locale.ROOT, "x12-parser 1.13 parse, median of %d: %.2f s; peak heap %d MB",
                    theirs.size(), theirsMedian / 1000.0, max(theirs, "peakHeapMb")));
            say(out, String.format(Locale.ROOT, "RATIO ours / x12-parser = %.2f (target <= 0.50)",
                    oursMedian / (double) theirsMedian));
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.write(report, out, StandardCharsets.UTF_8);
    }

    private static void say(List<String> out, String line) {
        System.out.println(line);
        out.add(line);
    }

    private static Map<String, Long> child(String heap, String mode, Path file, List<String> dataDirs, Path log)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                ImportSpeedChild.class.getName(), mode, file.toString()));
        command.addAll(dataDirs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(mode + " did not finish within an hour; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        int at = output.lastIndexOf(ImportSpeedChild.RESULT);
        if (p.exitValue() != 0 || at < 0) {
            throw new IllegalStateException(mode + " failed (exit " + p.exitValue() + "): "
                    + output.substring(Math.max(0, output.length() - 3000)));
        }
        Map<String, Long> values = new LinkedHashMap<>();
        String line = output.substring(at + ImportSpeedChild.RESULT.length()).lines().findFirst().orElse("").trim();
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    private static long median(List<Map<String, Long>> runs, String key) {
        List<Long> values = runs.stream().map(r -> r.getOrDefault(key, 0L)).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static long max(List<Map<String, Long>> runs, String key) {
        return runs.stream().mapToLong(r -> r.getOrDefault(key, 0L)).max().orElse(0);
    }
}
