package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.Offices;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.security.AuditTrail;

/** Issue 16: commands sign in (--user, RXLEDGER_USER/RXLEDGER_PASSWORD, --password-stdin) and use cases refuse by role. */
class CliSignInTest {

    private static final String OWNER_PASSWORD = "a long password";
    private final InputStream stdin = System.in;
    private final UnaryOperator<String> environment = CliSignIn.environment;

    @TempDir
    Path data;

    private CliRunner cli;

    @BeforeEach
    void anOfficeWithAnAdministratorAndAReadOnlyAccount() {
        cli = CliRunner.on(data).as("owner", OWNER_PASSWORD);
        stdin(OWNER_PASSWORD);
        Run init = cli.run("init", "--office", "Maple Street Pharmacy", "--npi", "1234567893", "--ncpdp", "0312345",
                "--admin", "owner", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
        try (AppContext ctx = Offices.open(data, "owner", OWNER_PASSWORD)) {
            Session owner = ctx.accounts().signIn("owner", OWNER_PASSWORD.toCharArray(), "ws-test");
            ctx.accounts().create(owner, new AccountService.NewAccount("robin", "Robin Reader", Set.of(Role.READ_ONLY),
                    "robin's password".toCharArray()));
        }
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        CliSignIn.environment = environment;
    }

    private List<Deposit> deposits() {
        return cli.read(ctx -> ctx.transactions().read(tx -> tx.port(DepositRepository.class).all()));
    }

    private void stdin(String line) {
        System.setIn(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOfficeWithAccountsRefusesACommandWithoutAUser() {
        Run run = cli.run("claims", "list");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("this office has accounts: sign in with --user NAME (or RXLEDGER_USER)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void thePasswordComesFromStandardInputAndTheTrailNamesThePerson() {
        stdin(OWNER_PASSWORD);
        Run run = cli.run("--user", "owner", "--password-stdin", "deposits", "add", "--date", "2025-03-14",
                "--amount", "206.82", "--trace", "EFT0314A77");

        assertThat(run.exit()).as(run.err()).isZero();
        List<AuditRecord> trail = cli.read(ctx -> ctx.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("account", "owner")));
        assertThat(trail).extracting(AuditRecord::action).contains("SIGN_IN");
        assertThat(deposits()).singleElement().satisfies(d -> assertThat(d.enteredBy()).isEqualTo("owner"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        stdin("not the password");
        Run run = cli.run("--user", "owner", "--password-stdin", "claims", "list");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(run.err()).contains("The account name or the password is not right");
    }

    @Test
    void scriptsSignInThroughTheEnvironmentAndAReadOnlyAccountCannotRecordADeposit() {
        CliSignIn.environment = Map.of("RXLEDGER_USER", "robin", "RXLEDGER_PASSWORD", "robin's password")::get;

        assertThat(cli.exit("claims", "list")).as(cli.err()).isZero();
        Run add = cli.run("deposits", "add", "--date", "2025-03-14", "--amount", "206.82", "--trace", "EFT0314A77");

        assertThat(add.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(add.err()).contains("robin may not record a deposit")
                .contains("'deposit-record'").contains("Nothing was changed");
        assertThat(deposits()).isEmpty();
        Run verify = cli.run("audit-trail", "verify");
        assertThat(verify.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(verify.err()).contains("'audit-trail-verify'");
    }

    @Test
    void aReadOnlyAccountListsClaimsWithMaskedIdentifiersAndTheAdministratorInFull() throws java.io.IOException {
        stdin(OWNER_PASSWORD);
        Run load = cli.run("--user", "owner", "--password-stdin", "claims", "import",
                org.rxledger.app.testdata.SampleFiles.claimsSample().toString());
        assertThat(load.exit()).as(load.err()).isZero();

        stdin(OWNER_PASSWORD);
        com.fasterxml.jackson.databind.JsonNode full = cli.run("--user", "owner", "--password-stdin", "claims", "list", "--json").json();
        CliSignIn.environment = Map.of("RXLEDGER_USER", "robin", "RXLEDGER_PASSWORD", "robin's password")::get;
        Run masked = cli.run("claims", "list", "--json");

        assertThat(masked.exit()).as(masked.err()).isZero();
        assertThat(masked.json()).hasSameSizeAs(full).isNotEmpty();
        for (int i = 0; i < full.size(); i++) {
            String id = full.get(i).get("cardholder_id").asText();
            assertThat(id).doesNotContain("•");
            assertThat(masked.json().get(i).get("cardholder_id").asText()).isEqualTo("•••••" + id.substring(id.length() - 4));
            assertThat(masked.json().get(i).get("date_of_birth").asText())
                    .isEqualTo(full.get(i).get("date_of_birth").asText().substring(0, 4) + "-••-••");
        }
        assertThat(masked.out()).doesNotContain(full.get(0).get("cardholder_id").asText());
    }

    @Test
    void theAdministratorSetsTheOfficesLockTimeAndAReadOnlyAccountCannot() {
        stdin(OWNER_PASSWORD);
        Run set = cli.run("--user", "owner", "--password-stdin", "office", "lock-after", "5");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("lock after 5 idle minutes");

        CliSignIn.environment = Map.of("RXLEDGER_USER", "robin", "RXLEDGER_PASSWORD", "robin's password")::get;
        Run refused = cli.run("office", "lock-after", "60");
        assertThat(refused.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(refused.err()).contains("'settings-edit'");
        assertThat(cli.run("office", "lock-after").out()).contains("lock after 5 idle minutes");
    }
}
