package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RemittanceRepository;

class SyncCliTest {

    @TempDir
    Path dir;

    private void importSample(Path data) {
        try (AppContext ctx = AppContext.open(data)) {
            ImportOutcome o = ctx.remittanceImports().importFile(SampleFiles.sample835(), ProgressListener.NONE, () -> false);
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        }
    }

    private static long files(Path data) {
        try (AppContext ctx = AppContext.open(data)) {
            return ctx.transactions().read(tx -> tx.port(RemittanceRepository.class).files().size());
        }
    }

    @Test
    void worksOfflineThenCatchesUpAndTheOtherWorkstationReceivesTheEra() throws Exception {
        CliRunner first = CliRunner.on(dir.resolve("first"));
        CliRunner second = CliRunner.on(dir.resolve("second"));
        assertThat(first.exit("sync", "run")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(first.err()).contains("not connected to a central server").contains("rxledger sync connect");

        importSample(dir.resolve("first"));
        assertThat(first.exit("sync", "connect", "--url", "jdbc:postgresql://localhost:1/rxledger", "--db-user", "postgres",
                "--tls", "DISABLE")).isZero();
        assertThat(first.out()).contains("not reachable now");

        CliRunner.Run offline = first.run("sync", "run", "--json");
        assertThat(offline.exit()).isEqualTo(Cli.EXIT_CENTRAL_UNREACHABLE);
        assertThat(offline.json().get("status").asText()).isEqualTo("unreachable");
        JsonNode waiting = first.run("sync", "status", "--json").json();
        assertThat(waiting.get("online").asBoolean()).isFalse();
        assertThat(waiting.get("waiting").asLong()).isPositive();
        assertThat(waiting.get("last_sync").isNull()).isTrue();

        try (EmbeddedCentral central = EmbeddedCentral.start(0, dir.resolve("central"))) {
            for (CliRunner ws : new CliRunner[] {first, second}) {
                assertThat(ws.exit("sync", "connect", "--url", central.jdbcUrl(), "--db-user", EmbeddedCentral.USER,
                        "--tls", "DISABLE")).isZero();
                assertThat(ws.out()).contains("reachable");
            }
            CliRunner.Run pushed = first.run("sync", "run", "--json");
            CliRunner.Run pulled = second.run("sync", "run", "--json");

            assertThat(pushed.exit()).isZero();
            assertThat(pushed.json().get("pushed").asInt()).isEqualTo(waiting.get("waiting").asInt());
            assertThat(pulled.exit()).isZero();
            assertThat(pulled.json().get("pulled").asInt()).isPositive();
            assertThat(pulled.json().get("parked").asInt()).isZero();
        }
        JsonNode caughtUp = first.run("sync", "status", "--json").json();
        assertThat(caughtUp.get("online").asBoolean()).isTrue();
        assertThat(caughtUp.get("waiting").asLong()).isZero();
        assertThat(caughtUp.get("last_sync").asText()).isNotBlank();
        assertThat(files(dir.resolve("second"))).isEqualTo(1);
        assertThat(second.exit("sync", "conflicts", "--json")).isZero();
        assertThat(second.run("sync", "conflicts", "--json").json()).isEmpty();
    }

    @Test
    void aParkedEventIsListedRetriedAndDiscardedByNumber() throws Exception {
        CliRunner first = CliRunner.on(dir.resolve("first"));
        CliRunner second = CliRunner.on(dir.resolve("second"));
        try (AppContext ctx = AppContext.open(dir.resolve("first"))) {
            new DepositService(ctx.transactions()).record(new NewDeposit(java.time.LocalDate.of(2025, 3, 14),
                    Money.parse("100.00"), "EFT900", DepositMethod.ACH, null, null));
        }
        assertThat(second.exit("sync", "retry", "--id", "1")).isEqualTo(Cli.EXIT_USAGE);
        long id;
        try (EmbeddedCentral central = EmbeddedCentral.start(0, dir.resolve("central"))) {
            for (CliRunner ws : new CliRunner[] {first, second}) {
                assertThat(ws.exit("sync", "connect", "--url", central.jdbcUrl(), "--db-user", EmbeddedCentral.USER,
                        "--tls", "DISABLE")).isZero();
                assertThat(ws.exit("sync", "run")).isZero();
            }
            JsonNode parked = second.run("sync", "parked", "--json").json();
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).get("type").asText()).isEqualTo(DepositService.EVENT_RECORDED);
            assertThat(parked.get(0).get("reason").asText()).contains("not applied on other workstations");
            id = parked.get(0).get("id").asLong();

            assertThat(second.exit("sync", "retry")).isEqualTo(Cli.EXIT_USAGE);
            CliRunner.Run retried = second.run("sync", "retry", "--id", String.valueOf(id), "--json");
            assertThat(retried.exit()).as("this version still does not apply deposits").isEqualTo(Cli.EXIT_REJECTED);
            assertThat(retried.json().get(0).get("outcome").asText()).isEqualTo("parked");
            assertThat(second.exit("sync", "retry", "--all")).isEqualTo(Cli.EXIT_REJECTED);
            assertThat(second.out()).contains("event " + id + ": still parked").contains("1 retried");
        }
        assertThat(second.exit("sync", "retry", "--id", String.valueOf(id))).isEqualTo(Cli.EXIT_CENTRAL_UNREACHABLE);
        assertThat(second.err()).contains("cannot be reached").contains("nothing was changed");

        assertThat(second.exit("sync", "discard", "--id", String.valueOf(id), "--reason", "deposit recorded here by hand"))
                .isZero();
        assertThat(second.run("sync", "parked", "--json").json()).isEmpty();
        assertThat(second.exit("sync", "discard", "--id", String.valueOf(id), "--reason", "again")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(second.err()).contains("is not parked here");
        assertThat(second.run("sync", "status", "--json").json().get("parked").asLong()).isZero();
    }
}
