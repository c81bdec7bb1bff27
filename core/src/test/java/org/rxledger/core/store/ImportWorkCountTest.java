package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.mfp.MfpImportStep;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.testdata.PayableOffice;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Issue 21, counted instead of timed (the machine is shared, so seconds say little): how many times an import with
 * matching and posting reads the file, and how many SQL statements it executes and rows it reads and writes, taken
 * from H2's own query statistics. The same import also proves that a change of the path left its results alone:
 * everything the file leaves in the office (claim payments, decisions, ledger) is reduced to a digest, and the digest
 * is the one the two-pass import of before produced on the same generated file.
 *
 * <p>Run with {@code -Drxledger.counts=true} to print the table of statements (docs/benchmarks.md).
 */
class ImportWorkCountTest {

    /** Four payments of 500 claims and one of 100: a file of several payments, like a PBM's weekly ERA. */
    private static final int CLAIMS = 2_100;

    /**
     * SHA-256 of {@link #outcomeOf}'s text after importing the generated file with the two-pass import of before
     * this change (main at 0751c4c): the one-pass import must leave exactly the same rows.
     */
    private static final String BEFORE = "7ce6db521ff77a1b77cf57542d532dea66312cfcb356e60f863bedf22404c0de";

    @TempDir
    Path dir;

    @Test
    void readsTheFileOnceAndLeavesExactlyWhatTheTwoPassImportLeft() throws Exception {
        Path data = dir.resolve("office");
        Path file = dir.resolve("weekly.835");
        PayableOffice.seed(data, file, CLAIMS);

        Set<String> passes = new LinkedHashSet<>();
        Counts counts;
        ImportOutcome outcome;
        try (Database db = TestDatabases.open(data)) {
            db.ownerJdbi().useHandle(h -> {
                h.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
                h.execute("SET QUERY_STATISTICS TRUE");
            });
            RemittanceImportService imports = new RemittanceImportService(db.transactions(),
                    RemittanceImportService.archiveDirIn(data), new MfpImportStep(new MatchAndPostStep()));
            outcome = imports.importFile(file, (done, total, message) -> passes.add(message), () -> false);
            counts = Counts.of(db);
            db.ownerJdbi().useHandle(h -> h.execute("SET QUERY_STATISTICS FALSE"));
            assertThat(outcome).as(outcome.message()).isInstanceOf(ImportOutcome.Imported.class);
            for (PaymentSummary p : ((ImportOutcome.Imported) outcome).payments()) {
                assertThat(p.matchedCount()).isEqualTo(p.claimCount());
                assertThat(p.postingHeldReason()).isNull();
            }
            String text = outcomeOf(db);
            if (Boolean.getBoolean("rxledger.counts")) {
                System.out.println(counts.table(CLAIMS, passes));
                System.out.println("digest " + sha256(text));
            }
            assertThat(sha256(text)).as("what the import left, against the two-pass import of before").isEqualTo(BEFORE);
        }

        assertThat(passes).as("progress messages, one per read of the file").hasSize(1);
    }

    /** Everything an import leaves that a clerk, a report or the ledger reads, without ids, clocks or random keys. */
    static String outcomeOf(Database db) {
        return db.ownerJdbi().withHandle(h -> {
            StringBuilder sb = new StringBuilder();
            for (String sql : List.of(
                    "SELECT seq, payer_name, trace_number, amount, claim_count, status, posting_held_reason FROM payment"
                            + " ORDER BY seq",
                    "SELECT p.seq, c.seq, c.patient_control_number, c.status_code, c.charge_amount, c.paid_amount,"
                            + " c.patient_responsibility, c.payer_claim_control_number, c.member_id, c.service_date, c.ndc,"
                            + " c.quantity, c.raw_segments, c.match_status, c.matched_claim_id"
                            + " FROM remit_claim c JOIN payment p ON p.id = c.payment_id ORDER BY p.seq, c.seq",
                    "SELECT p.seq, c.seq, l.seq, l.product_code, l.charge_amount, l.paid_amount, l.units_paid"
                            + " FROM remit_service_line l JOIN remit_claim c ON c.id = l.remit_claim_id"
                            + " JOIN payment p ON p.id = c.payment_id ORDER BY p.seq, c.seq, l.seq",
                    "SELECT p.seq, c.seq, a.level, a.seq, a.group_code, a.reason_code, a.amount"
                            + " FROM remit_adjustment a JOIN remit_claim c ON c.id = a.remit_claim_id"
                            + " JOIN payment p ON p.id = c.payment_id ORDER BY p.seq, c.seq, a.level, a.seq",
                    "SELECT p.seq, c.seq, d.action, d.verdict, d.match_status, d.claim_id, d.score, d.confidence, d.explanation, d.checks, d.candidates, d.link_kind"
                            + " FROM match_decision d JOIN remit_claim c ON c.id = d.remit_claim_id"
                            + " JOIN payment p ON p.id = c.payment_id ORDER BY p.seq, c.seq, d.id",
                    "SELECT account, amount, claim_id, patient_id, payer_id, source_type, memo, effective_date"
                            + " FROM ledger_entry ORDER BY seq",
                    "SELECT account, SUM(amount) FROM ledger_entry GROUP BY account ORDER BY account",
                    "SELECT event_type FROM journal_event ORDER BY seq",
                    "SELECT action, entity_type FROM audit_record ORDER BY seq")) {
                sb.append(sql).append('\n');
                h.createQuery(sql).map((rs, ctx) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    return row.toString();
                }).forEach(row -> sb.append(row).append('\n'));
            }
            return sb.toString();
        });
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** H2's query statistics of one import: executions and rows per statement. */
    record Counts(List<Line> lines) {

        record Line(String sql, long executions, long rows) {
            boolean reads() {
                return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
            }
        }

        static Counts of(Database db) {
            return new Counts(db.ownerJdbi().withHandle(h -> h.createQuery("""
                            SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                            WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'
                            ORDER BY EXECUTION_COUNT DESC, CUMULATIVE_ROW_COUNT DESC""")
                    .map((rs, ctx) -> new Line(rs.getString(1).replaceAll("\\s+", " "), rs.getLong(2), rs.getLong(3)))
                    .list()));
        }

        long statements() {
            return lines.stream().mapToLong(Line::executions).sum();
        }

        long rowsRead() {
            return lines.stream().filter(Line::reads).mapToLong(Line::rows).sum();
        }

        long rowsWritten() {
            return lines.stream().filter(l -> !l.reads()).mapToLong(Line::rows).sum();
        }

        String table(int claims, Set<String> passes) {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "file reads (progress messages): %d %s", passes.size(), passes));
            out.add(String.format(Locale.ROOT, "statements %d (%.2f per claim payment), rows read %d (%.2f), rows written"
                            + " %d (%.2f), distinct statements %d", statements(), statements() / (double) claims, rowsRead(),
                    rowsRead() / (double) claims, rowsWritten(), rowsWritten() / (double) claims, lines.size()));
            lines.stream().limit(25).forEach(l -> out.add(String.format(Locale.ROOT, "%8d x %9d rows  %s", l.executions(),
                    l.rows(), l.sql().length() > 150 ? l.sql().substring(0, 150) + "…" : l.sql())));
            return String.join("\n", out);
        }
    }
}
