package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.remit.Trace;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Migration V017 on a database that already holds payments: every row gets the key {@link Trace#normalise}
 * gives (the SQL twin of the Java rule), and payments stored twice before the fix keep only the earliest
 * keyed, so the unique index can be built instead of failing the upgrade.
 */
class PaymentTraceKeyMigrationTest {

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static String databaseAtV016() {
        String name = "v017-" + UUID.randomUUID();
        Flyway.configure().dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "rxledger", "")
                .locations("classpath:db/migration")
                .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey())
                .target("16").load().migrate();
        return name;
    }

    private static void legacyPayment(Handle h, int seq, String payerId, String trace, String amount) {
        h.createUpdate("""
                        INSERT INTO payment (remit_file_id, seq, interchange_control, group_control, transaction_control,
                            payer_name, payer_identifier, trace_number, amount, credit_debit, handling_code, method,
                            payment_date)
                        VALUES (1, :seq, '000000001', '1', '0001', 'ACME RX', :payer, :trace, :amount, 'C', 'I', 'ACH',
                            DATE '2025-03-14')""")
                .bind("seq", seq).bind("payer", payerId).bind("trace", trace).bind("amount", new java.math.BigDecimal(amount))
                .execute();
    }

    private static void legacyFile(Handle h) {
        h.execute("""
                INSERT INTO remit_file (id, sha256, file_name, size_bytes, archived_path, imported_at, imported_by)
                VALUES (1, REPEAT('a', 64), 'old.835', 1, 'old', TIMESTAMP WITH TIME ZONE '2025-03-14 10:00:00Z', 'clerk1')""");
    }

    private List<String> keysInIdOrder() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT trace_key FROM payment ORDER BY id")
                .mapTo(String.class).list());
    }

    @Test
    void backfillsTheSameKeyTheJavaRuleGives() {
        String name = databaseAtV016();
        List<String> traces = List.of("EFT0314A77", "eft0314a77x", " EFT 0314 A78 ", "0001234", "1000", "0", "A100",
                "EFT-000120", "CHK 00045-007", "trn\t0009", "ÉFT-01");
        org.jdbi.v3.core.Jdbi.create("jdbc:h2:mem:" + name, "rxledger", "").useHandle(h -> {
            legacyFile(h);
            for (int i = 0; i < traces.size(); i++) {
                legacyPayment(h, i + 1, "1999999999", traces.get(i), i + ".00"); // amounts differ: no collisions
            }
        });

        db = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK);

        List<String> expected = new ArrayList<>();
        traces.forEach(t -> expected.add(Trace.normalise(t)));
        assertThat(keysInIdOrder()).containsExactlyElementsOf(expected);
    }

    @Test
    void aPaymentStoredTwiceBeforeTheFixKeepsOnlyItsEarliestRowKeyed() {
        String name = databaseAtV016();
        org.jdbi.v3.core.Jdbi.create("jdbc:h2:mem:" + name, "rxledger", "").useHandle(h -> {
            legacyFile(h);
            legacyPayment(h, 1, "1999999999", "EFT-000123", "10.00");
            legacyPayment(h, 2, "1999999999", "eft-123", "10.00");      // the same payment, other case and padding
            legacyPayment(h, 3, "1999999999", "EFT-123", "11.00");      // another amount: another payment
            legacyPayment(h, 4, "1888888888", "EFT-123", "10.00");      // another payer: another payment
            legacyPayment(h, 5, "1999999999", " EFT-0123 ", "10.00");   // the same payment a third time
        });

        db = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK);

        assertThat(keysInIdOrder()).containsExactly("EFT-123", null, "EFT-123", "EFT-123", null);
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment").mapTo(Integer.class).one());
        assertThat(rows).as("nothing is deleted").isEqualTo(5);
    }
}
