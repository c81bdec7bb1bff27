package org.rxledger.core.testdata;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.store.Database;

/**
 * A file database with N stored, adjudicated claims and an 835 that pays every one of them: N/500 payments of
 * 500 claims (CLP01 Rx-fill, CLP07 authorization, DTM*472, CO-45 and PR-3), so every claim payment matches and
 * every payment posts automatically. The data of the crash harness and of the import speed benchmark (issues
 * 21 and 23), which must be the same file for their figures to be compared.
 */
public final class PayableOffice {

    public static final int CLAIMS_PER_PAYMENT = 500;
    private static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
            "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");
    private static final Money CHARGE = Money.parse("41.75");

    private PayableOffice() {
    }

    /** Stores the office and {@code claims} claims in {@code dataDir}, and writes the 835 paying them to {@code file}. */
    public static void seed(Path dataDir, Path file, int claims) throws IOException, SQLException {
        try (Database db = TestDatabases.open(dataDir)) {
            TestOffice office = TestOffice.create(db.transactions());
            db.jdbi().<SQLException>useHandle(h -> insertClaims(h, office, claims));
        }
        write(file, claims);
    }

    /**
     * The 835 alone: payments of {@value #CLAIMS_PER_PAYMENT} claims, each in its own interchange, written one
     * payment at a time so that a file of a million claims needs no more memory than one of a thousand.
     */
    public static void write(Path file, int claims) throws IOException {
        List<ClaimPayment> lines = new ArrayList<>(CLAIMS_PER_PAYMENT);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int p = 0; p * CLAIMS_PER_PAYMENT < claims; p++) {
                lines.clear();
                for (int i = p * CLAIMS_PER_PAYMENT; i < Math.min(claims, (p + 1) * CLAIMS_PER_PAYMENT); i++) {
                    Money patientPay = patientPay(i);
                    Money paid = CHARGE.minus(patientPay).minus(Money.ofCents(i % 3 * 100));
                    lines.add(RemittanceBuilder.claim(rx(i) + "-00", "1", CHARGE, paid, patientPay, auth(i), dos(i),
                            "12345067890", new BigDecimal("30"), "M" + i,
                            RemittanceBuilder.contractualAndCopay(CHARGE, paid, patientPay), List.of()));
                }
                Remittance.Transaction payment = RemittanceBuilder.payment(PARTIES,
                        String.format(Locale.ROOT, "CRASH%05d", p), LocalDate.of(2025, 3, 14), 100 + p, List.copyOf(lines),
                        List.of());
                RemittanceBuilder.write(List.of(payment), w);
            }
        }
    }

    /** A copy of a seeded data folder, so that every run starts from the same office. */
    public static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String rx(int i) {
        return String.valueOf(7_000_000 + i);
    }

    private static String auth(int i) {
        return "B" + i;
    }

    private static LocalDate dos(int i) {
        return LocalDate.of(2025, 1, 1).plusDays(i % 60);
    }

    private static Money patientPay(int i) {
        return Money.ofCents(500 + (i % 7) * 100);
    }

    /** Plain JDBC batches, as MatchingBenchmark stores its claims: seconds instead of minutes. */
    private static void insertClaims(Handle h, TestOffice office, int count) throws SQLException {
        h.begin();
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO claim (uuid, rx_number, fill_number, date_of_service, patient_id, plan_id, bin, pcn, group_id,
                    cardholder_id, prescriber_id, drug_id, ndc, quantity, days_supply, ingredient_cost_submitted,
                    dispensing_fee_submitted, usual_and_customary, gross_amount_due, response_status, authorization_number,
                    patient_pay_amount, plan_paid_amount, source, adjudicated_at, created_at, created_by)
                VALUES (?, ?, 0, ?, ?, ?, '999999', 'TESTPCN', 'GRP7781', ?, ?, ?, '12345067890', 30, 30, 40.00, 1.75,
                    52.00, 41.75, 'P', ?, ?, ?, 'CSV_IMPORT', ?, ?, 'seed')""")) {
            Timestamp at = Timestamp.from(Instant.parse("2025-02-01T12:00:00Z"));
            for (int i = 0; i < count; i++) {
                Money patientPay = patientPay(i);
                int k = 1;
                ps.setObject(k++, UUID.nameUUIDFromBytes(("crash" + i).getBytes(StandardCharsets.US_ASCII)));
                ps.setString(k++, rx(i));
                ps.setObject(k++, dos(i));
                ps.setLong(k++, office.patient().id());
                ps.setLong(k++, office.plan().id());
                ps.setString(k++, "M" + i);
                ps.setLong(k++, office.prescriber().id());
                ps.setLong(k++, office.drug().id());
                ps.setString(k++, auth(i));
                ps.setBigDecimal(k++, patientPay.amount());
                ps.setBigDecimal(k++, CHARGE.minus(patientPay).amount());
                ps.setTimestamp(k++, at);
                ps.setTimestamp(k, at);
                ps.addBatch();
                if (i % 5_000 == 4_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        h.commit();
    }
}
