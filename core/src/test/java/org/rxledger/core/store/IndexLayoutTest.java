package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Migration V013 (docs/adr/0011-fewer-indexes-on-import-tables.md): one index per foreign-key column, no
 * index nothing reads, and the queries that need an index still get one (H2 EXPLAIN).
 */
class IndexLayoutTest {

    private Database db;

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> indexesOn(Handle h, String table, String column) {
        return h.createQuery("""
                SELECT i.INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.TABLE_NAME = i.TABLE_NAME AND c.INDEX_NAME = i.INDEX_NAME
                WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME = :t AND c.COLUMN_NAME = :c AND c.ORDINAL_POSITION = 1
                ORDER BY 1""").bind("t", table).bind("c", column).mapTo(String.class).list();
    }

    private static List<String> foreignKeysOn(Handle h, String table, String column) {
        return h.createQuery("""
                SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME = :t AND k.COLUMN_NAME = :c
                  AND tc.CONSTRAINT_TYPE = 'FOREIGN KEY'""").bind("t", table).bind("c", column).mapTo(String.class).list();
    }

    /** "TABLE(COL, …)" for every column list that more than one index of a table covers. */
    private static List<String> sameColumnsIndexedTwice(Handle h) {
        return h.createQuery("""
                SELECT t.TABLE_NAME || '(' || t.COLS || ')' FROM (
                  SELECT TABLE_NAME, INDEX_NAME, LISTAGG(COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY ORDINAL_POSITION) AS COLS
                  FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' GROUP BY TABLE_NAME, INDEX_NAME) t
                GROUP BY t.TABLE_NAME, t.COLS HAVING COUNT(*) > 1 ORDER BY 1""").mapTo(String.class).list();
    }

    private static String plan(Handle h, String sql) {
        return h.createQuery("EXPLAIN " + sql).mapTo(String.class).one();
    }

    private void assertLayout() {
        db.jdbi().useHandle(h -> {
            assertThat(indexesOn(h, "REMIT_CLAIM", "MATCHED_CLAIM_ID")).containsExactly("REMIT_CLAIM_MATCHED");
            assertThat(foreignKeysOn(h, "REMIT_CLAIM", "MATCHED_CLAIM_ID")).containsExactly("REMIT_CLAIM_MATCHED_CLAIM_FK");
            assertThat(indexesOn(h, "LEDGER_ENTRY", "CLAIM_ID")).containsExactly("LEDGER_CLAIM");
            assertThat(foreignKeysOn(h, "LEDGER_ENTRY", "CLAIM_ID")).containsExactly("LEDGER_ENTRY_CLAIM_FK");
            assertThat(indexesOn(h, "REMIT_ADJUSTMENT", "SERVICE_LINE_ID")).isEmpty();
            assertThat(foreignKeysOn(h, "REMIT_ADJUSTMENT", "SERVICE_LINE_ID")).isEmpty();
            assertThat(indexesOn(h, "REMIT_ADJUSTMENT", "REMIT_CLAIM_ID")).hasSize(1);

            assertThat(plan(h, "SELECT id FROM remit_claim WHERE matched_claim_id = 7")).contains("REMIT_CLAIM_MATCHED");
            assertThat(plan(h, "SELECT seq FROM ledger_entry WHERE claim_id = 7 ORDER BY seq")).contains("LEDGER_CLAIM");
            assertThat(plan(h, "SELECT id FROM remit_adjustment WHERE remit_claim_id = 7"))
                    .contains(indexesOn(h, "REMIT_ADJUSTMENT", "REMIT_CLAIM_ID").get(0));
            assertThat(plan(h, "SELECT id FROM remit_claim WHERE patient_control_number = 'x'")).contains("REMIT_CLAIM_PCN");
            assertThat(plan(h, "SELECT id FROM claim WHERE patient_id = 7")).contains("CLAIM_PATIENT");
            assertThat(sameColumnsIndexedTwice(h)).as("tables with two indexes on the same columns").isEmpty();
        });
    }

    @Test
    void aForeignKeyStillRefusesADanglingIdAfterItsIndexWasShared() {
        db = TestDatabases.fresh();

        db.jdbi().useHandle(h -> assertThat(foreignKeysOn(h, "CLAIM", "PATIENT_ID")).containsExactly("CLAIM_PATIENT_FK"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO audit_transmittal (case_id, method, sent_at, person, recorded_at) "
                        + "VALUES (999999, 'MAIL', CURRENT_TIMESTAMP, 'ann', CURRENT_TIMESTAMP)")))
                .hasMessageContaining("AUDIT_TRANSMITTAL_CASE_FK");
    }

    @Test
    void aNewDatabaseHasOneIndexPerForeignKeyAndTheQueriesStillUseThem() {
        db = TestDatabases.fresh();

        assertLayout();
    }

    @Test
    void anExistingDatabaseIsMigratedToTheSameLayout() {
        String name = "upgrade-" + UUID.randomUUID();
        Flyway.configure().dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "rxledger", "")
                .locations("classpath:db/migration").target("10").load().migrate();

        db = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK);

        assertLayout();
    }

    @Test
    void aRunInterruptedBetweenDropAndAddIsCompletedByRunningItAgain() throws Exception {
        db = TestDatabases.fresh();
        db.ownerJdbi().useHandle(h -> {
            // as if the process died right after the first DROP CONSTRAINT (H2 commits DDL at once)
            h.execute("ALTER TABLE remit_claim DROP CONSTRAINT remit_claim_matched_claim_fk");
            runV013Again(h);
            runV013Again(h);
        });

        assertLayout();
    }

    private static void runV013Again(Handle h) throws Exception {
        java.sql.Connection connection = h.getConnection();
        new V013__RedundantIndexes().migrate(new org.flywaydb.core.api.migration.Context() {
            @Override
            public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                return null;
            }

            @Override
            public java.sql.Connection getConnection() {
                return connection;
            }
        });
    }

    @Test
    void foreignKeysOnTheRebuiltConstraintsAreStillEnforced() {
        db = TestDatabases.fresh();

        db.jdbi().useHandle(h -> {
            assertThat(h.createUpdate("UPDATE remit_claim SET matched_claim_id = -1").execute()).isZero();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.execute("""
                    INSERT INTO ledger_entry (entry_id, batch_id, account, amount, claim_id, source_type, source_id,
                        effective_date, created_at, created_by)
                    VALUES (RANDOM_UUID(), RANDOM_UUID(), 'PAYER_CASH', 0, 424242, 't', 't', DATE '2025-01-01',
                        CURRENT_TIMESTAMP, 'x')""")).hasMessageContaining("LEDGER_ENTRY_CLAIM_FK");
        });
    }
}
