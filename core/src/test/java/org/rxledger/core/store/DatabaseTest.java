package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class DatabaseTest {

    private Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAClaimAndReadsEveryFieldBack() {
        TestOffice office = TestOffice.create(db.transactions());
        Claim claim = ClaimBuilder.aPaidClaim(office).daw("1").build();
        Claim stored = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, claim, office.payer().id()));

        Claim read = db.transactions().read(tx -> tx.port(ClaimRepository.class).find(stored.id())).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("quantity").isEqualTo(stored);
        assertThat(read.quantity()).isEqualByComparingTo("30");
        assertThat(read.status()).isEqualTo(ClaimStatus.PAID);
    }

    @Test
    void recordingAPaidClaimCreatesItsReceivablesJournalEventAndAuditRecordTogether() {
        TestOffice office = TestOffice.create(db.transactions());
        Claim stored = db.transactions().inTransaction(
                tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(), office.payer().id()));

        db.transactions().read(tx -> {
            assertThat(tx.port(LedgerRepository.class).claimBalance(stored.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
            assertThat(tx.port(LedgerRepository.class).claimBalance(stored.id(), LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("10.00"));
            assertThat(tx.port(LedgerRepository.class).claimBalance(stored.id(), LedgerAccount.PRESCRIPTION_SALES)).isEqualTo(Money.parse("-31.85"));
            assertThat(tx.port(Journal.class).since(0, 10)).extracting(e -> e.type()).containsExactly(ClaimRecorder.EVENT_CLAIM_RECORDED);
            assertThat(tx.port(Journal.class).since(0, 10).get(0).user()).isEqualTo("clerk1");
            assertThat(tx.port(AuditTrail.class).forEntity("claim", String.valueOf(stored.id()))).hasSize(1);
            return null;
        });
    }

    @Test
    void patientPayCollectedAtTheCounterGoesToCounterCashNotThePatientAccount() {
        TestOffice office = TestOffice.create(db.transactions());
        Claim stored = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx,
                ClaimBuilder.aPaidClaim(office).collectedAtCounter().build(), office.payer().id()));
        Map<LedgerAccount, Money> balances = db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance());
        assertThat(balances).containsEntry(LedgerAccount.COUNTER_CASH, Money.parse("10.00"))
                .doesNotContainKey(LedgerAccount.PATIENT_RECEIVABLE);
        assertThat(stored.patientPayCollected()).isTrue();
    }

    @Test
    void aRejectedClaimMovesNoMoney() {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> ClaimRecorder.record(tx,
                ClaimBuilder.aPaidClaim(office).rejected("75").build(), office.payer().id()));
        long entries = db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        assertThat(entries).isZero();
    }

    @Test
    void aFailedUseCaseLeavesNoClaimLedgerJournalOrAuditRow() {
        TestOffice office = TestOffice.create(db.transactions());
        assertThatThrownBy(() -> db.transactions().inTransaction(tx -> {
            ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(), office.payer().id());
            throw new IllegalStateException("simulated failure after the writes");
        })).hasMessageContaining("simulated failure");

        db.transactions().read(tx -> {
            assertThat(tx.port(ClaimRepository.class).count()).isZero();
            assertThat(tx.port(LedgerRepository.class).count()).isZero();
            assertThat(tx.port(Journal.class).count()).isZero();
            return null;
        });
    }

    @Test
    void theLedgerJournalAndAuditTrailRefuseUpdatesAndDeletesEvenFromRawSql() {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(), office.payer().id()));

        for (String sql : new String[] {"UPDATE ledger_entry SET amount = 0", "DELETE FROM ledger_entry",
                "DELETE FROM journal_event", "UPDATE audit_record SET action = 'X'"}) {
            assertThatThrownBy(() -> TestOwner.jdbi(db).useHandle(h -> h.execute(sql)))
                    .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("append-only");
        }
        long entries = db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        assertThat(entries).isEqualTo(3);
    }

    @Test
    void aFileDatabaseKeepsItsDataAcrossReopening(@TempDir Path dir) {
        db.close();
        assertThat(Database.existsIn(dir)).isFalse();
        try (Database file = TestDatabases.open(dir)) {
            TestOffice.create(file.transactions());
        }
        assertThat(Database.existsIn(dir)).isTrue();
        try (Database reopened = TestDatabases.open(dir)) {
            java.util.List<org.rxledger.core.reference.Payer> payers = reopened.transactions().read(tx -> tx.port(ReferenceRepository.class).payers());
            assertThat(payers).hasSize(1);
        }
        db = TestDatabases.fresh();
    }
}
