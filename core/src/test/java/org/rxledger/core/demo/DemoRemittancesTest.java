package org.rxledger.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.security.Actor;
import org.rxledger.core.store.Database;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRemittancesTest {

    private static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private Database db;
    private DemoRemittances.Summary summary;
    private List<ReconciliationService.ClaimRecon> recon;

    @BeforeAll
    void importDemoRemittances() {
        db = Database.inMemory("demo-remit-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
        DemoOffice.create(db.transactions(), END, DemoOffice.DEFAULT_SEED);
        RemittanceImportService imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"),
                new MatchAndPostStep());
        summary = DemoRemittances.importAll(db.transactions(), imports, END.plusDays(1), dir.resolve("835"));
        recon = new ReconciliationService(db.transactions()).claims();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void everyPaymentIsImportedAndAllButTheForeignClaimMatch() {
        assertThat(summary.files()).isGreaterThan(20);
        assertThat(summary.claims()).isGreaterThan(1000);
        assertThat(summary.matched()).isEqualTo(summary.claims() - 1);
        assertThat(new ReconciliationService(db.transactions()).unmatched()).singleElement()
                .satisfies(u -> assertThat(u.patientControlNumber()).isEqualTo("9900001-01"));
    }

    @Test
    void postedCashIsTheSumOfTheBpr02Amounts() {
        Money cash = db.transactions().read(tx -> tx.ledger().balance(LedgerAccount.PAYER_CASH));
        assertThat(cash).isEqualTo(summary.total());
    }

    @Test
    void theExceptionsShowUpInReconciliation() {
        Map<ReconStatus, Integer> counts = new EnumMap<>(ReconStatus.class);
        recon.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        assertThat(counts.get(ReconStatus.UNDERPAID)).isEqualTo(3);
        assertThat(counts.get(ReconStatus.DENIED)).isEqualTo(2);
        assertThat(counts.get(ReconStatus.REVERSED)).isEqualTo(1);
        // the claim paid twice and the claim paid 1.25 more than adjudicated
        assertThat(counts.get(ReconStatus.OVERPAID)).isEqualTo(2);
        assertThat(counts.get(ReconStatus.PAID)).isGreaterThan(1000);
        assertThat(counts.get(ReconStatus.UNPAID)).isGreaterThan(0);
    }

    @Test
    void theWoTakebackIsAttributedToTheClaimPaidTwice() {
        List<Long> overpaid = recon.stream().filter(r -> r.status() == ReconStatus.OVERPAID).map(r -> r.claimId()).toList();
        assertThat(overpaid).anySatisfy(id -> {
            Money recouped = db.transactions().read(tx -> tx.ledger().claimBalance(id, LedgerAccount.PLB_RECOUPMENT));
            Money planPaid = db.transactions().read(tx -> tx.claims().find(id).orElseThrow().planPaid());
            assertThat(recouped).isEqualTo(planPaid);
        });
        Money interest = db.transactions().read(tx -> tx.ledger().balance(LedgerAccount.PLB_INTEREST));
        assertThat(interest).isEqualTo(Money.parse("-3.17"));
    }

    @Test
    void theExceptionQueueShowsTheDemoCategories() {
        Map<org.rxledger.core.exceptions.ExceptionCategory, Integer> counts =
                org.rxledger.core.exceptions.ExceptionQueue.counts(new org.rxledger.core.exceptions.ExceptionQueue(db.transactions()).items());
        assertThat(counts.keySet()).contains(org.rxledger.core.exceptions.ExceptionCategory.UNMATCHED,
                org.rxledger.core.exceptions.ExceptionCategory.SHORT_PAID, org.rxledger.core.exceptions.ExceptionCategory.DENIED,
                org.rxledger.core.exceptions.ExceptionCategory.PAID_TWICE, org.rxledger.core.exceptions.ExceptionCategory.OVER_PAID,
                org.rxledger.core.exceptions.ExceptionCategory.PATIENT_PAY,
                org.rxledger.core.exceptions.ExceptionCategory.PLB_UNATTRIBUTED);
    }
}
