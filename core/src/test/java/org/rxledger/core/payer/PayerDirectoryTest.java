package org.rxledger.core.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchKey;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.V013__RedundantIndexes;
import org.rxledger.core.store.V015__OneIndexPerForeignKey;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

/** The payer directory on a real H2 with the real migrations: import/export, learned links, merge, move, unlink. */
class PayerDirectoryTest {

    private static final String HEADER = "payer_name,remit_payer_id,bin,pcn,group_id\n";
    private static final String NORTHSTAR = "NORTHSTAR RX BENEFITS";

    private final Database db = TestDatabases.fresh();
    private final PayerDirectoryService payers = new PayerDirectoryService(db.transactions());

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    private PayerImportResult importCsv(String csv) {
        return payers.importCsv("payers.csv", new StringReader(csv));
    }

    private DirectoryPayer named(String name) {
        return payers.directory().byName(name).orElseThrow();
    }

    @Test
    void importExportRoundTripKeepsEveryPayerIdentityAndRouting() {
        PayerImportResult r = importCsv(HEADER
                + "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,\n"
                + "NORTHSTAR RX BENEFITS,,610502,NSRX2,GRP9\n"
                + "Blue Meadow Health,1444444444,004336,,\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.payersCreated()).isEqualTo(2);
        assertThat(r.routingsAdded()).isEqualTo(3);

        PayerDirectory d = payers.directory();
        assertThat(d.forRouting("610502", "NSRX", "ANY").map(DirectoryPayer::name)).contains(NORTHSTAR);
        assertThat(d.forRouting("004336", "WHATEVER", "")).map(DirectoryPayer::name).contains("Blue Meadow Health");
        assertThat(d.forRouting("610502", "OTHER", "")).isEmpty();
        assertThat(d.forPayment("1555555555", null, "SOMETHING ELSE")).map(DirectoryPayer::name).contains(NORTHSTAR);
        assertThat(d.forPayment(null, null, "northstar rx benefits ")).map(DirectoryPayer::name).contains(NORTHSTAR);

        String exported = payers.exportCsv();
        Database other = TestDatabases.fresh();
        try {
            PayerDirectoryService second = new PayerDirectoryService(other.transactions());
            assertThat(second.importCsv("export.csv", new StringReader(exported)).errors()).isEmpty();
            assertThat(second.exportCsv()).isEqualTo(exported);
        } finally {
            other.close();
        }
        // importing the same file again changes nothing
        PayerImportResult again = importCsv(exported);
        assertThat(again.payersCreated() + again.identitiesAdded() + again.routingsAdded()).isZero();
        assertThat(payers.exportCsv()).isEqualTo(exported);
    }

    @Test
    void aFileWithAnyBadRowWritesNothingAndNamesEachLineAndColumn() {
        importCsv(HEADER + "Blue Meadow Health,1444444444,004336,,\n");
        String before = payers.exportCsv();
        long events = db.transactions().read(tx -> tx.port(Journal.class).count());

        PayerImportResult r = importCsv(HEADER
                + "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,\n"
                + "NORTHSTAR RX BENEFITS,,61050,NSRX,\n"
                + ",,610503,,\n"
                + "NORTHSTAR RX BENEFITS,,004336,,\n"
                + "Other PBM,,610502,NS-RX,\n");

        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors()).extracting(e -> e.line() + ":" + e.column())
                .containsExactly("3:bin", "4:payer_name", "6:pcn");
        assertThat(r.errors().get(0).message()).contains("6 digits").contains("61050");
        // the conflict with the stored directory is found too once the rows themselves are readable
        PayerImportResult conflict = importCsv(HEADER + "NORTHSTAR RX BENEFITS,,004336,,\n");
        assertThat(conflict.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("bin");
            assertThat(e.message()).contains("already belongs to Blue Meadow Health");
        });
        assertThat(payers.exportCsv()).isEqualTo(before);
        long after = db.transactions().read(tx -> tx.port(Journal.class).count());
        assertThat(after).isEqualTo(events);
    }

    @Test
    void mergeMovesRoutingsAndIdentitiesAndKeepsTheMergedPayerRecorded() {
        importCsv(HEADER + "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,\n" + "Northstar (old name),1555555000,610502,NSOLD,\n");
        DirectoryPayer survivor = named(NORTHSTAR);
        DirectoryPayer old = named("Northstar (old name)");

        payers.merge(survivor.id(), old.id(), "same PBM, renamed in 2024");

        PayerDirectory d = payers.directory();
        assertThat(d.active()).extracting(DirectoryPayer::name).containsExactly(NORTHSTAR);
        DirectoryPayer merged = d.payers().stream().filter(p -> p.id() == old.id()).findFirst().orElseThrow();
        assertThat(merged.mergedIntoId()).isEqualTo(survivor.id());
        assertThat(merged.routings()).isEmpty();
        assertThat(d.payer(old.id()).map(DirectoryPayer::name)).contains(NORTHSTAR);
        assertThat(d.forRouting("610502", "NSOLD", "")).map(DirectoryPayer::id).contains(survivor.id());
        assertThat(d.forPayment("1555555000", null, null)).map(DirectoryPayer::id).contains(survivor.id());
        db.transactions().read(tx -> {
            assertThat(tx.port(Journal.class).since(0, 100)).extracting(e -> e.type()).contains(PayerDirectoryService.EVENT_MERGED);
            assertThat(tx.port(AuditTrail.class).forEntity("payer", String.valueOf(old.id())))
                    .anySatisfy(a -> assertThat(a.action()).isEqualTo("PAYER_MERGED"));
            return null;
        });
        assertThatThrownBy(() -> payers.merge(survivor.id(), old.id(), "again")).hasMessageContaining("was merged into");
    }

    @Test
    void aRoutingMovesBetweenPayersAndCanBeUnlinked() {
        importCsv(HEADER + "NORTHSTAR RX BENEFITS,,610502,NSRX,\n" + "Blue Meadow Health,,004336,,\n");
        RoutingLink link = named(NORTHSTAR).routings().get(0);

        payers.moveRouting(link.id(), named("Blue Meadow Health").id(), "plan moved to Blue Meadow in January");
        assertThat(payers.directory().forRouting("610502", "NSRX", "")).map(DirectoryPayer::name).contains("Blue Meadow Health");

        payers.unlinkRouting(link.id(), "not ours");
        assertThat(payers.directory().forRouting("610502", "NSRX", "")).isEmpty();
        assertThatThrownBy(() -> payers.unlinkRouting(link.id(), "twice")).hasMessageContaining("no routing");
        assertThatThrownBy(() -> payers.moveRouting(named("Blue Meadow Health").routings().get(0).id(),
                named("Blue Meadow Health").id(), " ")).hasMessageContaining("reason");
    }

    @Test
    void anOfficeFromBeforeTheDirectoryKeepsItsNamedPayersAndLeavesImportPlaceholdersUnknown() {
        String name = "upgrade-" + UUID.randomUUID();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "rxledger", "").locations("classpath:db/migration")
                .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey()).target("16").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "rxledger", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO payer (id, name, payer_identifier) VALUES (1, 'ACME RX SOLUTIONS', '1999999999'),"
                    + " (2, 'Payer BIN 610502', NULL)");
            st.execute("INSERT INTO plan (payer_id, name, bin, pcn, group_id) VALUES (1, 'Acme', '999999', 'TESTPCN', ''),"
                    + " (2, 'BIN 610502 PCN NSRX', '610502', 'NSRX', '')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Database upgraded = Database.inMemory(name, TestDatabases.CLERK, TestDatabases.CLOCK);
        try {
            PayerDirectory d = new PayerDirectoryService(upgraded.transactions()).directory();
            assertThat(d.active()).extracting(DirectoryPayer::name).containsExactly("ACME RX SOLUTIONS");
            assertThat(d.forRouting("999999", "TESTPCN", "G")).map(DirectoryPayer::name).contains("ACME RX SOLUTIONS");
            assertThat(d.forPayment("1999999999", null, null)).map(DirectoryPayer::name).contains("ACME RX SOLUTIONS");
            assertThat(d.forPayment(null, null, "acme rx solutions")).isPresent();
            assertThat(d.forRouting("610502", "NSRX", "")).isEmpty();
        } finally {
            upgraded.close();
        }
    }

    /**
     * The new user's case (issue 14): claims from a pharmacy-system CSV without payer names (BIN 610502), then an
     * 835 from NORTHSTAR RX BENEFITS whose CLP07 is its own claim number. Every claim payment is matched without a
     * person, the routing is learned (journalled, audited, reversible), the CLP07 habit is learned, and recon daily
     * shows one row for the PBM.
     */
    @Test
    void learnsTheRoutingFromMatchedPaymentsAndShowsOnePbmAsOneRow() throws IOException {
        ClaimImportResult claims = new ClaimImportService(db.transactions(), new ClaimRules(TestDatabases.CLOCK))
                .importCsv("claims.csv", new StringReader(claimsCsv(4)));
        assertThat(claims.errors()).isEmpty();

        List<ClaimPayment> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(line(i, "NS" + (9_000_000 + i)));
        }
        importRemittance("northstar.835", "EFT7001", lines);

        db.transactions().read(tx -> {
            long payment = tx.port(RemittanceRepository.class).files().stream().flatMap(f -> tx.port(RemittanceRepository.class).paymentsOfFile(f.id()).stream())
                    .findFirst().orElseThrow().id();
            List<MatchRecord> decisions = tx.port(MatchRepository.class).latestDecisions(payment);
            assertThat(decisions).hasSize(4).allSatisfy(d -> assertThat(d.status()).isEqualTo(MatchStatus.MATCHED));
            assertThat(decisions.get(0).checks()).filteredOn(k -> k.key() == MatchKey.AUTHORIZATION).singleElement()
                    .satisfies(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.NOT_AVAILABLE));
            assertThat(decisions.get(0).checks()).filteredOn(k -> k.key() == MatchKey.PAYER).singleElement()
                    .satisfies(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.NOT_AVAILABLE));
            assertThat(tx.port(Journal.class).since(0, 1000)).extracting(e -> e.type()).contains(PayerDirectoryService.EVENT_ROUTING_LEARNED);
            assertThat(tx.port(PayerRepository.class).proposals()).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo("APPLIED");
                assertThat(p.routing()).isEqualTo(new Routing("610502", "NSRX", ""));
                assertThat(p.lines()).isEqualTo(4);
            });
            return null;
        });
        PayerDirectory d = payers.directory();
        DirectoryPayer northstar = d.byName(NORTHSTAR).orElseThrow();
        assertThat(d.forRouting("610502", "NSRX", "GRP1")).map(DirectoryPayer::id).contains(northstar.id());
        assertThat(northstar.routings()).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("LEARNED"));
        assertThat(d.clp07(northstar.id()).convention()).isEqualTo(Clp07Convention.PAYER_CLAIM_NUMBER);
        db.transactions().read(tx -> {
            assertThat(tx.port(AuditTrail.class).forEntity("payer", String.valueOf(northstar.id())))
                    .anySatisfy(a -> assertThat(a.action()).isEqualTo("PAYER_ROUTING_LEARNED"));
            return null;
        });

        // recon daily: the claims' receivables and the 835's cash are one payer
        List<DailyReconciliation> days = new DailyReconciliationService(db.transactions())
                .days(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 20));
        assertThat(days).isNotEmpty();
        assertThat(days.stream().flatMap(day -> day.payers().stream()).map(DailyReconciliation.PayerDay::payer).distinct())
                .containsExactly(NORTHSTAR);
        DailyReconciliation payDay = days.stream().filter(day -> day.date().equals(LocalDate.of(2025, 3, 14))).findFirst()
                .orElseThrow();
        assertThat(payDay.payers()).singleElement().satisfies(p -> {
            assertThat(p.payments()).isEqualTo(1);
            assertThat(p.rollForward().difference()).isEqualTo(Money.ZERO);
        });

        // the next payment of that PBM agrees on the payer key through the directory
        importRemittance("northstar-2.835", "EFT7002", List.of(line(4, "NS9000004")));
        db.transactions().read(tx -> {
            long payment = tx.port(RemittanceRepository.class).files().stream().flatMap(f -> tx.port(RemittanceRepository.class).paymentsOfFile(f.id()).stream())
                    .filter(p -> p.traceNumber().equals("EFT7002")).findFirst().orElseThrow().id();
            assertThat(tx.port(MatchRepository.class).latestDecisions(payment)).singleElement().satisfies(m ->
                    assertThat(m.checks()).filteredOn(k -> k.key() == MatchKey.PAYER).singleElement()
                            .satisfies(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.AGREED)));
            return null;
        });

        // a person can undo the learned link
        payers.unlinkRouting(northstar.routings().get(0).id(), "routing belongs to another PBM");
        assertThat(payers.directory().forRouting("610502", "NSRX", "GRP1")).isEmpty();
        db.transactions().read(tx -> {
            assertThat(tx.port(Journal.class).since(0, 1000)).extracting(e -> e.type())
                    .contains(PayerDirectoryService.EVENT_ROUTING_UNLINKED);
            return null;
        });
    }

    /** Issue 14: the remittances list and the deposit pairing show the directory's payer, not the N1*PR name. */
    @Test
    void remittancesAndDepositsShowTheDirectorysPayer() throws IOException {
        assertThat(importCsv(HEADER + "Northstar (PBM),1555555555,610502,NSRX,\n").errors()).isEmpty();
        new ClaimImportService(db.transactions(), new ClaimRules(TestDatabases.CLOCK))
                .importCsv("claims.csv", new StringReader(claimsCsv(1)));
        importRemittance("northstar.835", "EFT7101", List.of(line(0, "NS9000000")));

        db.transactions().read(tx -> {
            RemittanceRepository remittances = tx.port(RemittanceRepository.class);
            assertThat(remittances.paymentList()).singleElement()
                    .satisfies(r -> assertThat(r.payerName()).isEqualTo("Northstar (PBM)"));
            assertThat(tx.port(DepositRepository.class).payments()).singleElement()
                    .satisfies(p -> assertThat(p.payerName()).isEqualTo("Northstar (PBM)"));
            // the payment itself keeps the name as sent
            assertThat(remittances.files().stream().flatMap(f -> remittances.paymentsOfFile(f.id()).stream()))
                    .singleElement().satisfies(p -> assertThat(p.payerName()).isEqualTo(NORTHSTAR));
            return null;
        });
    }

    /** Claims of BIN 610502 / PCN NSRX without payer names, one more than the 835 pays (for the second payment). */
    private static String claimsCsv(int n) {
        StringBuilder csv = new StringBuilder("rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,"
                + "person_code,patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
                + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,"
                + "patient_pay_amount,plan_paid_amount,authorization_number\n");
        for (int i = 0; i <= n; i++) {
            csv.append(8100000 + i).append(",1,2025-03-0").append(3 + i % 3).append(",610502,NSRX,GRP1,NS")
                    .append(100000 + i).append(",001,PAT").append((char) ('A' + i)).append(",TEST,1970-01-0")
                    .append(1 + i).append(",12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,AUTH")
                    .append(i).append('\n');
        }
        return csv.toString();
    }

    /** The 835 line of claim {@code i}: CLP07 the PBM's own number, member id the cardholder id. */
    private static ClaimPayment line(int i, String clp07) {
        Money charge = Money.parse("48.25");
        Money paid = Money.parse("21.85");
        Money copay = Money.parse("10.00");
        return RemittanceBuilder.claim((8100000 + i) + "-01", "1", charge, paid, copay, clp07,
                LocalDate.of(2025, 3, 3 + i % 3), "12345067890", new BigDecimal("30"), "NS" + (100000 + i),
                RemittanceBuilder.contractualAndCopay(charge, paid, copay), List.of());
    }

    private void importRemittance(String name, String trace, List<ClaimPayment> lines) throws IOException {
        RemittanceBuilder.Parties parties = new RemittanceBuilder.Parties(NORTHSTAR, "1555555555",
                "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(parties, trace, LocalDate.of(2025, 3, 14),
                    name.hashCode() & 0xffff, lines, List.of())), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }
}
