package org.rxledger.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.ImportedPayment;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceRepository;

/**
 * Three workstations (their own H2) and one central PostgreSQL: each works apart in a random schedule — records the
 * same and different claims, imports the same and different 835s (posted by their import), unposts and posts again,
 * syncs now and then — and then all sync in random orders. Every event is on the server once and every workstation
 * ends with the same claims, the same payment statuses and the same sums per claim and per account, with each
 * payment counted at most once in payer cash.
 *
 * <p>Unposting is drawn only for a workstation's own 835 (one no other workstation imports): the post-and-unpost at
 * one workstation against a post of the same payment at another is the known gap of ADR 0025, listed as a conflict.
 */
class RandomScheduleSyncProperties {

    private static final String[] RX = {"7100001", "7100002", "7100003", "7100004", "7100005", "7100006"};
    /** Shared 835s (any workstation imports them): trace and the claims they pay. */
    private static final String[] SHARED_TRACE = {"EFTS0", "EFTS1"};
    private static final int[][] SHARED_PAYS = {{0, 1}, {2}};
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedCentral server;

    @BeforeContainer
    static void startServer() {
        server = EmbeddedCentral.start(0, null);
    }

    @AfterContainer
    static void stopServer() {
        server.close();
    }

    @Property(tries = 3)
    void everyScheduleConvergesWithEveryEventOnceAndNoPaymentCountedTwice(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path temp = Files.createTempDirectory("rxledger-sync-property");
        CentralSettings settings = new CentralSettings(server.newDatabase("sync_property_" + DATABASES.incrementAndGet()),
                EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
        Supplier<CentralJournal> central = () -> PostgresCentralJournal.connect(settings, "");
        List<SyncWorkstation> all = List.of(new SyncWorkstation("ws-a", "alice", temp),
                new SyncWorkstation("ws-b", "bob", temp), new SyncWorkstation("ws-c", "carol", temp));
        try {
            int steps = 6 + random.nextInt(7);
            for (int s = 0; s < steps; s++) {
                int w = random.nextInt(all.size());
                step(all.get(w), w, random.nextInt(5), random.nextInt(RX.length), central, temp);
            }
            for (int round = 0; round < 2; round++) {
                List<SyncWorkstation> order = new ArrayList<>(all);
                Collections.shuffle(order, new java.util.Random(random.nextLong()));
                for (SyncWorkstation ws : order) {
                    assertThat(ws.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
                }
            }
            assertConverged(all, central);
        } finally {
            all.forEach(SyncWorkstation::close);
        }
    }

    private static void step(SyncWorkstation ws, int index, int kind, int pick, Supplier<CentralJournal> central, Path temp) {
        switch (kind) {
            case 0 -> {
                if (!has(ws, RX[pick])) {
                    ws.record(RX[pick]);
                }
            }
            case 1 -> {
                int era = pick % SHARED_TRACE.length;
                importIfPayable(ws, SHARED_TRACE[era], SHARED_PAYS[era], temp);
            }
            case 2 -> importIfPayable(ws, ownTrace(index), new int[] {3 + index}, temp);
            case 3 -> {
                // unpost, or post again, this workstation's own 835's payment
                if (has(ws, RX[3 + index]) && imported(ws, ownTrace(index))) {
                    ImportedPayment p = ws.payment(ownTrace(index));
                    PostingService posting = new PostingService(ws.db.transactions());
                    if (p.status() == PaymentStatus.POSTED) {
                        posting.unpost(p.id(), "posted to the wrong deposit");
                    } else {
                        posting.post(p.id());
                    }
                }
            }
            default -> assertThat(ws.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
        }
    }

    private static String ownTrace(int index) {
        return "EFTP" + index;
    }

    private static boolean has(SyncWorkstation ws, String rx) {
        return ws.db.transactions().read(tx -> !tx.port(ClaimRepository.class).forRx(rx).isEmpty());
    }

    private static boolean imported(SyncWorkstation ws, String trace) {
        return ws.db.transactions().read(tx -> tx.port(RemittanceRepository.class).files().stream()
                .flatMap(f -> tx.port(RemittanceRepository.class).paymentsOfFile(f.id()).stream())
                .anyMatch(p -> p.traceNumber().equals(trace)));
    }

    /** Imports the 835 under {@code trace} when every claim it pays is on this workstation (else it would not match). */
    private static void importIfPayable(SyncWorkstation ws, String trace, int[] pays, Path temp) {
        List<Claim> claims = new ArrayList<>();
        for (int i : pays) {
            if (!has(ws, RX[i])) {
                return;
            }
            claims.add(ws.claim(RX[i]));
        }
        Path file = temp.resolve("eras").resolve(trace + ".835");
        if (!Files.exists(file)) {
            SyncWorkstation.era(temp.resolve("eras"), trace + ".835", trace, claims);
        }
        try {
            ws.importEra(file);
        } catch (UncheckedIOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertConverged(List<SyncWorkstation> all, Supplier<CentralJournal> central) {
        long local = all.stream().mapToLong(SyncWorkstation::localEvents).sum();
        try (CentralJournal c = central.get()) {
            assertThat(c.eventCount()).as("every workstation's event on the server, once").isEqualTo(local);
        }
        SyncWorkstation first = all.get(0);
        List<String> traces = new ArrayList<>(List.of(SHARED_TRACE));
        for (int i = 0; i < all.size(); i++) {
            traces.add(ownTrace(i));
        }
        for (SyncWorkstation ws : all) {
            assertThat(ws.store.status().parked()).as(ws.name + " parked").isZero();
            assertThat(ws.claimCount()).as(ws.name + " claims").isEqualTo(first.claimCount());
            for (String rx : RX) {
                assertThat(has(ws, rx)).as(ws.name + " has Rx " + rx).isEqualTo(has(first, rx));
                if (has(ws, rx)) {
                    assertThat(ws.receivable(rx)).as(ws.name + " receivable of Rx " + rx).isEqualTo(first.receivable(rx));
                }
            }
            Money postedOnce = Money.ZERO;
            for (String trace : traces) {
                assertThat(imported(ws, trace)).as(ws.name + " has " + trace).isEqualTo(imported(first, trace));
                if (imported(ws, trace)) {
                    ImportedPayment p = ws.payment(trace);
                    assertThat(p.status()).as(ws.name + " status of " + trace).isEqualTo(first.payment(trace).status());
                    if (p.status() == PaymentStatus.POSTED) {
                        postedOnce = postedOnce.plus(p.amount());
                    }
                }
            }
            assertThat(ws.balance(LedgerAccount.PAYER_CASH)).as(ws.name + " payer cash: each posted payment once")
                    .isEqualTo(postedOnce).isEqualTo(first.balance(LedgerAccount.PAYER_CASH));
            assertThat(ws.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE)).as(ws.name + " receivables")
                    .isEqualTo(first.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));
        }
    }
}
