package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.access.Role;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.OfficeKeys;

/** {@code rxledger encrypt} and {@code rxledger keys recovery-export} on a clear-text office made by an earlier version. */
class EncryptCliTest {

    private static final String CSV = """
            rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,plan_paid_amount,authorization_number
            7001234,2,2025-03-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,QUIMBLEWORTH,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A25071000001
            7001500,0,2025-03-04,999999,TESTPCN,GRP7781,ZQX00054321,001,BETA,QUIMBLEWORTH,1971-09-02,54321098701,28,28,0,1987654328,308.25,1.75,320.00,310.00,25.00,262.40,A25071000002
            """;
    private static final String PASSWORD = "a long password";

    private final InputStream stdin = System.in;

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private Run as(CliRunner cli, String password, String... args) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 3];
        all[0] = "--user";
        all[1] = "owner";
        all[2] = "--password-stdin";
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.run(all);
    }

    private boolean databaseFileContains(Path data, String text) throws IOException {
        return new String(Files.readAllBytes(data.resolve("rxledger.mv.db")), StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void aClearOfficeIsEncryptedKeepingEveryClaimAndItsRecoveryCodeIsShownOnce() throws IOException {
        Path data = dir.resolve("office");
        CliRunner cli = CliRunner.on(data).as("owner", PASSWORD);
        Path csv = dir.resolve("claims.csv");
        Files.writeString(csv, CSV);
        assertThat(cli.exit("claims", "import", csv.toString())).as(cli.err()).isZero();
        try (AppContext ctx = AppContext.open(data)) {
            ctx.accounts().createFirstAdmin(new AccountService.NewAccount("owner", null, Set.of(Role.ADMIN),
                    PASSWORD.toCharArray()));
        }
        assertThat(databaseFileContains(data, "QUIMBLEWORTH")).as("a clear office").isTrue();

        Run wrong = as(cli, "not the password", "encrypt");
        assertThat(wrong.exit()).isNotZero();
        assertThat(OfficeKeys.isEncrypted(data)).isFalse();

        Run encrypt = as(cli, PASSWORD, "encrypt");
        assertThat(encrypt.exit()).as(encrypt.err()).isZero();
        assertThat(encrypt.out()).contains("is encrypted:").contains("backup-before-encryption-");
        assertThat(OfficeKeys.isEncrypted(data)).isTrue();
        assertThat(databaseFileContains(data, "QUIMBLEWORTH")).isFalse();
        assertThat(databaseFileContains(data, "ZQX00012345")).isFalse();
        long claims = cli.read(ctx -> ctx.transactions().read(tx -> tx.port(ClaimRepository.class).count()));
        assertThat(claims).isEqualTo(2L);

        Run list = as(cli, PASSWORD, "claims", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("7001234").contains("7001500");
        Run noUser = cli.run("claims", "list");
        assertThat(noUser.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(noUser.err()).contains("sign in with --user NAME").contains("encrypted");
        Run badPassword = as(cli, "not the password", "claims", "list");
        assertThat(badPassword.exit()).isNotZero();
        assertThat(badPassword.err()).contains("The account name or the password is not right");

        Run export = as(cli, PASSWORD, "keys", "recovery-export");
        assertThat(export.exit()).as(export.err()).isZero();
        String code = export.out().lines().map(String::strip).filter(l -> l.matches("[0-9-]{40,}")).findFirst().orElseThrow();
        assertThat(new OfficeKeys(data).unlockWithRecoveryCode(code))
                .isEqualTo(new OfficeKeys(data).unlock("owner", PASSWORD.toCharArray()));
        Run again = as(cli, PASSWORD, "keys", "recovery-export");
        assertThat(again.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(again.err()).contains("exported already");

        assertThat(as(cli, PASSWORD, "encrypt").err()).contains("encrypted already");
    }
}
