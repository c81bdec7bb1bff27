package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimRepository;

class DemoCliTest {

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
    void demoFillsAnEmptyDataDirectoryOnceAndRefusesASecondTime() {
        assertThat(run("--data", dir.toString(), "demo")).isZero();
        assertThat(out.toString()).startsWith("Demo office created in ").contains(" claims (")
                .containsPattern("Contracts: \\d versions, MAC list of \\d+ NDCs");

        long claims;
        try (AppContext ctx = AppContext.open(dir)) {
            claims = ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count());
        }
        assertThat(claims).isBetween(2_500L, 3_500L);
        assertThat(out.toString()).contains("Demo accounts (password 'demo'): demo-clerk, demo-supervisor, demo-manager,"
                + " demo-auditor, demo-admin.");
        assertThat(run("--data", dir.toString(), "accounts", "list")).isZero();
        assertThat(out.toString()).contains("demo-clerk").contains("clerk").contains("demo-admin").contains("5 accounts");
        try (AppContext ctx = AppContext.open(dir)) {
            // the stated demo password signs in, with the role the name says
            assertThat(ctx.accounts().signIn("demo-supervisor", "demo".toCharArray(), "ws").roles())
                    .containsExactly(org.rxledger.core.access.Role.SUPERVISOR);
        }

        assertThat(run("--data", dir.toString(), "demo")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(err.toString()).contains("already holds an office");
        try (AppContext ctx = AppContext.open(dir)) {
            long after = ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            assertThat(after).isEqualTo(claims);
        }
    }

    @Test
    void noCommandOpensTheWorkstationOnTheChosenDataDirectory() {
        Path[] opened = new Path[1];
        int code = Cli.run(new String[] {"--data", dir.toString()}, new PrintWriter(out), new PrintWriter(err), data -> {
            opened[0] = data;
            return 0;
        });
        assertThat(code).isZero();
        assertThat(opened[0]).isEqualTo(dir);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("--data", dir.toString(), "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void rolesPrintsThePermissionMatrixWithoutOpeningADataFolder() {
        assertThat(run("--data", dir.resolve("never-created").toString(), "roles")).isZero();

        assertThat(out.toString()).contains("billing-manager").contains("import-service").containsPattern("unpost +- +yes");
        assertThat(dir.resolve("never-created")).doesNotExist();
    }
}
