package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimRepository;

class BenchCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err), data -> {
            throw new AssertionError("a command must not open the window");
        });
    }

    @Test
    void generateOfficeAddsTheClaimsAndTheirPaymentsToANewDemoOfficeAndRefusesAnOfficeThatExists() {
        String end = LocalDate.now().minusDays(1).toString();
        assertThat(run("--data", dir.toString(), "bench", "generate-office", "--claims", "400", "--days", "28",
                "--seed", "3", "--end", end)).isZero();
        assertThat(out.toString()).startsWith("Demo office created in ").contains("Generated 400 claims in 4 weekly files");
        long claims;
        try (AppContext ctx = AppContext.open(dir)) {
            claims = ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count());
        }
        assertThat(claims).isBetween(2_900L, 3_900L);

        assertThat(run("--data", dir.toString(), "bench", "generate-office", "--claims", "10")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(err.toString()).contains("already holds an office");
        assertThat(run("--data", dir.resolve("other").toString(), "bench", "generate-office", "--claims", "0"))
                .isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString()).contains("at least 1");
    }
}
