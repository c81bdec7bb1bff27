package org.rxledger.core.sync;

import org.rxledger.core.journal.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ImportedPayment;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.remit.RemittanceRepository;

/** One workstation for sync tests: its own H2 (real migrations), archive folder and clerk, and the same office set-up. */
final class SyncWorkstation implements AutoCloseable {

    static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS", "1999999999",
            "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");

    final String name;
    final Database db;
    final TestOffice office;
    final Path dir;
    final JdbiSyncStore store;
    final RemittanceImportService imports;

    SyncWorkstation(String name, String clerk, Path parent) {
        this.name = name;
        this.db = Database.inMemory("sync-" + name + "-" + UUID.randomUUID(), new Actor(clerk, name), TestDatabases.CLOCK);
        this.office = TestOffice.create(db.transactions());
        this.dir = parent.resolve(name);
        this.store = new JdbiSyncStore(db);
        this.imports = new RemittanceImportService(db.transactions(), archive(), new MatchAndPostStep());
    }

    Path archive() {
        return RemittanceImportService.archiveDirIn(dir);
    }

    SyncService sync(Supplier<CentralJournal> central) {
        return sync(central, SyncService.Checkpoint.NONE);
    }

    SyncService sync(Supplier<CentralJournal> central, SyncService.Checkpoint checkpoint) {
        return new SyncService(db.transactions(), store, central, archive(), checkpoint);
    }

    /** A paid claim of this office, not recorded. */
    Claim claim(String rx) {
        return ClaimBuilder.aPaidClaim(office).rx(rx).build();
    }

    /** A claim as claims-CSV values, as the claims file and the claims feed carry it. */
    java.util.Map<org.rxledger.core.claim.ClaimField, String> values(Claim c) {
        return org.rxledger.core.claim.ClaimValues.of(c, office.patient(), office.prescriber());
    }

    Claim record(String rx) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx,
                ClaimBuilder.aPaidClaim(office).rx(rx).build(), office.payer().id()));
    }

    /** Writes an 835 paying {@code claims} in full (as adjudicated) under {@code trace}. */
    static Path era(Path folder, String fileName, String trace, List<Claim> claims) {
        List<ClaimPayment> payments = claims.stream().map(c -> RemittanceBuilder.claim(c.rxNumber(), "1",
                c.grossAmountDue(), c.planPaid(), c.patientPay(), c.authorizationNumber(), c.dateOfService(),
                c.ndc(), new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(c.grossAmountDue(), c.planPaid(), c.patientPay()), List.of())).toList();
        Remittance.Transaction payment = RemittanceBuilder.payment(PARTIES, trace, LocalDate.of(2025, 3, 14), 101,
                payments, List.of());
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
                RemittanceBuilder.write(List.of(payment), w);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportOutcome importEra(Path file) {
        return imports.importFile(file, ProgressListener.NONE, () -> false);
    }

    Money balance(LedgerAccount account) {
        return db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(account));
    }

    /** The third-party receivable of the active claim with this Rx number (ids differ between workstations). */
    Money receivable(String rx) {
        return db.transactions().read(tx -> {
            List<Claim> claims = tx.port(ClaimRepository.class).forRx(rx);
            if (claims.size() != 1) {
                throw new AssertionError(name + " has " + claims.size() + " claims for Rx " + rx);
            }
            return tx.port(LedgerRepository.class).claimBalance(claims.get(0).id(), LedgerAccount.THIRD_PARTY_RECEIVABLE);
        });
    }

    long claimCount() {
        return db.transactions().read(tx -> tx.port(ClaimRepository.class).count());
    }

    long fileCount() {
        return db.transactions().read(tx -> (long) tx.port(RemittanceRepository.class).files().size());
    }

    ImportedPayment payment(String trace) {
        return db.transactions().read(tx -> tx.port(RemittanceRepository.class).files().stream()
                .flatMap(f -> tx.port(RemittanceRepository.class).paymentsOfFile(f.id()).stream())
                .filter(p -> p.traceNumber().equals(trace)).findFirst().orElseThrow());
    }

    List<org.rxledger.core.posting.PostingRepository.PostingRecord> postings(String trace) {
        long id = payment(trace).id();
        return db.transactions().read(tx -> tx.port(org.rxledger.core.posting.PostingRepository.class).postings(id));
    }

    List<SyncConflict> conflicts() {
        return new SyncAttention(db.transactions()).conflicts();
    }

    long localEvents() {
        return db.transactions().read(tx -> tx.port(Journal.class).since(0, Integer.MAX_VALUE).stream()
                .filter(e -> !e.user().startsWith(SyncStore.SYNC_USER_PREFIX)).count());
    }

    @Override
    public void close() {
        db.close();
    }
}
