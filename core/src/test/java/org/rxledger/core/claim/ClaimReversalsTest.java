package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

class ClaimReversalsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);
    private static final ClaimKey CLAIM_1 = new ClaimKey("7001234", 2, LocalDate.of(2025, 3, 3), "999999", "TESTPCN");

    private final Database db = Database.inMemory("reversal-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
    private final Transactions tx = db.transactions();

    @BeforeEach
    void importSample() {
        new ClaimImportService(tx, new ClaimRules(CLOCK)).importCsv("claims.csv", new StringReader(ClaimImportServiceTest.sample()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long claim1Id() {
        return tx.read(t -> t.port(ClaimRepository.class).findActive(CLAIM_1).orElseThrow().id());
    }

    @Test
    void reversingAPaidClaimNetsItsReceivablesToZeroAndMarksItReversed() {
        long id = claim1Id();

        Claim reversed = tx.inTransaction(t -> ClaimReversals.reverse(t, id, LocalDate.of(2025, 3, 9), "return to stock"));

        assertThat(reversed.lifecycle()).isEqualTo(Lifecycle.REVERSED);
        assertThat(reversed.status()).isEqualTo(ClaimStatus.REVERSED);
        tx.read(t -> {
            for (LedgerAccount account : LedgerAccount.values()) {
                assertThat(t.port(LedgerRepository.class).claimBalance(id, account)).as(account.name()).isEqualTo(Money.ZERO);
            }
            // the original entries stay; three reversing entries are added (append-only ledger)
            assertThat(t.port(LedgerRepository.class).forClaim(id)).hasSize(6)
                    .filteredOn(e -> e.reversesEntryId() != null).hasSize(3)
                    .allSatisfy(e -> assertThat(e.sourceType()).isEqualTo(ClaimPostings.SOURCE_CLAIM_REVERSAL));
            assertThat(t.port(ClaimRepository.class).findActive(CLAIM_1)).isEmpty();
            assertThat(t.port(AuditTrail.class).forEntity("claim", String.valueOf(id))).extracting(r -> r.action()).contains("CLAIM_REVERSED");
            assertThat(t.port(Journal.class).since(0, 100)).extracting(e -> e.type()).contains(ClaimReversals.EVENT_CLAIM_REVERSED);
            // third-party A/R is the other four claims only
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("339.00"));
            return null;
        });
    }

    @Test
    void refusesToReverseAClaimTwice() {
        long id = claim1Id();
        tx.inTransaction(t -> ClaimReversals.reverse(t, id, LocalDate.of(2025, 3, 9), "billing error"));
        long ledgerBefore = tx.read(t -> t.port(LedgerRepository.class).count());

        assertThatThrownBy(() -> tx.inTransaction(t -> ClaimReversals.reverse(t, id, LocalDate.of(2025, 3, 9), "again")))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("already reversed");
        long ledgerAfter = tx.read(t -> t.port(LedgerRepository.class).count());
        assertThat(ledgerAfter).isEqualTo(ledgerBefore);
    }

    @Test
    void reimportAfterReversalRecordsTheClaimAgain() {
        long id = claim1Id();
        tx.inTransaction(t -> ClaimReversals.reverse(t, id, LocalDate.of(2025, 3, 9), "wrong payer"));

        ClaimImportResult again = new ClaimImportService(tx, new ClaimRules(CLOCK))
                .importCsv("claims.csv", new StringReader(ClaimImportServiceTest.sample()));

        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.skippedDuplicates()).isEqualTo(4);
    }
}
