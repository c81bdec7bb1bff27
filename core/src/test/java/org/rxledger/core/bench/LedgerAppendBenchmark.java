package org.rxledger.core.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Benchmark for docs/adr/0012-time-ordered-entry-ids.md (not a timed test): how long appending one large
 * posting (default 200,000 entries, one transaction, JDBC batches of 2,000 like the ledger repository) takes
 * on a file database whose ledger already holds many entries (default 2,000,000), with random (version 4)
 * or time-ordered (version 7) entry ids. Run once per id kind, each in a fresh JVM and data folder:
 * <pre>
 * java -Xmx256m -cp core/target/test-classes:core/target/classes:$(cat core/target/bench-cp.txt) \
 *     org.rxledger.core.bench.LedgerAppendBenchmark v4|v7 [existing] [appended]
 * </pre>
 */
public final class LedgerAppendBenchmark {

    private static final String INSERT = """
            INSERT INTO ledger_entry (entry_id, batch_id, account, amount, claim_id, patient_id, payer_id, source_type,
                                      source_id, memo, reverses_entry_id, effective_date, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private LedgerAppendBenchmark() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        String kind = args.length > 0 ? args[0] : "v7";
        int existing = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int appended = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Supplier<UUID> ids = switch (kind) {
            case "v4" -> UUID::randomUUID;
            case "v7" -> Uuids::timeOrdered;
            default -> throw new IllegalArgumentException("id kind must be v4 or v7, not " + kind);
        };
        Path dir = Files.createTempDirectory("rxledger-ledger-bench-");
        try (Database db = TestDatabases.signedIn(Database.open(dir.resolve("data"), new Actor("bench", "ws"), Clock.systemUTC()));
             Connection c = db.jdbi().open().getConnection()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (int done = 0; done < existing; done += 100_000) {
                insert(c, ids, Math.min(100_000, existing - done));
                c.commit();
            }
            long seeded = System.nanoTime();
            insert(c, ids, appended);
            long inserted = System.nanoTime();
            c.commit();
            long committed = System.nanoTime();
            System.out.printf(Locale.ROOT, "ledger append, %s ids: %,d existing entries stored in %,d ms; %,d entries "
                            + "appended in %,d ms, commit %,d ms, together %,d ms%n", kind, existing,
                    (seeded - t0) / 1_000_000, appended, (inserted - seeded) / 1_000_000,
                    (committed - inserted) / 1_000_000, (committed - seeded) / 1_000_000);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code count} balanced entries (cash against receivable, two per batch), in JDBC batches of 2,000. */
    private static void insert(Connection c, Supplier<UUID> ids, int count) throws SQLException {
        LocalDate day = LocalDate.of(2025, 3, 14);
        OffsetDateTime at = OffsetDateTime.of(2025, 3, 14, 12, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            UUID batch = ids.get();
            for (int n = 0; n < count; n++) {
                if (n % 2 == 0) {
                    batch = ids.get();
                }
                int i = 1;
                ps.setObject(i++, ids.get());
                ps.setObject(i++, batch);
                ps.setString(i++, n % 2 == 0 ? "PAYER_CASH" : "THIRD_PARTY_RECEIVABLE");
                ps.setBigDecimal(i++, n % 2 == 0 ? new BigDecimal("21.85") : new BigDecimal("-21.85"));
                ps.setNull(i++, Types.BIGINT);
                ps.setNull(i++, Types.BIGINT);
                ps.setNull(i++, Types.BIGINT);
                ps.setString(i++, "REMIT_CLAIM");
                ps.setString(i++, String.valueOf(n / 2));
                ps.setString(i++, "bench");
                ps.setObject(i++, null);
                ps.setObject(i++, day);
                ps.setObject(i++, at);
                ps.setString(i, "bench");
                ps.addBatch();
                if ((n + 1) % 2_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
