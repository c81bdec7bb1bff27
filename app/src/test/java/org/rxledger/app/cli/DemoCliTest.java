package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.Offices;
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

    private static byte[] readAllBytes(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void demoFillsAnEmptyDataDirectoryOnceAndRefusesASecondTime() {
        assertThat(run("--data", dir.toString(), "demo")).isZero();
        assertThat(out.toString()).startsWith("Demo office created in ").contains(" claims (")
                .containsPattern("Contracts: \\d versions, MAC list of \\d+ NDCs");

        long claims;
        java.util.List<String> phi;
        try (AppContext ctx = Offices.openDemo(dir)) {
            claims = ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            phi = ctx.database().jdbi().withHandle(h -> h.createQuery("SELECT last_name FROM patient UNION "
                    + "SELECT cardholder_id FROM claim").mapTo(String.class).list());
        }
        // the demo office is encrypted: no patient name or cardholder id of it is in the file in clear
        assertThat(dir.resolve("rxledger.keys")).exists();
        assertThat(phi).hasSizeGreaterThan(100);
        String file = new String(readAllBytes(dir.resolve("rxledger.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(phi).filteredOn(value -> value.length() >= 6).isNotEmpty().noneMatch(file::contains);
        assertThat(claims).isBetween(2_500L, 3_500L);
        assertThat(out.toString()).contains("Demo accounts (password 'demo'): demo-clerk, demo-supervisor, demo-manager,"
                + " demo-auditor, demo-admin.");
        assertThat(run("--data", dir.toString(), "accounts", "list")).isZero();
        assertThat(out.toString()).contains("demo-clerk").contains("clerk").contains("demo-admin").contains("5 accounts");
        try (AppContext ctx = Offices.openDemo(dir)) {
            // the stated demo password signs in, with the role the name says
            assertThat(ctx.accounts().signIn("demo-supervisor", "demo".toCharArray(), "ws").roles())
                    .containsExactly(org.rxledger.core.access.Role.SUPERVISOR);
        }

        assertThat(run("--data", dir.toString(), "demo")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(err.toString()).contains("already holds an office");
        try (AppContext ctx = Offices.openDemo(dir)) {
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
