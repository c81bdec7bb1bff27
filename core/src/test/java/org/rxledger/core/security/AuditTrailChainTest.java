package org.rxledger.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.TestOwner;
import org.rxledger.core.testdata.TestDatabases;

/**
 * The audit trail's hash chain on a real H2 with the real migrations (issue 16 item 5): intact after
 * ordinary use, and broken — at the right record — by an edit, a removal or an emptied table done with
 * plain SQL by someone who dropped the append-only trigger first.
 */
class AuditTrailChainTest {

    private final Database db = TestDatabases.fresh();
    private final AuditTrailVerification verification = new AuditTrailVerification(db.transactions());

    @BeforeEach
    void fiveRecords() {
        for (int i = 1; i <= 3; i++) {
            int n = i;
            db.transactions().inTransaction(tx -> {
                tx.port(AuditTrail.class).record("TEST_ACTION", "claim", String.valueOf(n), Map.of("note", "record " + n));
                return null;
            });
        }
        db.transactions().inTransaction(tx -> {
            tx.port(AuditTrail.class).recordAll(java.util.List.of(
                    new AuditTrail.Entry("TEST_BATCH", "payment", "7", Map.of("n", 4)),
                    new AuditTrail.Entry("TEST_BATCH", "payment", "8", Map.of("n", 5))));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUntouchedTrailVerifiesAndItsHeadIsTheLastRecordsHash() {
        AuditTrailVerification.Result result = verification.verify();

        assertThat(result.intact()).as(result.describe()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        String lastHash = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT record_hash FROM audit_record ORDER BY seq DESC LIMIT 1").mapTo(String.class).one());
        assertThat(result.headHash()).isEqualTo(lastHash).hasSize(64);
        assertThat(result.describe()).startsWith("audit trail intact: 5 records");
    }

    @Test
    void theAppendOnlyTriggerStillRefusesAnEdit() {
        assertThatThrownBy(() -> TestOwner.jdbi(db).useHandle(h -> h.execute("UPDATE audit_record SET user_name = 'x'")))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRecordIsNamedAsTheFirstBrokenLink() {
        long third = seqOf(3);
        tamper("UPDATE audit_record SET user_name = 'someone-else' WHERE seq = " + third);

        AuditTrailVerification.Result result = verification.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(third);
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.problem()).contains("content does not match its hash");
    }

    @Test
    void aRemovedRecordBreaksTheLinkOfTheOneAfterIt() {
        long second = seqOf(2);
        long third = seqOf(3);
        tamper("DELETE FROM audit_record WHERE seq = " + second);

        AuditTrailVerification.Result result = verification.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(third);
        assertThat(result.problem()).contains("does not follow the record before it");
    }

    @Test
    void aRecordRewrittenWithAFreshHashStillBreaksTheNextLink() {
        long third = seqOf(3);
        // a careful forger recomputes the edited record's own hash, but cannot fix every later record's link
        String prev = db.jdbi().withHandle(h -> h.createQuery("SELECT prev_hash FROM audit_record WHERE seq = " + third)
                .mapTo(String.class).one());
        AuditRecord edited = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT * FROM audit_record WHERE seq = " + third).map((rs, ctx) -> new AuditRecord(rs.getLong("seq"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), "someone-else",
                rs.getString("workstation"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("detail"))).one());
        tamper("UPDATE audit_record SET user_name = 'someone-else', record_hash = '" + AuditChain.hash(prev, edited)
                + "' WHERE seq = " + third);

        AuditTrailVerification.Result result = verification.verify();

        assertThat(result.firstBrokenSeq()).isEqualTo(seqOf(4));
    }

    @Test
    void removingTheLastRecordsOrEmptyingTheTableShows() {
        tamper("DELETE FROM audit_record WHERE seq = " + seqOf(5));
        assertThat(verification.verify().problem()).contains("removed from the end");

        TestOwner.jdbi(db).useHandle(h -> h.execute("TRUNCATE TABLE audit_record"));
        AuditTrailVerification.Result emptied = verification.verify();
        assertThat(emptied.intact()).isFalse();
        assertThat(emptied.checked()).isZero();
        assertThat(emptied.problem()).contains("emptied");
    }

    @Test
    void appendingAfterAnEditKeepsTheBreakVisible() {
        tamper("UPDATE audit_record SET detail = '{}' WHERE seq = " + seqOf(1));
        db.transactions().inTransaction(tx -> {
            tx.port(AuditTrail.class).record("LATER", "claim", "9", Map.of());
            return null;
        });

        assertThat(verification.verify().firstBrokenSeq()).isEqualTo(seqOf(1));
    }

    @Test
    void recordsWrittenBeforeTheChainExistedAreChainedByTheMigration() {
        String name = "chain-" + java.util.UUID.randomUUID();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"; // as Database.inMemory names it
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser("rxledger");
        ds.setPassword("");
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new org.rxledger.core.store.V013__RedundantIndexes(),
                        new org.rxledger.core.store.V015__OneIndexPerForeignKey())
                .target("16").load().migrate();
        org.jdbi.v3.core.Jdbi.create(ds).useHandle(h -> {
            for (int i = 0; i < 3; i++) {
                h.execute("INSERT INTO audit_record (occurred_at, user_name, workstation, action, entity_type, entity_id,"
                        + " detail) VALUES (TIMESTAMP WITH TIME ZONE '2025-03-0" + (i + 1) + " 10:00:00.123456+00', 'root',"
                        + " 'ws', 'OLD', 'claim', '" + i + "', '{}')");
            }
        });

        try (Database migrated = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK)) {
            AuditTrailVerification.Result result = new AuditTrailVerification(migrated.transactions()).verify();
            assertThat(result.intact()).as(result.describe()).isTrue();
            assertThat(result.checked()).isEqualTo(3);
            migrated.transactions().inTransaction(tx -> {
                tx.port(AuditTrail.class).record("NEW", "claim", "4", Map.of());
                return null;
            });
            assertThat(new AuditTrailVerification(migrated.transactions()).verify().checked()).isEqualTo(4);
        }
    }

    private long seqOf(int nth) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT seq FROM audit_record ORDER BY seq LIMIT 1 OFFSET :n")
                .bind("n", nth - 1).mapTo(Long.class).one());
    }

    /** What someone with the database owner's password could do: lift the trigger, change a row, put it back. */
    private void tamper(String sql) {
        TestOwner.jdbi(db).useHandle(h -> {
            h.execute("DROP TRIGGER audit_record_append_only");
            h.execute(sql);
            h.execute("CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record"
                    + " FOR EACH ROW CALL \"org.rxledger.core.store.AppendOnlyTrigger\"");
        });
    }
}
