package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.Offices;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.reference.ReferenceRepository;

/** {@code rxledger init}: a new office headless, the password from standard input. */
class InitCliTest {

    private final InputStream stdin = System.in;

    @TempDir
    Path data;

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private Run init(String password, String... more) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        String[] base = {"init", "--office", "Maple Street Pharmacy", "--npi", "1234567893", "--ncpdp", "0312345",
                "--admin", "owner", "--admin-name", "Pat Owner", "--state", "IL", "--password-stdin"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.on(data).run(args);
    }

    @Test
    void setsUpTheOfficeAndItsAdministratorThenRefusesASecondTime() {
        Run first = init("a long password");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Office Maple Street Pharmacy (NPI 1234567893, NCPDP 0312345) set up in")
                .contains("administrator 'owner' can sign in")
                .contains("The office's database is encrypted").contains("Recovery code of this office");
        try (AppContext ctx = Offices.open(data, "owner", "a long password")) {
            assertThat(ctx.transactions().read(tx -> tx.port(ReferenceRepository.class).pharmacy()).orElseThrow().name())
                    .isEqualTo("Maple Street Pharmacy");
            assertThat(ctx.accounts().list()).singleElement().satisfies(a -> assertThat(a.displayName()).isEqualTo("Pat Owner"));
        }
        System.setIn(new ByteArrayInputStream("a long password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(CliRunner.on(data).run("--user", "owner", "--password-stdin", "accounts", "list").out())
                .contains("owner").contains("admin");

        Run second = init("a long password");
        assertThat(second.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(second.err()).contains("already holds an office; nothing was changed");
    }

    @Test
    void aBadNpiIsRefusedBeforeAnythingIsWritten() {
        Run run = CliRunner.on(data).run("init", "--office", "X", "--npi", "1234567890", "--ncpdp", "0312345",
                "--admin", "owner", "--password-stdin");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(run.err()).contains("NPI '1234567890' fails the check digit");
        assertThat(data.resolve("rxledger.mv.db")).doesNotExist();
    }

    @Test
    void aShortPasswordIsRefusedAndTheFolderStaysEmpty() {
        Run run = init("short");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(run.err()).contains("at least 8 characters");
        try (AppContext ctx = AppContext.open(data)) {
            assertThat(ctx.accounts().anyAccount()).isFalse();
        }
    }
}
