package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.claim.ClaimRepository;

/**
 * Issue 23 item 9: a second process on the data folder (here a second open of the folder in this JVM, which
 * the folder lock treats like another process) waits, or says who holds the folder with exit code 5 — and a
 * valid file is never called rejected because of it. A {@code --data} that is a file is a one-line usage error.
 */
class DataFolderCliTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path data;

    @TempDir
    Path files;

    /** core's claims-sample.csv (five claims) copied into {@code dir}. */
    static Path claimsSample(Path dir) throws IOException {
        try (InputStream in = DataFolderCliTest.class.getResourceAsStream("/org/rxledger/core/claim/claims-sample.csv")) {
            return Files.write(dir.resolve("claims-sample.csv"), in.readAllBytes());
        }
    }

    @Test
    void aBusyFolderExitsFiveWithJsonNamingTheHolderAndImportsNothing() throws IOException {
        Run run;
        try (AppContext holder = AppContext.open(data)) {
            run = CliRunner.on(data).run("claims", "import", "--json", "--wait", "0", claimsSample(files).toString());
        }

        assertThat(run.exit()).isEqualTo(Cli.EXIT_BUSY);
        JsonNode json = run.json();
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("error").asText()).isEqualTo("busy");
        assertThat(json.get("exit_code").asInt()).isEqualTo(5);
        assertThat(json.get("message").asText()).contains("is in use by process " + PID);
        assertThat(run.err()).contains("rxledger: The data folder " + data).contains("process " + PID)
                .doesNotContain("rejected").doesNotContain("90020").doesNotContain("Exception");
        long claims = CliRunner.on(data).read(ctx -> ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count()));
        assertThat(claims).isZero();

        Run again = CliRunner.on(data).run("claims", "import", "--json", claimsSample(files).toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.json().get("status").asText()).isEqualTo("imported");
    }

    @Test
    void aCommandWaitsWithANoticeUntilTheHolderClosesAndThenImportsTheFile() throws Exception {
        Path sample = files.resolve("acme.835");
        Files.copy(SampleFiles.sample835(), sample);
        AppContext holder = AppContext.open(data);
        CompletableFuture<Void> release = CompletableFuture.runAsync(holder::close,
                CompletableFuture.delayedExecutor(800, TimeUnit.MILLISECONDS));

        Run run = CliRunner.on(data).run("remit", "import", "--json", sample.toString(), "--wait", "20");

        release.get(20, TimeUnit.SECONDS);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("rxledger: waiting for the data folder " + data + " held by process " + PID + " (RxLedger, since ")
                .contains("up to 20 s");
        assertThat(run.json().get("files").get(0).get("status").asText()).isEqualTo("imported");
    }

    @Test
    void aDataOptionNamingAFileIsAOneLineUsageError() throws IOException {
        Path file = Files.writeString(files.resolve("not-a-folder"), "x");

        Run run = CliRunner.on(file).run("claims", "list", "--json");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err().strip()).isEqualTo("rxledger: the data folder " + file
                + " is a file, not a folder: give --data a folder (it is created when missing)");
        assertThat(run.json().get("error").asText()).isEqualTo("usage");
    }

    @Test
    void aNegativeWaitIsAUsageError() {
        Run run = CliRunner.on(data).run("claims", "list", "--wait", "-1");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("--wait -1");
    }
}
