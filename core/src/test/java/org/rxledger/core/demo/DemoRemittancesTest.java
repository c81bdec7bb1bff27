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
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.MatchDecision;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.access.Actor;
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
    void theAgingSummedInTheDatabaseEqualsItsOpenClaimsOneByOne() {
        ReconciliationService service = new ReconciliationService(db.transactions());
        LocalDate asOf = END.plusDays(1);
        Map<String, Money> open = new java.util.TreeMap<>();
        Map<String, Money> credit = new java.util.TreeMap<>();
        Map<String, Integer> openCount = new java.util.TreeMap<>();
        Map<String, Integer> creditCount = new java.util.TreeMap<>();
        service.openClaims(asOf, a -> {
            boolean owedBack = a.claim().balance().isNegative();
            (owedBack ? credit : open).merge(a.claim().payerName(), a.claim().balance(), Money::plus);
            (owedBack ? creditCount : openCount).merge(a.claim().payerName(), 1, Integer::sum);
        });
        List<ReconciliationService.PayerAging> aging = service.aging(asOf);

        assertThat(aging).isNotEmpty();
        assertThat(openCount.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(10);
        for (ReconciliationService.PayerAging p : aging) {
            assertThat(p.total()).as(p.payerName()).isEqualTo(open.getOrDefault(p.payerName(), Money.ZERO));
            assertThat(p.openClaims()).as(p.payerName()).isEqualTo(openCount.getOrDefault(p.payerName(), 0));
            assertThat(p.credits()).as(p.payerName()).isEqualTo(credit.getOrDefault(p.payerName(), Money.ZERO));
            assertThat(p.creditClaims()).as(p.payerName()).isEqualTo(creditCount.getOrDefault(p.payerName(), 0));
        }
        java.util.Set<String> payers = new java.util.TreeSet<>(openCount.keySet());
        payers.addAll(creditCount.keySet());
        assertThat(aging).extracting(ReconciliationService.PayerAging::payerName).containsExactlyInAnyOrderElementsOf(payers);
    }

    @Test
    void everyPaymentIsImportedAndAllButTheForeignClaimAndTheAmbiguousOneMatch() {
        assertThat(summary.files()).isGreaterThan(20);
        assertThat(summary.claims()).isGreaterThan(1000);
        assertThat(summary.matched()).isEqualTo(summary.claims() - 2);
        assertThat(new ReconciliationService(db.transactions()).unmatched())
                .extracting(u -> u.status()).containsExactlyInAnyOrder(MatchStatus.UNMATCHED, MatchStatus.NEEDS_REVIEW);
        assertThat(new ReconciliationService(db.transactions()).unmatched())
                .filteredOn(u -> u.status() == MatchStatus.UNMATCHED).singleElement()
                .satisfies(u -> assertThat(u.patientControlNumber()).isEqualTo("9900001-01"));
    }

    @Test
    void theAmbiguousPaymentWaitsForAPersonWithBothFillsAsCandidates() {
        var line = new ReconciliationService(db.transactions()).unmatched().stream()
                .filter(u -> u.status() == MatchStatus.NEEDS_REVIEW).findFirst().orElseThrow();
        MatchRecord d = new MatchingService(db.transactions()).history(line.remitClaimId()).get(0);
        assertThat(d.verdict()).isEqualTo(MatchDecision.Verdict.AMBIGUOUS);
        assertThat(d.claimId()).isNull();
        assertThat(d.candidates()).hasSize(2);
        assertThat(d.candidates()).extracting(MatchRecord.CandidateSummary::rx).containsOnly(d.candidates().get(0).rx());
        assertThat(d.candidates()).extracting(MatchRecord.CandidateSummary::fill).doesNotHaveDuplicates();
        // not posted automatically: the money waits in unapplied cash
        Money unapplied = db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(LedgerAccount.UNAPPLIED_CASH));
        assertThat(unapplied.negate()).isEqualTo(Money.parse("12.34").plus(line.paid()));
    }

    @Test
    void postedCashIsTheSumOfTheBpr02Amounts() {
        Money cash = db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(LedgerAccount.PAYER_CASH));
        assertThat(cash).isEqualTo(summary.total());
    }

    @Test
    void theExceptionsShowUpInReconciliation() {
        Map<ReconStatus, Integer> counts = new EnumMap<>(ReconStatus.class);
        recon.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        assertThat(counts.get(ReconStatus.UNDERPAID)).isEqualTo(3);
        // CO-16 in both payers' first remittance, and CO-16 with LQ*RX*75 in the first payer's third
        assertThat(counts.get(ReconStatus.DENIED)).isEqualTo(3);
        assertThat(counts.get(ReconStatus.REVERSED)).isEqualTo(1);
        // the claim paid 1.25 more than adjudicated; the claim paid twice is PAID, its second payment taken back
        // by a PLB WO tied to it (net paid, docs/posting.md)
        assertThat(counts.get(ReconStatus.OVERPAID)).isEqualTo(1);
        assertThat(counts.get(ReconStatus.PAID)).isGreaterThan(1000);
        assertThat(counts.get(ReconStatus.UNPAID)).isGreaterThan(0);
    }

    @Test
    void theWoTakebackIsAttributedToTheClaimPaidTwice() {
        // the claim paid twice: its PLB WO takes back one payment, so its net paid is what the plan owed
        List<ReconciliationService.ClaimRecon> recouped = recon.stream().filter(r -> !db.transactions()
                .read(tx -> tx.port(LedgerRepository.class).claimBalance(r.claimId(), LedgerAccount.PLB_RECOUPMENT)).isZero()).toList();
        assertThat(recouped).singleElement().satisfies(r -> {
            Money takenBack = db.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(r.claimId(), LedgerAccount.PLB_RECOUPMENT));
            assertThat(takenBack).isEqualTo(r.expected());
            assertThat(r.paid()).isEqualTo(r.expected());
            assertThat(r.status()).isEqualTo(ReconStatus.PAID);
            assertThat(r.remitLines()).isEqualTo(3); // two payments and the takeback
        });
        Money interest = db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(LedgerAccount.PLB_INTEREST));
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
        assertThat(counts.keySet()).containsExactlyInAnyOrder(ExceptionCategory.values());
    }

    @Test
    void aDemoMadeTodayShowsEveryExceptionCategory() {
        // a demo made as of any day shows the new cases too: they sit in the first payer's first three remittances
        Database today = Database.inMemory("demo-today-" + UUID.randomUUID(), new Actor("tester", "test-ws"),
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));
        try {
            DemoOffice.create(today.transactions(), LocalDate.of(2026, 12, 4), DemoOffice.DEFAULT_SEED);
            DemoRemittances.importAll(today.transactions(), new RemittanceImportService(today.transactions(),
                    dir.resolve("archive-today"), new MatchAndPostStep()), LocalDate.of(2026, 12, 4), dir.resolve("835-today"));
            List<ExceptionItem> items = new ExceptionQueue(today.transactions()).items();
            assertThat(ExceptionQueue.counts(items).keySet()).containsExactlyInAnyOrder(ExceptionCategory.values());
            assertDeniedWithNcpdpFamilyAndReversedWithMoney(items);
        } finally {
            today.close();
        }
    }

    @Test
    void theNcpdpRejectShowsItsFamilyAndTheUnrepaidReversalStillExpectsMoney() {
        assertDeniedWithNcpdpFamilyAndReversedWithMoney(new ExceptionQueue(db.transactions()).items());
    }

    private static void assertDeniedWithNcpdpFamilyAndReversedWithMoney(List<ExceptionItem> items) {
        assertThat(items).filteredOn(i -> i.category() == ExceptionCategory.DENIED)
                .anySatisfy(i -> {
                    assertThat(i.reason()).contains("NCPDP 75").contains("(family PRIOR_AUTH)");
                    assertThat(i.nextStep()).startsWith("Rework NCPDP reject 75");
                });
        assertThat(items).filteredOn(i -> i.category() == ExceptionCategory.REVERSED).singleElement()
                .satisfies(i -> assertThat(i.expected().isGreaterThan(Money.ZERO)).isTrue());
        assertThat(items).filteredOn(i -> i.category() == ExceptionCategory.AMBIGUOUS).singleElement()
                .satisfies(i -> assertThat(i.candidates()).hasSize(2));
    }
}
