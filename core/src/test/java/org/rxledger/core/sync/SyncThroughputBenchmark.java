package org.rxledger.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.claim.Claim;

/**
 * Sync throughput (docs/benchmarks.md): one workstation pushes N claims and an 835 paying 100 of them, another
 * pulls and applies them; also the bare page reads of the pull without applying. Opt-in:
 * {@code ./mvnw -B -o -pl core test -Dtest=SyncThroughputBenchmark -Drxledger.bench=true [-Drxledger.bench.events=N]}.
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
class SyncThroughputBenchmark {

    @TempDir
    Path temp;

    @Test
    void pushAndPull() {
        int n = Integer.getInteger("rxledger.bench.events", 2_000);
        try (EmbeddedCentral server = EmbeddedCentral.start(0, null);
             SyncWorkstation a = new SyncWorkstation("ws-a", "alice", temp);
             SyncWorkstation b = new SyncWorkstation("ws-b", "bob", temp)) {
            CentralSettings settings = new CentralSettings(server.jdbcUrl(), EmbeddedCentral.USER, CentralSettings.TlsMode.DISABLE);
            Supplier<CentralJournal> central = () -> PostgresCentralJournal.connect(settings, "");
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                claims.add(a.record(String.valueOf(7300000 + i)));
            }
            a.importEra(SyncWorkstation.era(temp.resolve("in"), "era.835", "EFT730", claims.subList(0, Math.min(100, n))));
            b.sync(central).run(); // b's own office events up first, so b's timed run only pulls

            long t0 = System.nanoTime();
            SyncReport pushed = a.sync(central).run();
            double pushSeconds = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            long read = 0;
            try (CentralJournal c = central.get()) {
                UUID someone = UUID.randomUUID();
                long after = 0;
                for (List<RemoteEvent> page; !(page = c.pull(someone, after, SyncService.BATCH)).isEmpty(); ) {
                    read += page.size();
                    after = page.get(page.size() - 1).centralSeq();
                }
            }
            double readSeconds = (System.nanoTime() - t1) / 1e9;

            long t2 = System.nanoTime();
            SyncReport pulled = b.sync(central).run();
            double pullSeconds = (System.nanoTime() - t2) / 1e9;

            assertThat(pushed.outcome()).isEqualTo(SyncReport.Outcome.CAUGHT_UP);
            assertThat(pulled.pulled()).isEqualTo(pushed.pushed());
            assertThat(b.claimCount()).isEqualTo(n);
            System.out.printf(Locale.ROOT, "sync bench: push %d events in %.1f s = %.0f events/s%n", pushed.pushed(),
                    pushSeconds, pushed.pushed() / pushSeconds);
            System.out.printf(Locale.ROOT, "sync bench: pull pages only %d events in %.1f s = %.0f events/s%n", read,
                    readSeconds, read / readSeconds);
            System.out.printf(Locale.ROOT, "sync bench: pull and apply %d events (%d applied, %d skipped) in %.1f s = %.0f events/s%n",
                    pulled.pulled(), pulled.applied(), pulled.skipped(), pullSeconds, pulled.pulled() / pullSeconds);
        }
    }
}
