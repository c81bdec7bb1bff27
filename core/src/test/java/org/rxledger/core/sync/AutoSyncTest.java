package org.rxledger.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;

/** The sync schedule: runs by itself, backs off while the network is cut, and catches up once it is back. */
class AutoSyncTest {

    private static EmbeddedCentral server;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServer() {
        server = EmbeddedCentral.start(0, null);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void retryWaitsDoubleUpToTheCapAndAreJitteredWithinTheUpperHalf() {
        AutoSync.Policy p = new AutoSync.Policy(Duration.ofSeconds(1), Duration.ofSeconds(45), Duration.ofSeconds(5),
                Duration.ofMinutes(5));
        Random random = new Random(7);
        long[] expected = {5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000};
        for (int failures = 1; failures <= expected.length; failures++) {
            for (int i = 0; i < 50; i++) {
                long wait = p.retryAfter(failures, random).toMillis();
                assertThat(wait).as("after %d failures", failures)
                        .isBetween(expected[failures - 1] / 2, expected[failures - 1] - 1);
            }
        }
        List<Long> spread = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            spread.add(p.retryAfter(3, random).toMillis());
        }
        assertThat(spread.stream().distinct().count()).as("jitter spreads workstations that failed together").isGreaterThan(10);
    }

    @Test
    void syncsByItselfBacksOffWhileTheNetworkIsCutAndCatchesUpWhenItIsBack() throws InterruptedException {
        String url = server.newDatabase("auto_sync");
        try (TcpRelay relay = new TcpRelay(server.port());
             SyncWorkstation a = new SyncWorkstation("ws-a", "alice", temp);
             SyncWorkstation b = new SyncWorkstation("ws-b", "bob", temp)) {
            CentralSettings viaRelay = new CentralSettings(relay.through(url), EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
            CentralSettings direct = new CentralSettings(url, EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
            a.record("7000001");
            a.record("7000002");
            relay.cut();

            AutoSync.Policy quick = new AutoSync.Policy(Duration.ofMillis(20), Duration.ofMillis(300),
                    Duration.ofMillis(100), Duration.ofMillis(400));
            BlockingQueue<AutoSync.Outcome> seenByA = new LinkedBlockingQueue<>();
            BlockingQueue<AutoSync.Outcome> seenByB = new LinkedBlockingQueue<>();
            try (AutoSync autoA = new AutoSync(() -> Optional.of(a.sync(() -> PostgresCentralJournal.connect(viaRelay, ""))),
                    quick, new Random(1), seenByA::add);
                 AutoSync autoB = new AutoSync(() -> Optional.of(b.sync(() -> PostgresCentralJournal.connect(direct, ""))),
                         quick, new Random(2), seenByB::add)) {
                autoA.start();
                autoB.start();

                AutoSync.Outcome first = next(seenByA, o -> true);
                AutoSync.Outcome second = next(seenByA, o -> true);
                AutoSync.Outcome third = next(seenByA, o -> true);
                for (AutoSync.Outcome o : List.of(first, second, third)) {
                    assertThat(o.report()).get().extracting(SyncReport::outcome).isEqualTo(SyncReport.Outcome.UNREACHABLE);
                    assertThat(o.status()).get().extracting(SyncStatus::online).isEqualTo(false);
                }
                assertThat(List.of(first.failuresInARow(), second.failuresInARow(), third.failuresInARow())).containsExactly(1, 2, 3);
                assertThat(first.nextIn().toMillis()).isBetween(50L, 99L);
                assertThat(second.nextIn().toMillis()).isBetween(100L, 199L);
                assertThat(third.nextIn().toMillis()).isBetween(200L, 399L);
                assertThat(a.store.pendingCount()).isEqualTo(a.localEvents());

                relay.restore();
                AutoSync.Outcome back = next(seenByA, o -> o.report().map(r -> r.outcome() == SyncReport.Outcome.CAUGHT_UP).orElse(false));
                assertThat(back.failuresInARow()).isZero();
                assertThat(back.nextIn()).isEqualTo(quick.interval());
                assertThat(back.status()).get().extracting(SyncStatus::online, SyncStatus::waiting).containsExactly(true, 0L);

                next(seenByB, o -> b.claimCount() == 2);
                assertThat(b.claimCount()).isEqualTo(2);
                try (CentralJournal c = PostgresCentralJournal.connect(direct, "")) {
                    assertThat(c.eventCount()).isEqualTo(a.localEvents() + b.localEvents());
                }
            }
        }
    }

    private static AutoSync.Outcome next(BlockingQueue<AutoSync.Outcome> outcomes, Predicate<AutoSync.Outcome> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            AutoSync.Outcome o = outcomes.poll(1, TimeUnit.SECONDS);
            if (o != null && o.failure() != null) {
                throw new AssertionError("a scheduled run failed", o.failure());
            }
            if (o != null && wanted.test(o)) {
                return o;
            }
        }
        throw new AssertionError("the schedule did not get there in 30 s");
    }
}
