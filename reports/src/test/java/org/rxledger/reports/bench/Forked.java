package org.rxledger.reports.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's main class in a fresh JVM with the given heap limit (surefire's own fork has
 * the build's -Xmx), on the test class path, with its output passed through.
 */
final class Forked {

    private Forked() {
    }

    static void run(Class<?> main, String maxHeap) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-Djava.awt.headless=true");
        String extra = System.getProperty("rxledger.bench.jvmArgs");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        for (String p : List.of("rxledger.bench.rows", "rxledger.bench.claims")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // shown by surefire, and kept in target/ for the record
        System.out.println(output);
        java.nio.file.Files.writeString(Path.of("target", "benchmark-" + main.getSimpleName() + ".txt"), output);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed with exit code " + p.exitValue());
        }
    }
}
