package org.rxledger.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import java.util.Map;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingKind;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentStatus;

/** Two workstation H2 databases syncing through a real PostgreSQL (embedded, one server for the class, one database per test). */
class CentralSyncTest {

    private static EmbeddedCentral server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path temp;

    private SyncWorkstation a;
    private SyncWorkstation b;
    private Supplier<CentralJournal> central;
    private String url;

    @BeforeAll
    static void startServer() {
        server = EmbeddedCentral.start(0, null);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void twoWorkstations() {
        url = server.newDatabase("sync_test_" + DATABASES.incrementAndGet());
        CentralSettings settings = new CentralSettings(url, EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
        central = () -> PostgresCentralJournal.connect(settings, "");
        a = new SyncWorkstation("ws-a", "alice", temp);
        b = new SyncWorkstation("ws-b", "bob", temp);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private long centralEvents() {
        try (CentralJournal c = central.get()) {
            return c.eventCount();
        }
    }

    @Test
    void claimsAndAPostedEraReachTheOtherWorkstationOnceWithTheSameBalances() {
        Claim c1 = a.record("7000001");
        Claim c2 = a.record("7000002");
        a.importEra(SyncWorkstation.era(temp.resolve("in"), "era1.835", "EFT100", List.of(c1, c2)));

        SyncReport pushed = a.sync(central).run();
        SyncReport pulled = b.sync(central).run();

        assertThat(pushed.outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
        assertThat(pushed.pushed()).isEqualTo(a.localEvents());
        assertThat(centralEvents()).isEqualTo(a.localEvents());
        assertThat(b.store.attention(10)).isEmpty();
        assertThat(pulled.parked()).isZero();
        assertThat(b.claimCount()).isEqualTo(2);
        assertThat(b.fileCount()).isEqualTo(1);
        assertThat(b.payment("EFT100").status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(b.balance(LedgerAccount.PAYER_CASH)).isEqualTo(a.balance(LedgerAccount.PAYER_CASH));
        assertThat(b.receivable("7000001")).isEqualTo(a.receivable("7000001")).isEqualTo(Money.ZERO);
        assertThat(b.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(a.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));

        // again, both ways: nothing new anywhere, nothing echoed back
        SyncReport again = b.sync(central).run();
        SyncReport againA = a.sync(central).run();
        assertThat(again.pushed()).isZero();
        assertThat(againA.pulled()).isZero();
        assertThat(b.claimCount()).isEqualTo(2);
        assertThat(centralEvents()).isEqualTo(a.localEvents());
        assertThat(b.store.status().waiting()).isZero();
    }

    @Test
    void aCrashBetweenTheCentralCommitAndTheLocalAcknowledgementDoublesNothing() {
        a.record("7000011");
        a.record("7000012");
        AtomicBoolean crash = new AtomicBoolean(true);
        SyncService crashing = a.sync(central, step -> {
            if (step.equals(SyncService.STEP_PUSH_COMMITTED) && crash.getAndSet(false)) {
                throw new IllegalStateException("killed after the central commit");
            }
        });

        assertThatThrownBy(crashing::run).hasMessageContaining("killed");
        assertThat(centralEvents()).isEqualTo(a.localEvents());
        assertThat(a.store.status().waiting()).isEqualTo(a.localEvents());

        SyncReport retry = a.sync(central).run();

        assertThat(retry.pushed()).isEqualTo(a.localEvents());
        assertThat(centralEvents()).isEqualTo(a.localEvents());
        assertThat(a.store.status().waiting()).isZero();
        b.sync(central).run();
        assertThat(b.claimCount()).isEqualTo(2);
    }

    @Test
    void aCrashAfterApplyingAnEraBeforeRecordingItDoublesNothing() {
        Claim c1 = a.record("7000021");
        a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT200", List.of(c1)));
        a.sync(central).run();
        AtomicBoolean crash = new AtomicBoolean(true);

        assertThatThrownBy(() -> b.sync(central, step -> {
            if (step.equals(SyncService.STEP_IMPORT_APPLIED) && crash.getAndSet(false)) {
                throw new IllegalStateException("killed after the import");
            }
        }).run()).hasMessageContaining("killed");
        b.sync(central).run();

        assertThat(b.fileCount()).isEqualTo(1);
        assertThat(b.balance(LedgerAccount.PAYER_CASH)).isEqualTo(a.balance(LedgerAccount.PAYER_CASH));
        assertThat(b.receivable("7000021")).isEqualTo(Money.ZERO);
        assertThat(b.store.pulledCursor()).isPositive();
    }

    @Test
    void theSameEraImportedAtBothWorkstationsWhileApartIsCountedOnce() {
        Claim c1 = a.record("7000031");
        Claim c2 = a.record("7000032");
        a.sync(central).run();
        b.sync(central).run();
        Path era = SyncWorkstation.era(temp.resolve("in"), "same.835", "EFT300", List.of(c1, c2));
        assertThat(a.importEra(era).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(b.importEra(era).status()).isEqualTo(ImportOutcome.Status.IMPORTED);

        a.sync(central).run();
        SyncReport atB = b.sync(central).run();
        SyncReport atA = a.sync(central).run();

        Money once = a.payment("EFT300").amount();
        for (SyncWorkstation ws : List.of(a, b)) {
            assertThat(ws.fileCount()).isEqualTo(1);
            assertThat(ws.balance(LedgerAccount.PAYER_CASH)).isEqualTo(once);
            assertThat(ws.receivable("7000031")).isEqualTo(Money.ZERO);
        }
        assertThat(atB.duplicates()).isPositive();
        assertThat(atA.duplicates()).isPositive();
        assertThat(b.store.attention(10)).anySatisfy(i -> {
            assertThat(i.outcome()).isEqualTo(InboundOutcome.DUPLICATE);
            assertThat(i.reason()).contains("already imported").contains("counted once");
        });
    }

    @Test
    void anUnpostReachesTheOtherWorkstation() {
        Claim c1 = a.record("7000041");
        a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT400", List.of(c1)));
        a.sync(central).run();
        b.sync(central).run();
        assertThat(b.payment("EFT400").status()).isEqualTo(PaymentStatus.POSTED);

        new PostingService(a.db.transactions()).unpost(a.payment("EFT400").id(), "posted to the wrong deposit");
        a.sync(central).run();
        b.sync(central).run();

        assertThat(b.payment("EFT400").status()).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(b.balance(LedgerAccount.PAYER_CASH)).isEqualTo(a.balance(LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);
        assertThat(b.receivable("7000041")).isEqualTo(a.receivable("7000041"));
    }

    @Test
    void offlineWorkWaitsAndCatchesUpOnReconnect() {
        a.record("7000051");
        Supplier<CentralJournal> down = () -> PostgresCentralJournal.connect(new CentralSettings(
                "jdbc:postgresql://localhost:1/rxledger", "postgres", CentralSettings.TlsMode.DISABLE), "");

        SyncReport offline = a.sync(down).run();

        assertThat(offline.outcome()).isEqualTo(SyncReport.Outcome.UNREACHABLE);
        assertThat(offline.message()).contains("cannot be reached").contains("nothing is lost");
        SyncStatus status = a.store.status();
        assertThat(status.online()).isFalse();
        assertThat(status.waiting()).isEqualTo(a.localEvents());
        assertThat(status.lastSync()).isNull();

        a.record("7000052");
        SyncReport back = a.sync(central).run();
        b.sync(central).run();

        assertThat(back.outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
        assertThat(a.store.status().online()).isTrue();
        assertThat(a.store.status().waiting()).isZero();
        assertThat(a.store.status().lastSync()).isNotNull();
        assertThat(b.claimCount()).isEqualTo(2);
    }

    @Test
    void anEventThisVersionCannotApplyIsParkedAndTheEventsBehindItGoOn() {
        new DepositService(a.db.transactions()).record(new NewDeposit(java.time.LocalDate.of(2025, 3, 14),
                Money.parse("100.00"), "EFT900", DepositMethod.ACH, null, null));
        a.record("7000061");
        a.sync(central).run();

        SyncReport atB = b.sync(central).run();

        assertThat(atB.parked()).isEqualTo(1);
        assertThat(b.claimCount()).isEqualTo(1);
        assertThat(b.store.status().parked()).isEqualTo(1);
        assertThat(b.store.attention(10)).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(DepositService.EVENT_RECORDED);
            assertThat(i.outcome()).isEqualTo(InboundOutcome.PARKED);
            assertThat(i.reason()).contains("not applied on other workstations");
            assertThat(i.originName()).isEqualTo("ws-a");
        });
    }

    @Test
    void theSameClaimEnteredAtBothWorkstationsIsOneClaimAndADifferentOneGoesToAPerson() {
        a.record("7000071");
        b.record("7000071");
        a.db.transactions().inTransaction(tx -> org.rxledger.core.claim.ClaimRecorder.record(tx,
                org.rxledger.core.testdata.ClaimBuilder.aPaidClaim(a.office).rx("7000072").planPaid("40.00").build(),
                a.office.payer().id()));
        b.db.transactions().inTransaction(tx -> org.rxledger.core.claim.ClaimRecorder.record(tx,
                org.rxledger.core.testdata.ClaimBuilder.aPaidClaim(b.office).rx("7000072").planPaid("35.00").build(),
                b.office.payer().id()));

        a.sync(central).run();
        b.sync(central).run();
        a.sync(central).run();

        for (SyncWorkstation ws : List.of(a, b)) {
            assertThat(ws.claimCount()).isEqualTo(2);
            assertThat(ws.store.attention(10)).extracting(SyncStore.InboundItem::outcome)
                    .containsExactlyInAnyOrder(InboundOutcome.DUPLICATE, InboundOutcome.PARKED);
        }
        assertThat(b.store.attention(10)).filteredOn(i -> i.outcome() == InboundOutcome.PARKED).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("differs in: Plan paid amount").contains("ws-a by alice")
                        .doesNotContain("40.00"));
        assertThat(b.receivable("7000072")).isEqualTo(Money.parse("35.00"));
    }

    @Test
    void theSamePaymentPostedAtBothWorkstationsWhileApartLeavesOnePostingStandingAndTheLoserReversedWhereItWasMade() {
        Claim c1 = a.record("7000081");
        Claim c2 = a.record("7000082");
        a.sync(central).run();
        b.sync(central).run();
        Path era = SyncWorkstation.era(temp.resolve("in"), "both.835", "EFT800", List.of(c1, c2));
        a.importEra(era);
        b.importEra(era);
        assertThat(a.payment("EFT800").status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(b.payment("EFT800").status()).isEqualTo(PaymentStatus.POSTED);
        String batchA = a.postings("EFT800").get(0).batchId().toString();
        String batchB = b.postings("EFT800").get(0).batchId().toString();
        SyncWorkstation winner = batchA.compareTo(batchB) < 0 ? a : b;
        SyncWorkstation loser = winner == a ? b : a;

        a.sync(central).run();
        b.sync(central).run();
        a.sync(central).run();

        Money once = a.payment("EFT800").amount();
        for (SyncWorkstation ws : List.of(a, b)) {
            assertThat(ws.payment("EFT800").status()).isEqualTo(PaymentStatus.POSTED);
            assertThat(ws.balance(LedgerAccount.PAYER_CASH)).as(ws.name).isEqualTo(once);
            assertThat(ws.receivable("7000081")).isEqualTo(Money.ZERO);
            assertThat(ws.receivable("7000082")).isEqualTo(Money.ZERO);
            assertThat(ws.conflicts()).as(ws.name).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(SyncConflict.Kind.PAYMENT_POSTED_TWICE);
                assertThat(c.subject()).contains("EFT800");
                assertThat(c.here()).contains("posted here by").contains(ws == a ? batchA : batchB);
                assertThat(c.there()).contains(ws == a ? "ws-b" : "ws-a").contains(ws == a ? batchB : batchA);
                assertThat(c.open()).isTrue();
            });
        }
        assertThat(winner.postings("EFT800")).extracting(PostingRepository.PostingRecord::kind)
                .containsExactly(PostingKind.POST);
        assertThat(loser.postings("EFT800")).extracting(PostingRepository.PostingRecord::kind)
                .containsExactly(PostingKind.POST, PostingKind.UNPOST, PostingKind.POST);
        assertThat(loser.postings("EFT800").get(1).reason()).contains("sync conflict").contains(winner.name);
        assertThat(loser.conflicts().get(0).settled()).contains("reversed by batch " + loser.postings("EFT800").get(1).batchId());
        assertThat(winner.conflicts().get(0).settled()).contains("the posting made here stands");
        assertThat(centralEvents()).isEqualTo(a.localEvents() + b.localEvents());

        try (SyncWorkstation c = new SyncWorkstation("ws-c", "carol", temp)) {
            c.sync(central).run();
            assertThat(c.payment("EFT800").status()).isEqualTo(PaymentStatus.POSTED);
            assertThat(c.balance(LedgerAccount.PAYER_CASH)).isEqualTo(once);
            assertThat(c.receivable("7000081")).isEqualTo(Money.ZERO);
        }

        SyncAttention attention = new SyncAttention(loser.db.transactions());
        long seq = attention.conflicts().get(0).seq();
        attention.resolve(seq, "checked with the winner: one deposit of EFT800");
        assertThat(attention.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.open()).isFalse();
            assertThat(c.resolutionNote()).isEqualTo("checked with the winner: one deposit of EFT800");
        });
        assertThatThrownBy(() -> attention.resolve(seq, "again")).hasMessageContaining("already settled");
    }

    @Test
    void aParkedEventCanBeDiscardedWithAReasonAndLeavesTheParkedList() {
        new DepositService(a.db.transactions()).record(new NewDeposit(java.time.LocalDate.of(2025, 3, 14),
                Money.parse("100.00"), "EFT901", DepositMethod.ACH, null, null));
        a.sync(central).run();
        b.sync(central).run();
        SyncAttention attention = new SyncAttention(b.db.transactions());
        assertThat(attention.parked()).singleElement().satisfies(p -> assertThat(p.reason()).contains("not applied"));
        java.util.UUID id = attention.parked().get(0).eventId();

        assertThatThrownBy(() -> attention.discard(id, " ")).hasMessageContaining("reason");
        attention.discard(id, "deposit recorded here by hand");

        assertThat(attention.parked()).isEmpty();
        assertThatThrownBy(() -> attention.discard(id, "twice")).hasMessageContaining("not parked");
        assertThat(new SyncAttention(a.db.transactions()).waiting()).isEmpty();
    }

    @Test
    void pulledClaimsOfOneUserAreAppliedByOneImportEachRecordedOnce() {
        for (int i = 0; i < 5; i++) {
            a.record("700012" + i);
        }
        a.sync(central).run();

        SyncReport pulled = b.sync(central).run();

        assertThat(b.claimCount()).isEqualTo(5);
        assertThat(pulled.applied()).isGreaterThanOrEqualTo(5);
        long imports = b.db.transactions().read(tx -> tx.port(org.rxledger.core.journal.Journal.class)
                .since(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.type().equals(org.rxledger.core.claim.ClaimImportService.EVENT_IMPORTED))
                .filter(e -> e.user().equals(SyncStore.SYNC_USER_PREFIX + "alice")).count());
        assertThat(imports).as("one claims import for the five").isEqualTo(1);
        assertThat(b.store.status().pulled()).isEqualTo(a.localEvents());
        assertThat(b.sync(central).run().pulled()).isZero();
        assertThat(b.claimCount()).isEqualTo(5);
    }

    /** Records {@code type}'s event from the server as an earlier version of RxLedger would have: parked. */
    private RemoteEvent parkedAsByAnEarlierVersion(SyncWorkstation ws, String type) {
        RemoteEvent e;
        try (CentralJournal c = central.get()) {
            e = c.pull(ws.store.workstationId(), 0, 1000).stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
        }
        ws.store.record(e, Inbound.parked(type + " events are not applied on other workstations by this version"));
        return e;
    }

    private List<String> retries(SyncWorkstation ws) {
        return ws.db.jdbi().withHandle(h -> h.createQuery("SELECT tried_by || ' ' || outcome FROM sync_parked_retry ORDER BY seq")
                .mapTo(String.class).list());
    }

    @Test
    void aParkedClaimIsAppliedByARetryOnceAndNeverSentBack() {
        a.record("7000101");
        a.sync(central).run();
        RemoteEvent parked = parkedAsByAnEarlierVersion(b, org.rxledger.core.claim.ClaimRecorder.EVENT_CLAIM_RECORDED);
        b.sync(central).run();
        assertThat(b.claimCount()).isZero();
        SyncAttention attention = new SyncAttention(b.db.transactions());
        assertThat(attention.parked()).singleElement().satisfies(p -> assertThat(p.centralSeq()).isEqualTo(parked.centralSeq()));

        Inbound retried = b.sync(central).retry(parked.centralSeq());

        assertThat(retried.outcome()).isEqualTo(InboundOutcome.APPLIED);
        assertThat(b.claimCount()).isEqualTo(1);
        assertThat(b.receivable("7000101")).isEqualTo(a.receivable("7000101"));
        assertThat(attention.parked()).isEmpty();
        assertThat(b.store.status().parked()).isZero();
        assertThat(b.store.attention(10)).isEmpty();
        assertThat(retries(b)).containsExactly("bob APPLIED");
        assertThatThrownBy(() -> b.sync(central).retry(parked.centralSeq())).hasMessageContaining("not parked here");
        assertThat(b.claimCount()).isEqualTo(1);
        assertThat(b.store.status().waiting()).as("the retry's claim is the sync actor's: never pushed").isZero();
        b.sync(central).run();
        a.sync(central).run();
        assertThat(a.claimCount()).isEqualTo(1);
        assertThat(centralEvents()).isEqualTo(a.localEvents());
    }

    @Test
    void aParkedUnpostIsAppliedByARetryInTheTransactionThatRecordsIt() {
        Claim c1 = a.record("7000111");
        a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT1100", List.of(c1)));
        a.sync(central).run();
        b.sync(central).run();
        new PostingService(a.db.transactions()).unpost(a.payment("EFT1100").id(), "posted to the wrong deposit");
        a.sync(central).run();
        RemoteEvent unpost = parkedAsByAnEarlierVersion(b, org.rxledger.core.posting.RemittancePosting.EVENT_UNPOSTED);
        b.sync(central).run();
        assertThat(b.payment("EFT1100").status()).isEqualTo(PaymentStatus.POSTED);

        assertThat(b.sync(central).retry(unpost.centralSeq()).outcome()).isEqualTo(InboundOutcome.APPLIED);

        assertThat(b.payment("EFT1100").status()).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(b.balance(LedgerAccount.PAYER_CASH)).isEqualTo(a.balance(LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);
        assertThat(b.receivable("7000111")).isEqualTo(a.receivable("7000111"));
        assertThat(new SyncAttention(b.db.transactions()).parked()).isEmpty();
        assertThatThrownBy(() -> b.sync(central).retry(unpost.centralSeq())).hasMessageContaining("not parked here");
        assertThat(b.postings("EFT1100")).hasSize(2);
    }

    @Test
    void aRetryThatStillCannotApplyKeepsTheEventParkedAndAnUnreachableServerChangesNothing() {
        new DepositService(a.db.transactions()).record(new NewDeposit(java.time.LocalDate.of(2025, 3, 14),
                Money.parse("100.00"), "EFT902", DepositMethod.ACH, null, null));
        a.sync(central).run();
        b.sync(central).run();
        SyncAttention attention = new SyncAttention(b.db.transactions());
        long seq = attention.parked().get(0).centralSeq();

        Inbound again = b.sync(central).retry(seq);
        SyncService offline = b.sync(() -> {
            throw new CentralUnreachableException("localhost:1: connection refused", null);
        });

        assertThat(again.outcome()).isEqualTo(InboundOutcome.PARKED);
        assertThat(again.reason()).contains("not applied on other workstations");
        assertThatThrownBy(() -> offline.retry(seq)).isInstanceOf(CentralUnreachableException.class);
        assertThat(retries(b)).containsExactly("bob PARKED");
        assertThat(attention.parked()).singleElement().satisfies(p -> assertThat(p.centralSeq()).isEqualTo(seq));
        assertThat(b.store.status().parked()).isEqualTo(1);
        attention.discard(seq, "deposit recorded here by hand");
        assertThat(attention.parked()).isEmpty();
        assertThatThrownBy(() -> b.sync(central).retry(seq)).hasMessageContaining("not parked here");
    }

    @Test
    void theClaimsFeedIsTakenByWatermarkOneBatchAllOrNothingWithTheClaimsImportErrors() throws Exception {
        Map<ClaimField, String> good1 = a.values(a.claim("7000091"));
        Map<ClaimField, String> good2 = a.values(a.claim("7000092"));
        Map<ClaimField, String> good3 = a.values(a.claim("7000093"));
        Map<ClaimField, String> bad = new java.util.EnumMap<>(a.values(a.claim("7000094")));
        bad.put(ClaimField.QUANTITY, "lots");
        writeFeed("PHARM-001", List.of(good1, good2));
        writeFeed("PHARM-002", List.of(good3, bad));

        SyncReport first = a.sync(central).run();

        assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
        assertThat(a.claimCount()).isEqualTo(2);
        assertThat(first.message()).contains("batch PHARM-001 imported (2 claim(s), 0 already here)")
                .contains("batch PHARM-002 rejected, nothing imported: claims feed batch PHARM-002 line 3, column quantity");
        assertThat(a.store.claimsFeedWatermark()).isEqualTo(4);

        writeFeed("PHARM-003", List.of(good3, good1));
        SyncReport second = a.sync(central).run();
        SyncReport third = a.sync(central).run();

        assertThat(second.message()).contains("batch PHARM-003 imported (1 claim(s), 1 already here)")
                .doesNotContain("PHARM-001").doesNotContain("PHARM-002");
        assertThat(third.message()).doesNotContain("claims feed");
        assertThat(a.claimCount()).isEqualTo(3);
        b.sync(central).run();
        assertThat(b.claimCount()).as("the feed's claims reach b once, through a's journal or b's own feed").isEqualTo(3);
    }

    private void writeFeed(String batch, List<Map<ClaimField, String>> rows) throws java.sql.SQLException {
        StringBuilder columns = new StringBuilder("batch");
        StringBuilder marks = new StringBuilder("?");
        for (ClaimField f : ClaimField.values()) {
            columns.append(", ").append(f.column());
            marks.append(", ?");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, EmbeddedCentral.USER, "")) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO claims_feed (" + columns + ") VALUES (" + marks + ")")) {
                for (Map<ClaimField, String> row : rows) {
                    ps.setString(1, batch);
                    int i = 2;
                    for (ClaimField f : ClaimField.values()) {
                        ps.setString(i++, row.get(f));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
