package org.rxledger.core.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.demo.DemoOffice.ClaimPaymentDescription;
import org.rxledger.core.demo.DemoRemittances;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.ClaimFacts;
import org.rxledger.core.matching.ClaimIndex;
import org.rxledger.core.matching.ClaimMatcher;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.MatchDecision;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.RemittedClaim;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (not a timed test; figures go to docs/benchmarks.md). Stores 1,000,000 claims (500k Rx
 * numbers × 2 fills) in a file H2 database, then:
 * <ol>
 *   <li>matches 100,000 remitted claims against them the way {@code PaymentMatching} does — one chunked
 *       set-based load into a {@link ClaimIndex}, then the pure {@link ClaimMatcher} — and reports claims/s;</li>
 *   <li>writes those 100,000 claims as one 835 payment with {@link DemoRemittances#writeSinglePayment} and
 *       imports it with matching and posting ({@link MatchAndPostStep}), reporting the wall time.</li>
 * </ol>
 * Run: {@code ./mvnw -B -o -pl core test -Dtest=MatchingBenchmark -Drxledger.bench=true}
 * (sizes: {@code -Drxledger.bench.stored=N -Drxledger.bench.remitted=N}).
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
class MatchingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingBenchmark.class);
    private static final LocalDate FIRST_DOS = LocalDate.of(2024, 1, 1);

    @TempDir
    Path dir;

    @Test
    void run() throws Exception {
        int stored = Integer.getInteger("rxledger.bench.stored", 1_000_000);
        int remitted = Integer.getInteger("rxledger.bench.remitted", 100_000);
        Clock clock = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
        try (Database db = TestDatabases.signedIn(Database.open(dir.resolve("data"), new Actor("bench", "bench-ws"), clock))) {
            Integer cacheKb = Integer.getInteger("rxledger.bench.cacheKb");
            if (cacheKb != null) {
                db.jdbi().useHandle(h -> h.execute("SET CACHE_SIZE " + cacheKb));
                LOG.info("BENCH cache size {} KB", cacheKb);
            }
            long[] ids = db.transactions().inTransaction(tx -> {
                var ref = tx.port(ReferenceRepository.class);
                ref.savePharmacy(new Pharmacy("BENCH PHARMACY", "1234567893", "1234567", null, null, null, null, null));
                var payer = ref.insertPayer("BENCH PBM", "1999999999");
                var plan = ref.insertPlan(payer.id(), "Bench plan", "999999", "BENCH", "GRP1");
                var patient = ref.insertPatient("BENCH", "PATIENT", LocalDate.of(1970, 1, 1),
                        org.rxledger.core.reference.Patient.Gender.FEMALE);
                var prescriber = ref.insertPrescriber("1987654328", "AB1234563", "DOC", "BENCH");
                var drug = ref.insertDrug(new Drug(0, "12345067890", "12345-067-90", "BENCHSTATIN", "20 MG", "TABLET",
                        "90 EA", "EA", false));
                return new long[] {plan.id(), patient.id(), prescriber.id(), drug.id()};
            });
            long started = System.nanoTime();
            insertClaims(db, stored, ids);
            LOG.info("BENCH stored {} claims in {} ms", stored, ms(started));

            // the claims a payer pays: every (stored / remitted)-th claim
            List<ClaimPaymentDescription> paid = describe(db, stored, remitted);
            List<RemittedClaim> remittedClaims = new ArrayList<>(paid.size());
            for (ClaimPaymentDescription c : paid) {
                remittedClaims.add(new RemittedClaim("BENCH PBM", c.rxNumber() + "-" + String.format("%02d", c.fillNumber()),
                        "1", c.authorizationNumber(), c.dateOfService(), c.cardholderId(), c.ndc(), new BigDecimal("30"),
                        c.charged(), c.paid(), c.patientResponsibility()));
            }

            // 1. matching: set-based load into the index, then the pure matcher
            Clp01Patterns patterns = new Clp01Patterns();
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                Set<String> rx = new HashSet<>();
                Set<String> auth = new HashSet<>();
                for (RemittedClaim r : remittedClaims) {
                    patterns.decode(r.payerName(), r.patientControlNumber()).forEach(x -> rx.add(x.rx()));
                    auth.add(r.payerClaimControlNumber());
                }
                List<ClaimFacts> facts = db.transactions().read(tx -> tx.port(MatchRepository.class).claimFacts(rx, auth));
                ClaimIndex index = new ClaimIndex(facts);
                long t1 = System.nanoTime();
                ClaimMatcher matcher = new ClaimMatcher(patterns);
                int matched = 0;
                for (RemittedClaim r : remittedClaims) {
                    if (matcher.match(r, index).verdict() == MatchDecision.Verdict.MATCHED) {
                        matched++;
                    }
                }
                long t2 = System.nanoTime();
                double loadS = (t1 - t0) / 1e9;
                double matchS = (t2 - t1) / 1e9;
                LOG.info("BENCH matching round {}: {} remitted vs {} stored ({} candidates loaded): load+index {} ms, "
                                + "match {} ms = {} claims/s (matcher only {} claims/s); {} matched", round,
                        remittedClaims.size(), stored, facts.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        Math.round(remittedClaims.size() / (loadS + matchS)), Math.round(remittedClaims.size() / matchS), matched);
            }

            // 2. full import + match + post of one 100k-claim 835
            Path file = dir.resolve("bench-100k.835");
            DemoRemittances.writeSinglePayment(file, new Pharmacy("BENCH PHARMACY", "1234567893", "1234567", null, null,
                    null, null, null), "BENCH PBM", "1999999999", "BENCH100K", LocalDate.of(2025, 6, 27), paid);
            LOG.info("BENCH wrote {} ({} MB)", file.getFileName(), Files.size(file) / (1024 * 1024));
            RemittanceImportService imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"),
                    new MatchAndPostStep());
            long t3 = System.nanoTime();
            ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
            long importMs = ms(t3);
            if (!(outcome instanceof ImportOutcome.Imported imported)) {
                throw new AssertionError("benchmark import failed: " + outcome);
            }
            LOG.info("BENCH import+match+post of {} claims: {} ms ({} matched, {} ledger entries)",
                    imported.payments().get(0).claimCount(), importMs, imported.payments().get(0).matchedCount(),
                    db.transactions().read(tx -> tx.port(LedgerRepository.class).count()));
        }
    }

    private static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** 1M claims with plain JDBC batches (no ledger entries: matching reads claims only). */
    private static void insertClaims(Database db, int count, long[] ids) throws java.sql.SQLException {
        db.jdbi().<java.sql.SQLException>useHandle(h -> {
            h.begin();
            Connection c = h.getConnection();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO claim (uuid, rx_number, fill_number, date_of_service, patient_id, plan_id, bin, pcn, group_id,
                        cardholder_id, prescriber_id, drug_id, ndc, quantity, days_supply, ingredient_cost_submitted,
                        dispensing_fee_submitted, usual_and_customary, gross_amount_due, response_status, authorization_number,
                        patient_pay_amount, plan_paid_amount, source, adjudicated_at, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, '999999', 'BENCH', 'GRP1', ?, ?, ?, '12345067890', 30, 30, 40.00, 1.75, 52.00,
                        41.75, 'P', ?, ?, ?, 'CSV_IMPORT', ?, ?, 'bench')""")) {
                Timestamp at = Timestamp.from(Instant.parse("2025-01-01T12:00:00Z"));
                for (int i = 0; i < count; i++) {
                    int k = 1;
                    ps.setObject(k++, UUID.nameUUIDFromBytes(("bench" + i).getBytes()));
                    ps.setString(k++, String.valueOf(7_000_000 + i / 2));
                    ps.setInt(k++, i % 2);
                    ps.setObject(k++, dos(i));
                    ps.setLong(k++, ids[1]);
                    ps.setLong(k++, ids[0]);
                    ps.setString(k++, "M" + (i % 50_000));
                    ps.setLong(k++, ids[2]);
                    ps.setLong(k++, ids[3]);
                    ps.setString(k++, "B" + i);
                    ps.setBigDecimal(k++, patientPay(i).amount());
                    ps.setBigDecimal(k++, planPaid(i).amount());
                    ps.setTimestamp(k++, at);
                    ps.setTimestamp(k, at);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        h.commit();
                        h.begin();
                    }
                }
                ps.executeBatch();
                h.commit();
            }
        });
    }

    private static LocalDate dos(int i) {
        return FIRST_DOS.plusDays((i / 2) % 400 + (i % 2) * 30L);
    }

    private static Money patientPay(int i) {
        return Money.ofCents(500 + (i % 7) * 100);
    }

    private static Money planPaid(int i) {
        return Money.parse("41.75").minus(patientPay(i));
    }

    private static List<ClaimPaymentDescription> describe(Database db, int stored, int remitted) {
        int step = Math.max(1, stored / remitted);
        List<Long> idList = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM claim ORDER BY id").mapTo(Long.class).list());
        List<ClaimPaymentDescription> list = new ArrayList<>(remitted);
        for (int i = 0; i < stored && list.size() < remitted; i += step) {
            Money pp = patientPay(i);
            Money plan = planPaid(i);
            Money charged = Money.parse("41.75");
            list.add(new ClaimPaymentDescription(idList.get(i), String.valueOf(7_000_000 + i / 2), i % 2, dos(i), "B" + i,
                    "12345067890", "M" + (i % 50_000), charged, plan.plus(pp), pp, Money.ZERO, plan));
        }
        return list;
    }
}
