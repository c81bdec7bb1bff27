package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rxledger.core.access.Actor;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

class ClaimRecordsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);
    private static final ClaimKey CLAIM_1 = new ClaimKey("7001234", 2, LocalDate.of(2025, 3, 3), "999999", "TESTPCN");

    /** A fresh store holding the five claims of the import sample. */
    private static Database office() {
        Database db = Database.inMemory("records-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
        new ClaimImportService(db.transactions(), new ClaimRules(CLOCK))
                .importCsv("claims.csv", new StringReader(ClaimImportServiceTest.sample()));
        return db;
    }

    @Test
    void aClaimComesWithItsLedgerEntriesAndItsReversalShowsInThem() {
        try (Database db = office()) {
            Transactions tx = db.transactions();
            ClaimRecords records = new ClaimRecords(tx);
            long id = tx.read(t -> t.port(ClaimRepository.class).findActive(CLAIM_1).orElseThrow().id());
            tx.inTransaction(t -> ClaimReversals.reverse(t, id, LocalDate.of(2025, 3, 9), "return to stock"));

            ClaimRecords.Facts facts = records.facts(id);

            assertThat(facts.claim().id()).isEqualTo(id);
            assertThat(facts.claim().lifecycle()).isEqualTo(Lifecycle.REVERSED);
            assertThat(facts.entries()).extracting(LedgerEntry::entryId)
                    .containsExactlyElementsOf(tx.read(t -> t.port(LedgerRepository.class).forClaim(id)).stream()
                            .map(LedgerEntry::entryId).toList())
                    .hasSize(6);
            assertThat(records.summaries()).extracting(ClaimSummary::id).contains(id).hasSize(5);
        }
    }

    @Test
    void aClaimThatIsGoneIsNotFoundForTheClerk() {
        try (Database db = office()) {
            assertThatThrownBy(() -> new ClaimRecords(db.transactions()).facts(987_654))
                    .isInstanceOf(RxLedgerException.class)
                    .hasMessageContaining("987654 is no longer in the database")
                    .extracting(e -> ((RxLedgerException) e).code()).isEqualTo(RxLedgerException.NOT_FOUND);
        }
    }
}
