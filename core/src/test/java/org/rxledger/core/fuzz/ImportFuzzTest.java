package org.rxledger.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed-seed fuzz corpus (issue 23): byte flips, truncations, duplicated and deleted segments or lines, and
 * elements replaced by long, control or non-ASCII values, made from the sample 835s and the sample claims CSV,
 * each imported into one database (match and post included). Whatever the mutation:
 * <ul>
 *   <li>the importer returns an outcome (imported, rejected or duplicate) — it never throws or hangs;</li>
 *   <li>a file not imported leaves the payment, claim, posting and ledger tables exactly as they were;</li>
 *   <li>an imported 835 keeps the ledger balanced: every batch sums to zero and each posted payment's payer
 *       cash equals its BPR02.</li>
 * </ul>
 * Each 835 mutation gets its own trace number first, so most mutations are judged on their content rather
 * than refused as a repeated payment. A bigger corpus: {@code -Drxledger.fuzz.count=5000} (and
 * {@code -Drxledger.fuzz.seed=N} for another one); mutations the reader accepted although they hold control
 * or non-ASCII bytes are logged, counts only.
 */
class ImportFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImportFuzzTest.class);
    private static final int COUNT = Integer.getInteger("rxledger.fuzz.count", 240);
    private static final long SEED = Long.getLong("rxledger.fuzz.seed", 23L);
    private static final Duration PER_FILE = Duration.ofSeconds(20);
    private static final List<String> TABLES = List.of("remit_file", "payment", "remit_claim", "remit_service_line",
            "remit_adjustment", "remit_remark", "plb_item", "remit_posting", "match_decision", "ledger_entry", "claim", "patient");
    private static final String[] ODD_VALUES = {"X".repeat(300), "\u0001\u0007\u001b", "ÄÖÜ\u00ff\u00a0", "", "99999999999999999.99",
            "\u0000", "-0", "=HYPERLINK(\"x\")"};

    @TempDir
    Path dir;

    private Database db;
    private RemittanceImportService remits;
    private ClaimImportService claims;
    private final Random random = new Random(SEED);

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-20T15:00:00Z"), ZoneOffset.UTC);
        db = Database.inMemory("fuzz-" + UUID.randomUUID(), new Actor("fuzz", "ws-fuzz"), clock);
        remits = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep());
        claims = new ClaimImportService(db.transactions(), new ClaimRules(clock));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void mutated835sAreImportedWholeOrLeaveNothingAndNeverUnbalanceTheLedger() throws IOException {
        // the sample's claims are on file, so the sample's mutations match and post
        assertThat(claims.importCsv("claims-sample.csv", new java.io.StringReader(claimsSample())).succeeded()).isTrue();
        List<String> bases = new ArrayList<>();
        bases.add(Samples.text(Samples.SAMPLE_835));
        Samples.PUBLIC_835.forEach(name -> bases.add(Samples.text(name)));
        // the pharmacy sample itself imports and posts (some public medical samples are refused as they are;
        // their mutations still have to be refused cleanly)
        Path sample = Files.write(dir.resolve("base.835"), withTraceSuffix(bases.get(0), "B").getBytes(StandardCharsets.ISO_8859_1));
        ImportOutcome imported = remits.importFile(sample, ProgressListener.NONE, () -> false);
        assertThat(imported.status()).as(imported.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertLedgerBalanced("the sample");
        assertThat(payerCash()).as("the sample posts").isPositive();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        int oddAccepted = 0;

        for (int i = 0; i < COUNT; i++) {
            String base = withTraceSuffix(bases.get(i % bases.size()), "F" + i);
            Mutation m = mutate835(base);
            Path file = Files.write(dir.resolve("fuzz-" + i + ".835"), m.text().getBytes(StandardCharsets.ISO_8859_1));
            Map<String, Long> before = counts();
            BigDecimal cashBefore = payerCash();

            ImportOutcome outcome = assertTimeoutPreemptively(PER_FILE, () -> remits.importFile(file, ProgressListener.NONE, () -> false),
                    () -> "mutation " + m.description() + " hung");

            assertThat(outcome.status()).as(m.description()).isIn(ImportOutcome.Status.IMPORTED, ImportOutcome.Status.REJECTED,
                    ImportOutcome.Status.DUPLICATE);
            outcomes.merge(outcome.status().name(), 1, Integer::sum);
            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                assertLedgerBalanced(m.description());
                if (m.odd()) {
                    oddAccepted++;
                    LOG.info("835 fuzz: imported although odd: {}", m.description());
                }
            } else {
                assertThat(counts()).as(m.description()).isEqualTo(before);
                assertThat(payerCash()).as(m.description()).isEqualByComparingTo(cashBefore);
            }
        }
        LOG.info("835 fuzz, seed {}: {} mutations, outcomes {}, {} imported although a value held control, non-ASCII or oversize text",
                SEED, COUNT, outcomes, oddAccepted);
        // the corpus must exercise both paths, or it proves nothing
        assertThat(outcomes).containsKeys("IMPORTED", "REJECTED");
    }

    @Test
    void mutatedClaimsFilesAreImportedWholeOrLeaveNothing() throws IOException {
        String base = claimsSample();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(20, COUNT / 4); i++) {
            Mutation m = mutateCsv(base);
            Path file = Files.write(dir.resolve("fuzz-" + i + ".csv"), m.text().getBytes(i % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            Map<String, Long> before = counts();
            BigDecimal ledgerBefore = ledgerTotal();

            ClaimImportResult result = assertTimeoutPreemptively(PER_FILE, () -> claims.importFile(file), () -> m.description() + " hung");

            outcomes.merge(result.succeeded() ? (result.imported() > 0 ? "IMPORTED" : "DUPLICATE") : "REJECTED", 1, Integer::sum);
            if (!result.succeeded() || result.imported() == 0) {
                assertThat(counts()).as(m.description()).isEqualTo(before);
            } else {
                assertThat(result.errors()).isEmpty();
            }
            assertThat(ledgerTotal()).as(m.description()).isEqualByComparingTo(ledgerBefore.signum() == 0 ? BigDecimal.ZERO : ledgerBefore);
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).as(m.description()).isPositive());
        }
        LOG.info("claims CSV fuzz, seed {}: outcomes {}", SEED, outcomes);
        assertThat(outcomes).containsKey("REJECTED");
    }

    // ------------------------------------------------------------------------------------ invariants

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> TABLES.forEach(t -> counts.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one())));
        return counts;
    }

    private BigDecimal payerCash() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account = 'PAYER_CASH'")
                .mapTo(BigDecimal.class).one());
    }

    private BigDecimal ledgerTotal() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry").mapTo(BigDecimal.class).one());
    }

    private void assertLedgerBalanced(String mutation) {
        List<BigDecimal> unbalanced = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT SUM(amount) FROM ledger_entry GROUP BY batch_id HAVING SUM(amount) <> 0").mapTo(BigDecimal.class).list());
        assertThat(unbalanced).as("unbalanced batches after " + mutation).isEmpty();
        List<Map<String, Object>> wrongCash = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT p.id, p.amount, SUM(e.amount) AS cash
                FROM payment p JOIN remit_posting rp ON rp.payment_id = p.id
                JOIN ledger_entry e ON e.batch_id = rp.batch_id AND e.account = 'PAYER_CASH'
                GROUP BY p.id, p.amount
                HAVING SUM(e.amount) <> p.amount""").mapToMap().list());
        assertThat(wrongCash).as("payer cash ≠ BPR02 after " + mutation).isEmpty();
    }

    // ------------------------------------------------------------------------------------ mutations

    /** A mutated file, what was done (for a failure message), and whether it put odd bytes into a value. */
    record Mutation(String text, String description, boolean odd) {
    }

    private Mutation mutate835(String text) {
        char element = text.charAt(3);
        char terminator = text.charAt(105);
        List<String> segments = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)), -1)));
        int kind = random.nextInt(6);
        int s = 1 + random.nextInt(Math.max(1, segments.size() - 2));
        switch (kind) {
            case 0 -> {
                int at = random.nextInt(text.length());
                char flipped = (char) (random.nextInt(256));
                int start = text.lastIndexOf(terminator, at - 1) + 1;
                int end = text.indexOf(terminator, at);
                String segment = text.substring(start, end < 0 ? text.length() : end);
                int elementNo = (int) text.substring(start, at).chars().filter(c -> c == element).count();
                return new Mutation(text.substring(0, at) + flipped + text.substring(at + 1), "byte " + at + " (" + id(segment, element)
                        + " element " + elementNo + ") → " + (int) flipped, flipped < 32 || flipped > 126);
            }
            case 1 -> {
                int at = random.nextInt(text.length());
                return new Mutation(text.substring(0, at), "truncated at " + at, false);
            }
            case 2 -> {
                segments.add(s, segments.get(s));
                return new Mutation(String.join(String.valueOf(terminator), segments), "segment " + s + " duplicated", false);
            }
            case 3 -> {
                String removed = segments.remove(s);
                return new Mutation(String.join(String.valueOf(terminator), segments), "segment " + s + " (" + id(removed, element)
                        + ") deleted", false);
            }
            default -> {
                String[] elements = segments.get(s).split(java.util.regex.Pattern.quote(String.valueOf(element)), -1);
                if (elements.length < 2) {
                    return new Mutation(text, "unchanged", false);
                }
                int e = 1 + random.nextInt(elements.length - 1);
                int v = random.nextInt(ODD_VALUES.length);
                elements[e] = ODD_VALUES[v];
                segments.set(s, String.join(String.valueOf(element), elements));
                return new Mutation(String.join(String.valueOf(terminator), segments), "segment " + s + " (" + id(segments.get(s), element)
                        + ") element " + e + " replaced by odd value " + v, v <= 2 || v == 5);
            }
        }
    }

    private Mutation mutateCsv(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int l = 1 + random.nextInt(lines.size() - 2);
        return switch (random.nextInt(5)) {
            case 0 -> {
                int at = random.nextInt(text.length());
                char flipped = (char) random.nextInt(256);
                yield new Mutation(text.substring(0, at) + flipped + text.substring(at + 1), "byte " + at + " → " + (int) flipped, true);
            }
            case 1 -> {
                int at = random.nextInt(text.length());
                yield new Mutation(text.substring(0, at), "truncated at " + at, false);
            }
            case 2 -> {
                lines.add(l, lines.get(l));
                yield new Mutation(String.join("\n", lines), "line " + l + " duplicated", false);
            }
            case 3 -> {
                lines.remove(l);
                yield new Mutation(String.join("\n", lines), "line " + l + " deleted", false);
            }
            default -> {
                String[] values = lines.get(l).split(",", -1);
                int c = random.nextInt(values.length);
                int v = random.nextInt(ODD_VALUES.length);
                values[c] = ODD_VALUES[v].replace("\"", "");
                lines.set(l, String.join(",", values));
                yield new Mutation(String.join("\n", lines), "line " + l + " value " + c + " replaced by odd value " + v, true);
            }
        };
    }

    /** The file with every TRN02 (the payment's trace) made unique to this mutation. */
    private static String withTraceSuffix(String text, String suffix) {
        char e = text.charAt(3);
        return text.replaceAll("(TRN\\Q" + e + "\\E1\\Q" + e + "\\E)([^\\Q" + e + "\\E]+)", "$1$2" + suffix);
    }

    private static String id(String segment, char element) {
        String s = segment.strip();
        int end = s.indexOf(element);
        return end < 0 ? s : s.substring(0, end);
    }

    private static String claimsSample() {
        try (InputStream in = ImportFuzzTest.class.getResourceAsStream("/org/rxledger/core/claim/claims-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
