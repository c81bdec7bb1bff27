package org.rxledger.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;

/**
 * Faults in the middle of a sync: the central server stopped during a push and during a pull (and started again
 * on its files), and the network cut by a relay between workstation and server. Each run in between says
 * "unreachable"; the next run converges with nothing lost and nothing doubled.
 */
class CentralFaultsTest {

    /** More events than one push batch ({@link SyncService#BATCH}), so the fault falls between two batches. */
    private static final int CLAIMS = SyncService.BATCH + 20;

    @TempDir
    Path temp;

    private EmbeddedCentral server;

    @Test
    void theServerStoppedDuringAPushAndDuringAPullLosesAndDoublesNothing() {
        Path serverFiles = temp.resolve("central");
        server = EmbeddedCentral.start(0, serverFiles);
        int port = server.port();
        CentralSettings settings = new CentralSettings(server.jdbcUrl(), EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
        Supplier<CentralJournal> central = () -> PostgresCentralJournal.connect(settings, "");
        try (SyncWorkstation a = new SyncWorkstation("ws-a", "alice", temp);
             SyncWorkstation b = new SyncWorkstation("ws-b", "bob", temp)) {
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < CLAIMS; i++) {
                claims.add(a.record(String.valueOf(7100000 + i)));
            }
            a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT700", claims.subList(0, 3)));

            // the server goes down as the second batch is sent: the first stays committed and acknowledged
            SyncReport cut = a.sync(faulty(central, FaultAt.SECOND_PUSH, this::stopServer)).run();
            assertThat(cut.outcome()).isEqualTo(SyncReport.Outcome.UNREACHABLE);
            assertThat(cut.pushed()).isEqualTo(SyncService.BATCH);
            assertThat(a.store.pendingCount()).isEqualTo(a.localEvents() - SyncService.BATCH);

            server = EmbeddedCentral.start(port, serverFiles);
            assertThat(a.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
            assertThat(a.store.pendingCount()).isZero();
            assertThat(eventCount(central)).isEqualTo(a.localEvents());

            // and again as the second page is pulled: what was applied stays applied, once
            SyncReport half = b.sync(faulty(central, FaultAt.SECOND_PULL, this::stopServer)).run();
            assertThat(half.outcome()).isEqualTo(SyncReport.Outcome.UNREACHABLE);
            assertThat(half.pulled()).isEqualTo(SyncService.BATCH);

            server = EmbeddedCentral.start(port, serverFiles);
            assertThat(b.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
            assertConverged(a, b, central);
        } finally {
            server.close();
        }
    }

    @Test
    void aNetworkCutDuringAPushAndAPullConvergesOnceTheNetworkIsBack() {
        server = EmbeddedCentral.start(0, null);
        try (TcpRelay relay = new TcpRelay(server.port());
             SyncWorkstation a = new SyncWorkstation("ws-a", "alice", temp);
             SyncWorkstation b = new SyncWorkstation("ws-b", "bob", temp)) {
            CentralSettings viaRelay = new CentralSettings(relay.through(server.jdbcUrl()), EmbeddedCentral.USER,
                    CentralSettings.TlsMode.DISABLE);
            Supplier<CentralJournal> central = () -> PostgresCentralJournal.connect(viaRelay, "");
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < CLAIMS; i++) {
                claims.add(a.record(String.valueOf(7200000 + i)));
            }
            a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT710", claims.subList(0, 3)));

            assertThat(a.sync(faulty(central, FaultAt.SECOND_PUSH, relay::cut)).run().outcome())
                    .isEqualTo(SyncReport.Outcome.UNREACHABLE);
            assertThat(a.sync(central).run().outcome()).as("still cut").isEqualTo(SyncReport.Outcome.UNREACHABLE);
            relay.restore();
            assertThat(a.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);

            assertThat(b.sync(faulty(central, FaultAt.SECOND_PULL, relay::cut)).run().outcome())
                    .isEqualTo(SyncReport.Outcome.UNREACHABLE);
            relay.restore();
            assertThat(b.sync(central).run().outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
            assertConverged(a, b, central);
        } finally {
            server.close();
        }
    }

    private void assertConverged(SyncWorkstation a, SyncWorkstation b, Supplier<CentralJournal> central) {
        assertThat(b.claimCount()).isEqualTo(a.claimCount()).isEqualTo(CLAIMS);
        assertThat(b.fileCount()).isEqualTo(1);
        assertThat(b.balance(LedgerAccount.PAYER_CASH)).isEqualTo(a.balance(LedgerAccount.PAYER_CASH))
                .isNotEqualTo(Money.ZERO);
        assertThat(b.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(a.balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));
        assertThat(eventCount(central)).isEqualTo(a.localEvents() + b.localEvents());
        assertThat(b.store.status().pulled()).as("each of a's events seen once at b").isEqualTo(a.localEvents());
        assertThat(b.store.pendingCount()).isZero();
    }

    private void stopServer() {
        server.close();
    }

    private static long eventCount(Supplier<CentralJournal> central) {
        try (CentralJournal c = central.get()) {
            return c.eventCount();
        }
    }

    private enum FaultAt { SECOND_PUSH, SECOND_PULL }

    /** The real central journal, with {@code fault} run just before the second push or pull of the run reaches it. */
    private static Supplier<CentralJournal> faulty(Supplier<CentralJournal> real, FaultAt at, Runnable fault) {
        return () -> {
            CentralJournal c = real.get();
            AtomicInteger pushes = new AtomicInteger();
            AtomicInteger pulls = new AtomicInteger();
            return new CentralJournal() {
                @Override
                public void push(UUID workstation, String name, List<OutboundEvent> batch, Map<String, byte[]> blobs) {
                    if (at == FaultAt.SECOND_PUSH && pushes.incrementAndGet() == 2) {
                        fault.run();
                    }
                    c.push(workstation, name, batch, blobs);
                }

                @Override
                public List<RemoteEvent> pull(UUID workstation, long after, int limit) {
                    if (at == FaultAt.SECOND_PULL && pulls.incrementAndGet() == 2) {
                        fault.run();
                    }
                    return c.pull(workstation, after, limit);
                }

                @Override
                public Optional<RemoteEvent> event(long centralSeq) {
                    return c.event(centralSeq);
                }

                @Override
                public Optional<byte[]> blob(String sha256) {
                    return c.blob(sha256);
                }

                @Override
                public List<FeedRow> claimsFeedBatch(long afterSeq) {
                    return c.claimsFeedBatch(afterSeq);
                }

                @Override
                public long eventCount() {
                    return c.eventCount();
                }

                @Override
                public void close() {
                    c.close();
                }
            };
        };
    }
}
