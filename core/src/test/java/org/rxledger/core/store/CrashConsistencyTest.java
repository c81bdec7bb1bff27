package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.PayableOffice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 23: a real child JVM ({@link CrashImportChild}) imports a large 835 with matching and posting into
 * a file database and is killed with SIGKILL ({@link Process#destroyForcibly()}) at random points — most of
 * them inside the final commit and publication — many times. After each kill the database is opened (which
 * settles what the kill left, ADR 0015) and must hold either nothing of the file or exactly what a clean run
 * holds; then the file is imported again and the result must equal the clean run's: payments and their
 * posting states, claim payments, match decisions, postings, ledger sums per payment and per claim.
 *
 * <p>Opt-in ({@code -Drxledger.crash=true}), not in the default suite: some states a kill leaves make H2 itself
 * spin when the open tries to remove them (docs/crash-safety.md, "Open problems"), and a suite must not hang.
 * Default: 6 kills on a 10,000-claim file (20 payments of 500 claims); {@code -Drxledger.crash.runs=N},
 * {@code -Drxledger.crash.claims=N}, {@code -Drxledger.crash.seed=N} change it.
 */
@EnabledIfSystemProperty(named = "rxledger.crash", matches = "true")
class CrashConsistencyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashConsistencyTest.class);
    private static final int CLAIMS_PER_PAYMENT = PayableOffice.CLAIMS_PER_PAYMENT;
    /** Logged by the import service just before its transaction commits (present before and after ADR 0015). */
    private static final String COMMIT_LINE = "post-import step, counts, journal and audit took";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void aKilledImportLeavesAllOrNothingAndImportingAgainGivesTheCleanResult() throws Exception {
        int runs = Integer.getInteger("rxledger.crash.runs", 6);
        int claims = Integer.getInteger("rxledger.crash.claims", 10_000);
        long seed = Long.getLong("rxledger.crash.seed", 23L);
        Random random = new Random(seed);

        Path seedDir = dir.resolve("seed");
        Path file = dir.resolve("crash.835");
        PayableOffice.seed(seedDir, file, claims);
        Snapshot empty = snapshot(seedDir);

        Path cleanDir = PayableOffice.copy(seedDir, dir.resolve("clean"));
        Child clean = Child.start(cleanDir, file, dir.resolve("clean.log"));
        // the window the kills aim at: from the commit line to the end of the commit and, where there is one,
        // of the flush that follows it (log lines of the import service)
        Map<String, Long> seen = clean.watch(List.of(COMMIT_LINE, "commit took", "flushed in", CrashImportChild.DONE));
        clean.process.waitFor(10, TimeUnit.MINUTES);
        long commitAt = seen.get(COMMIT_LINE);
        long endAt = Math.max(seen.getOrDefault("commit took", 0L), seen.getOrDefault("flushed in", 0L)) * 11 / 10;
        assertThat(clean.output()).as("the clean run imports").contains(CrashImportChild.DONE + " IMPORTED");
        Snapshot done = snapshot(cleanDir);
        assertThat(done.payments()).hasSize(claims / CLAIMS_PER_PAYMENT);
        assertThat(done.payments().values()).allMatch(p -> p.startsWith(p.split("\\|")[0] + "|POSTED|"));
        LOG.info("CRASH clean run: {} claims, log lines after ms: {}", claims, seen);

        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int torn = 0; // states seen after opening that are neither nothing nor the clean result
        for (int run = 1; run <= runs; run++) {
            Path runDir = PayableOffice.copy(seedDir, dir.resolve("run" + run));
            // three of four kills aim at the commit and flush: between the commit line and the end of the clean
            // run's flush, plus a tenth (a child that is faster this time may finish first)
            boolean inCommit = run % 4 != 1;
            long delay = inCommit ? (long) (random.nextDouble() * Math.max(1, endAt - commitAt))
                    : (long) (random.nextDouble() * endAt);
            Child child = Child.start(runDir, file, dir.resolve("run" + run + ".log"));
            long killedAt = child.killAfter(inCommit, delay);

            String state;
            String settled = "-";
            String again = "-";
            try (Database db = TestDatabases.open(runDir)) {
                settled = settled(db);
                Snapshot after = snapshot(db);
                state = after.equals(empty) ? "nothing" : after.equals(done) ? "complete" : "TORN";
                if ("TORN".equals(state)) {
                    failures.add("run " + run + ": torn after opening: " + after.diff(done));
                    LOG.warn("CRASH run {}: torn state after the kill: {}", run, after.diff(done));
                }
            } catch (RuntimeException e) {
                // a torn index: H2 finds an index entry whose row is not there (SQL state 90143) or the reverse
                state = "TORN (unreadable: " + rootMessage(e) + ")";
                failures.add("run " + run + ": " + state);
                LOG.warn("CRASH run {}: {}", run, state);
            }
            if (state.startsWith("TORN")) {
                torn++;
            }
            try (Database db = TestDatabases.open(runDir)) {
                ImportOutcome outcome = new RemittanceImportService(db.transactions(),
                        RemittanceImportService.archiveDirIn(runDir), new MatchAndPostStep())
                        .importFile(file, ProgressListener.NONE, () -> false);
                again = outcome.status().name();
                Snapshot reimported = snapshot(db);
                if (!reimported.equals(done)) {
                    failures.add("run " + run + ": importing again (" + again + ") differs from a clean run: "
                            + reimported.diff(done));
                }
            } catch (RuntimeException e) {
                again = "failed: " + rootMessage(e);
                failures.add("run " + run + ": importing again " + again);
            }
            if (settled.contains("QUARANTINED")) {
                failures.add("run " + run + ": the open could not repair what the kill left: " + settled);
            }
            String row = String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |", run,
                    inCommit ? "commit line + " + delay + " ms" : delay + " ms after start",
                    killedAt < 0 ? "finished first" : killedAt + " ms", state, settled, again);
            rows.add(row);
            LOG.info("CRASH {}", row);
            PayableOffice.deleteTree(runDir);
        }
        LOG.info("CRASH summary (seed {}, {} claims): {} kill(s), {} torn after opening\n{}", seed, claims, runs, torn,
                String.join("\n", rows));
        assertThat(failures).as("runs that left a torn state after opening or differed after importing again").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------
    // what a clerk can see, without row ids (they differ between runs)

    /**
     * @param payments trace → amount | status | held | claim count | claim rows | Σ paid | matched | decisions |
     *                 postings | Σ posted cash | ledger entries of its batches | Σ PAYER_CASH of them
     * @param ledger   claim id / account → Σ amount, and "*" / account for entries without a claim
     * @param other    files, orphans and totals
     */
    record Snapshot(Map<String, String> payments, Map<String, BigDecimal> ledger, Map<String, Long> other) {

        String diff(Snapshot expected) {
            List<String> d = new ArrayList<>();
            for (String k : union(payments.keySet(), expected.payments.keySet())) {
                if (!String.valueOf(payments.get(k)).equals(String.valueOf(expected.payments.get(k)))) {
                    d.add("payment " + k + ": " + payments.get(k) + " (expected " + expected.payments.get(k) + ")");
                }
            }
            int ledgerDiffs = 0;
            for (String k : union(ledger.keySet(), expected.ledger.keySet())) {
                BigDecimal a = ledger.get(k);
                BigDecimal b = expected.ledger.get(k);
                if (a == null || b == null || a.compareTo(b) != 0) {
                    ledgerDiffs++;
                }
            }
            if (ledgerDiffs > 0) {
                d.add(ledgerDiffs + " ledger balance(s) per claim/account differ");
            }
            for (String k : union(other.keySet(), expected.other.keySet())) {
                if (!String.valueOf(other.get(k)).equals(String.valueOf(expected.other.get(k)))) {
                    d.add(k + " " + other.get(k) + " (expected " + expected.other.get(k) + ")");
                }
            }
            return d.size() > 8 ? String.join("; ", d.subList(0, 8)) + "; … " + (d.size() - 8) + " more" : String.join("; ", d);
        }

        private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
            java.util.TreeSet<String> s = new java.util.TreeSet<>(a);
            s.addAll(b);
            return new ArrayList<>(s);
        }
    }

    private static Snapshot snapshot(Path dataDir) {
        try (Database db = TestDatabases.open(dataDir)) {
            return snapshot(db);
        }
    }

    private static Snapshot snapshot(Database db) {
        return db.jdbi().withHandle(h -> {
            Map<String, String> payments = new TreeMap<>();
            h.createQuery("""
                    SELECT p.trace_number, p.amount, p.status, p.posting_held_reason IS NOT NULL held, p.claim_count,
                      (SELECT COUNT(*) FROM remit_claim c WHERE c.payment_id = p.id) claims,
                      (SELECT COALESCE(SUM(c.paid_amount), 0) FROM remit_claim c WHERE c.payment_id = p.id) paid,
                      (SELECT COUNT(*) FROM remit_claim c WHERE c.payment_id = p.id AND c.match_status <> 'UNMATCHED') matched,
                      (SELECT COUNT(*) FROM remit_claim c JOIN match_decision d ON d.remit_claim_id = c.id
                         WHERE c.payment_id = p.id) decisions,
                      (SELECT COUNT(*) FROM remit_posting r WHERE r.payment_id = p.id) postings,
                      (SELECT COALESCE(SUM(r.cash), 0) FROM remit_posting r WHERE r.payment_id = p.id) cash,
                      (SELECT COUNT(*) FROM remit_posting r JOIN ledger_entry e ON e.batch_id = r.batch_id
                         WHERE r.payment_id = p.id) entries,
                      (SELECT COALESCE(SUM(e.amount), 0) FROM remit_posting r JOIN ledger_entry e ON e.batch_id = r.batch_id
                         WHERE r.payment_id = p.id AND e.account = 'PAYER_CASH') ledger_cash
                    FROM payment p""").mapToMap().forEach(r -> payments.put(String.valueOf(r.get("trace_number")),
                    money(r.get("amount")) + "|" + r.get("status") + "|" + r.get("held") + "|" + r.get("claim_count") + "|"
                            + r.get("claims") + "|" + money(r.get("paid")) + "|" + r.get("matched") + "|"
                            + r.get("decisions") + "|" + r.get("postings") + "|" + money(r.get("cash")) + "|"
                            + r.get("entries") + "|" + money(r.get("ledger_cash"))));
            Map<String, BigDecimal> ledger = new TreeMap<>();
            h.createQuery("SELECT claim_id, account, SUM(amount) s FROM ledger_entry GROUP BY claim_id, account")
                    .mapToMap().forEach(r -> ledger.put((r.get("claim_id") == null ? "*" : r.get("claim_id").toString())
                            + "/" + r.get("account"), (BigDecimal) r.get("s")));
            Map<String, Long> other = new TreeMap<>();
            other.put("files", count(h, "SELECT COUNT(*) FROM remit_file"));
            other.put("file payment_count", count(h, "SELECT COALESCE(SUM(payment_count), 0) FROM remit_file"));
            other.put("file claim_count", count(h, "SELECT COALESCE(SUM(claim_count), 0) FROM remit_file"));
            other.put("claim payments", count(h, "SELECT COUNT(*) FROM remit_claim"));
            other.put("service lines", count(h, "SELECT COUNT(*) FROM remit_service_line"));
            other.put("adjustments", count(h, "SELECT COUNT(*) FROM remit_adjustment"));
            other.put("match decisions", count(h, "SELECT COUNT(*) FROM match_decision"));
            other.put("postings", count(h, "SELECT COUNT(*) FROM remit_posting"));
            other.put("ledger entries", count(h, "SELECT COUNT(*) FROM ledger_entry"));
            other.put("orphan payments", count(h,
                    "SELECT COUNT(*) FROM payment p WHERE NOT EXISTS (SELECT 1 FROM remit_file f WHERE f.id = p.remit_file_id)"));
            other.put("orphan claim payments", count(h,
                    "SELECT COUNT(*) FROM remit_claim c WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.id = c.payment_id)"));
            other.put("orphan decisions", count(h,
                    "SELECT COUNT(*) FROM match_decision d WHERE NOT EXISTS (SELECT 1 FROM remit_claim c WHERE c.id = d.remit_claim_id)"));
            other.put("ledger entries outside any posting", count(h, """
                    SELECT COUNT(*) FROM ledger_entry e WHERE e.source_type LIKE 'REMIT%'
                      AND NOT EXISTS (SELECT 1 FROM remit_posting r WHERE r.batch_id = e.batch_id)"""));
            return new Snapshot(payments, ledger, other);
        });
    }

    /** What the open did about the interrupted import (V018), or "-" where there is no such table. */
    private static String settled(Database db) {
        try {
            return db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT state FROM remit_import WHERE state NOT IN ('PUBLISHED') OR note IS NOT NULL ORDER BY id")
                    .mapTo(String.class).list()).toString();
        } catch (RuntimeException e) {
            return "-";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static String money(Object v) {
        return ((BigDecimal) v).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    // ---------------------------------------------------------------------------------------------------
    // the child process

    private record Child(Process process, Path log, long startedNanos) {

        static Child start(Path dataDir, Path file, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    CrashImportChild.class.getName(), dataDir.toString(), file.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            return new Child(pb.start(), log, System.nanoTime());
        }

        /**
         * Kills the process {@code delay} ms after its start, or after the commit line when {@code afterCommitLine}.
         * Returns the kill time in ms after the start, or -1 when the process ended first.
         */
        long killAfter(boolean afterCommitLine, long delay) throws Exception {
            long from = 0;
            if (afterCommitLine) {
                while (process.isAlive() && !output().contains(COMMIT_LINE)) {
                    Thread.sleep(5);
                }
                from = millis();
            }
            long until = from + delay;
            while (process.isAlive() && millis() < until) {
                Thread.sleep(1);
            }
            if (!process.isAlive()) {
                return -1;
            }
            long at = millis();
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
            return at;
        }

        long millis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }

        /** Watches the output until the process ends: when each line was first seen, in ms after the start. */
        Map<String, Long> watch(List<String> lines) throws InterruptedException {
            Map<String, Long> seen = new java.util.LinkedHashMap<>();
            while (process.isAlive() || seen.size() < lines.size()) {
                String out = output();
                for (String line : lines) {
                    if (!seen.containsKey(line) && out.contains(line)) {
                        seen.put(line, millis());
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(5);
            }
            return seen;
        }
    }
}
