package org.rxledger.core.claim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * How long one charge-entry use case takes on a file database (what a clerk waits for after Enter):
 * save, rebill, correct, and loading the reject queue. Not a test; run it by hand (see docs/benchmarks.md).
 * Usage: {@code ChargeEntryBenchmark [charges]} (default 2,000).
 */
public final class ChargeEntryBenchmark {

    private ChargeEntryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("rxledger-charge-bench-");
        try (Database db = TestDatabases.open(dir)) {
            TestOffice office = TestOffice.create(db.transactions());
            ChargeEntry entry = new ChargeEntry(db.transactions(), new ClaimRules(TestDatabases.CLOCK));
            List<Long> ids = new ArrayList<>();
            long[] save = new long[n];
            for (int i = 0; i < n; i++) {
                Map<ClaimField, String> v = ChargeEntryTest.values();
                v.put(ClaimField.RX_NUMBER, String.valueOf(8_000_000 + i));
                if (i % 10 == 0) { // one in ten rejected, as in a busy office
                    v.put(ClaimField.RESPONSE_STATUS, "R");
                    v.put(ClaimField.REJECT_CODES, "79");
                    v.put(ClaimField.PLAN_PAID_AMOUNT, "0");
                    v.put(ClaimField.PATIENT_PAY_AMOUNT, "0");
                    v.put(ClaimField.INGREDIENT_COST_PAID, "");
                    v.put(ClaimField.DISPENSING_FEE_PAID, "");
                    v.put(ClaimField.AUTHORIZATION_NUMBER, "");
                }
                long t = System.nanoTime();
                Claim c = entry.save(new ChargeEntry.NewCharge(v, office.patient().id(), office.plan().id(),
                        office.prescriber().id(), office.drug().id(), false));
                save[i] = System.nanoTime() - t;
                ids.add(c.id());
            }
            int m = Math.max(1, n / 10);
            long[] rebill = new long[m];
            long[] correct = new long[m];
            for (int i = 0; i < m; i++) {
                long id = ids.get(i * 10 + 1); // paid ones
                long t = System.nanoTime();
                entry.correct(id, Map.of(ClaimField.PATIENT_PAY_AMOUNT, "5.00", ClaimField.PLAN_PAID_AMOUNT, "26.85"), null);
                correct[i] = System.nanoTime() - t;
                Map<ClaimField, String> v = ChargeEntryTest.values();
                v.put(ClaimField.RX_NUMBER, String.valueOf(8_000_000 + i * 10 + 1));
                t = System.nanoTime();
                entry.rebill(id, new ChargeEntry.NewCharge(v, office.patient().id(), office.plan().id(),
                        office.prescriber().id(), office.drug().id(), false), LocalDate.of(2025, 3, 20));
                rebill[i] = System.nanoTime() - t;
            }
            RejectQueue queue = new RejectQueue(db.transactions());
            long[] load = new long[20];
            int items = 0;
            for (int i = 0; i < load.length; i++) {
                long t = System.nanoTime();
                items = queue.items().size();
                load[i] = System.nanoTime() - t;
            }
            System.out.printf("charges saved: %,d (10%% rejected)%n", n);
            report("save (B1)", save);
            report("correct amounts (reverse + repost)", correct);
            report("rebill (B3)", rebill);
            System.out.printf("reject queue: %,d items%n", items);
            report("load reject queue", load);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-36s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%d)%n", what, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
