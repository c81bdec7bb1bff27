package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Migration V056 on a database that already holds claim payments: each gets the CAS totals by group that posting
 * used to sum from remit_adjustment at every post (OA taking 4010's CR and any other group), so posting, preview
 * and re-posting of a payment imported before the upgrade come out as they did.
 */
class AdjustmentTotalsMigrationTest {

    @Test
    void claimPaymentsImportedBeforeGetTheTotalsPostingUsedToSum() {
        String name = "v056-" + UUID.randomUUID();
        Flyway.configure().dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "rxledger", "")
                .locations("classpath:db/migration")
                .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey(),
                        new V022__AuditTrailHashChain(), new V025__PaymentTraceKeyRequired())
                .target("45").load().migrate();
        Jdbi.create("jdbc:h2:mem:" + name, "rxledger", "").useHandle(h -> {
            h.execute("""
                    INSERT INTO remit_file (id, sha256, file_name, size_bytes, archived_path, imported_at, imported_by)
                    VALUES (1, REPEAT('a', 64), 'old.835', 1, 'old', TIMESTAMP WITH TIME ZONE '2025-03-14 10:00:00Z',
                        'clerk1')""");
            h.execute("""
                    INSERT INTO payment (id, remit_file_id, seq, interchange_control, group_control, transaction_control,
                        payer_name, payer_identifier, trace_number, trace_key, amount, credit_debit, handling_code, method,
                        payment_date)
                    VALUES (1, 1, 1, '000000001', '1', '0001', 'ACME RX', '1999999999', 'EFT1', 'EFT1', 60.00, 'C', 'I',
                        'ACH', DATE '2025-03-14')""");
            for (int id = 1; id <= 2; id++) {
                h.execute("INSERT INTO remit_claim (id, payment_id, seq, lx_number, patient_control_number, status_code,"
                        + " charge_amount, paid_amount, raw_segments) VALUES (" + id + ", 1, " + id + ", '1', '700000"
                        + id + "-00', '1', 50.00, 30.00, '')");
            }
            int seq = 1;
            for (String[] a : List.of(new String[] {"CO", "12.50"}, new String[] {"CO", "2.50"},
                    new String[] {"PR", "5.00"}, new String[] {"CR", "1.00"}, new String[] {"OA", "-0.25"},
                    new String[] {"PI", "0.75"})) {
                h.execute("INSERT INTO remit_adjustment (remit_claim_id, level, seq, group_code, reason_code, amount)"
                        + " VALUES (1, 'CLAIM', " + seq++ + ", '" + a[0] + "', '45', " + a[1] + ")");
            }
        });

        try (Database db = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK)) {
            List<String> totals = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT co_total || ' ' || pi_total || ' ' || oa_total || ' ' || pr_total FROM remit_claim"
                                    + " ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(totals).containsExactly("15.00 0.75 0.75 5.00", "0.00 0.00 0.00 0.00");
        }
    }
}
