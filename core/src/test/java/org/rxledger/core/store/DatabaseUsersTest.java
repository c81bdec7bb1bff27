package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * The database refuses tampering (issue 15, ADR 0019): on a real file database with the real migrations, the
 * application's connection cannot empty, change or unguard the append-only tables, while the use cases still
 * work; the owner's secret is made on first open and a data folder of the previous version upgrades in place.
 */
class DatabaseUsersTest {

    @TempDir
    Path data;

    private Database open() {
        return TestDatabases.open(data);
    }

    /** A paid claim and the sample 835: rows in the ledger, journal, audit trail and decision logs. */
    private void useTheBooks(Database db) throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(),
                office.payer().id()));
        Path file = data.resolve("sample.835");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), data.resolve("remittances"),
                new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    private static Map<String, Long> counts(Jdbi jdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            for (String table : DatabaseUsers.APPEND_ONLY) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
        });
        return counts;
    }

    private static List<String> triggersOf(Handle h, String table) {
        return h.createQuery("SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = :t")
                .bind("t", table).mapTo(String.class).list();
    }

    @Test
    void theApplicationsConnectionCannotEmptyChangeOrUnguardTheAppendOnlyTables() throws IOException {
        try (Database db = open()) {
            useTheBooks(db);
            Map<String, Long> before = counts(db.jdbi());
            assertThat(before.get("LEDGER_ENTRY")).isPositive();
            assertThat(before.get("AUDIT_RECORD")).isPositive();
            assertThat(before.get("JOURNAL_EVENT")).isPositive();
            assertThat(before.get("MATCH_DECISION")).isPositive();

            List<String> refused = new ArrayList<>();
            for (String table : DatabaseUsers.APPEND_ONLY) {
                String column = TestOwner.jdbi(db).withHandle(h -> h.createQuery("SELECT COLUMN_NAME FROM "
                        + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = :t ORDER BY ORDINAL_POSITION LIMIT 1")
                        .bind("t", table).mapTo(String.class).one());
                List<String> triggers = TestOwner.jdbi(db).withHandle(h -> triggersOf(h, table));
                assertThat(triggers).as(table).isNotEmpty();
                List<String> attempts = new ArrayList<>(List.of("TRUNCATE TABLE " + table, "DELETE FROM " + table,
                        "UPDATE " + table + " SET " + column + " = " + column, "DROP TABLE " + table + " CASCADE",
                        "ALTER TABLE " + table + " ADD COLUMN tampered INT"));
                triggers.forEach(t -> attempts.add("DROP TRIGGER " + t));
                for (String sql : attempts) {
                    // a table another table refers to cannot be truncated by anyone; H2 says so before the rights
                    assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(sql))).as(sql)
                            .hasMessageMatching("(?s).*(Not enough rights|Cannot truncate).*");
                    refused.add(sql);
                }
            }
            assertThat(refused).contains("DROP TRIGGER LEDGER_ENTRY_APPEND_ONLY");
            // the three the owner could empty before (issue 15) are refused for want of rights
            for (String table : List.of("ledger_entry", "audit_record", "journal_event")) {
                assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("TRUNCATE TABLE " + table))).as(table)
                        .hasMessageContaining("Not enough rights");
            }
            for (String sql : List.of("DROP USER " + DatabaseUsers.OWNER, "ALTER USER " + DatabaseUsers.APPLICATION
                    + " ADMIN TRUE", "GRANT DELETE ON ledger_entry TO " + DatabaseUsers.APPLICATION, "SCRIPT")) {
                assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(sql))).as(sql)
                        .hasMessageMatching("(?s).*(Admin rights are required|Not enough rights).*");
            }
            assertThat(counts(db.jdbi())).isEqualTo(before);
            // behind the rights, the triggers still refuse even the owner
            assertThatThrownBy(() -> TestOwner.jdbi(db).useHandle(h -> h.execute("DELETE FROM ledger_entry")))
                    .hasMessageContaining("append-only");
        }
        // and the folder opens again, with its books
        try (Database again = open()) {
            assertThat(counts(again.jdbi()).get("LEDGER_ENTRY")).isPositive();
        }
    }

    @Test
    void theOtherTablesStayTheApplicationsToChange() throws IOException {
        try (Database db = open()) {
            useTheBooks(db);
            db.jdbi().useHandle(h -> {
                assertThat(h.execute("UPDATE payer SET name = name")).isPositive();
                h.execute("DELETE FROM reject_followup");
            });
        }
    }

    @Test
    void everyTableWithTheAppendOnlyTriggerIsNamedAsAppendOnly() {
        try (Database db = TestDatabases.fresh()) {
            List<String> triggered = TestOwner.jdbi(db).withHandle(h -> h.createQuery("SELECT DISTINCT "
                    + "EVENT_OBJECT_TABLE FROM INFORMATION_SCHEMA.TRIGGERS WHERE JAVA_CLASS = :c")
                    .bind("c", AppendOnlyTrigger.class.getName()).mapTo(String.class).list());
            assertThat(triggered).containsExactlyInAnyOrderElementsOf(DatabaseUsers.APPEND_ONLY);
        }
    }

    @Test
    void theOwnersSecretIsMadeOnFirstOpenKeptPrivateAndRequired() throws IOException, SQLException {
        open().close();

        Path secretFile = data.resolve(DatabaseUsers.SECRET_FILE);
        String secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
        assertThat(secret).matches("[0-9a-f]{64}");
        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
        }
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve(Database.FILE_NAME);
        assertThatThrownBy(() -> DriverManager.getConnection(url, DatabaseUsers.OWNER, "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        try (Connection owner = DriverManager.getConnection(url, DatabaseUsers.OWNER, secret)) {
            owner.createStatement().execute("SHUTDOWN");
        }
        try (Database again = open()) {
            assertThat(Files.readString(secretFile, StandardCharsets.US_ASCII).strip()).isEqualTo(secret);
        }
    }

    @Test
    void aDataFolderOfThePreviousVersionOpensAndIsUpgradedInPlace() throws IOException, SQLException {
        // what the previous version left: the owner with an empty password, migrated to V024, with books in it
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve(Database.FILE_NAME);
        Flyway.configure().dataSource(url, "rxledger", "").locations("classpath:db/migration")
                .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey(),
                        new V022__AuditTrailHashChain()).target("24").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "rxledger", "")) {
            c.createStatement().execute("INSERT INTO payer (name) VALUES ('EARLIER PAYER')");
            c.createStatement().execute("SHUTDOWN");
        }
        assertThat(Files.exists(data.resolve(DatabaseUsers.SECRET_FILE))).isFalse();

        try (Database db = open()) {
            long earlier = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payer WHERE name = "
                    + "'EARLIER PAYER'").mapTo(Long.class).one());
            assertThat(earlier).isOne();
            useTheBooks(db);
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("TRUNCATE TABLE ledger_entry")))
                    .hasMessageContaining("Not enough rights");
        }
        assertThat(Files.exists(data.resolve(DatabaseUsers.SECRET_FILE))).isTrue();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "rxledger", "").close())
                .isInstanceOf(SQLException.class);
        try (Database again = open()) {
            assertThat(counts(again.jdbi()).get("LEDGER_ENTRY")).isPositive();
        }
    }

    @Test
    void aSecondRowForTheSamePaymentIsRefusedByTheDatabaseItself() {
        try (Database db = TestDatabases.fresh()) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO remit_file (sha256, file_name, size_bytes, archived_path, imported_at, "
                        + "imported_by) VALUES ('" + "a".repeat(64) + "', 'a.835', 1, 'a.835', CURRENT_TIMESTAMP, 'x')");
                insertPayment(h, 1, "EFT-1");
                // the same payer, trace (as compared: case and padding zeros aside) and amount
                assertThatThrownBy(() -> insertPayment(h, 2, "eft-01")).hasMessageContaining("PAYMENT_SAME_PAYMENT");
                // and a row without the key, which the unique index alone would let through
                assertThatThrownBy(() -> insertPayment(h, 3, null))
                        .hasMessageContaining("PAYMENT_TRACE_KEY_REQUIRED");
                assertThat(h.createQuery("SELECT COUNT(*) FROM payment").mapTo(Long.class).one()).isOne();
            });
        }
    }

    private static void insertPayment(Handle h, int seq, String trace) {
        h.createUpdate("INSERT INTO payment (remit_file_id, seq, interchange_control, group_control, "
                        + "transaction_control, payer_name, payer_identifier, trace_number, trace_key, amount, "
                        + "credit_debit, handling_code, method, payment_date) VALUES ((SELECT MAX(id) FROM remit_file), "
                        + ":seq, '1', '1', '1', 'ACME', '1999999999', :trace, :key, 100.00, 'C', 'I', 'ACH', "
                        + "DATE '2025-03-14')")
                .bind("seq", seq).bind("trace", trace == null ? "EFT-1" : trace)
                .bind("key", trace == null ? null : org.rxledger.core.remit.Trace.normalise(trace))
                .execute();
    }
}
