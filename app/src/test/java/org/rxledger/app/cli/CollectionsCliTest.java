package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.demo.DemoAccounts;

/** {@code rxledger patient-accounts …} and {@code rxledger writeoffs …} end to end on a data folder (issue 18). */
class CollectionsCliTest {

    private static final String HEADER = "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,"
            + "patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
            + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,"
            + "plan_paid_amount,authorization_number,patient_paid_at_pos";
    private static final String ROW = "7001234,2,2025-03-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,"
            + "1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,3.40,0.00,A25071000001,";

    private final InputStream stdin = System.in;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void office() throws Exception {
        cli = CliRunner.on(dir.resolve("data"));
        cli.read(ctx -> {
            DemoAccounts.create(ctx.accounts());
            return null;
        });
        Path csv = Files.write(dir.resolve("claims.csv"), List.of(HEADER, ROW + "0"));
        // an office with accounts: every command signs in (issue 16)
        assertThat(as("demo-clerk", "claims", "import", csv.toString()).exit()).isZero();
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private Run as(String user, String... args) {
        System.setIn(new ByteArrayInputStream("demo\n".getBytes(StandardCharsets.UTF_8)));
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--user";
        all[args.length + 1] = user;
        all[args.length + 2] = "--password-stdin";
        return cli.run(all);
    }

    @Test
    void aSmallBalanceIsRecommendedAfterTwoStatementsAndApprovedBySomeoneElse() throws Exception {
        Run list = as("demo-clerk", "patient-accounts", "list", "--json", "--as-of", "2025-03-20");
        assertThat(list.exit()).isZero();
        JsonNode account = list.json().get(0);
        assertThat(account.get("balance").asText()).isEqualTo("3.40");
        assertThat(account.get("aging").get("0-30").asText()).isEqualTo("3.40");
        String key = account.get("account").asText();

        assertThat(as("demo-clerk", "patient-accounts", "statements", "--date", "2025-04-01").exit()).isZero();
        assertThat(as("demo-clerk", "patient-accounts", "statements", "--date", "2025-05-01").exit()).isZero();
        Run recommended = as("demo-clerk", "writeoffs", "recommend", "--as-of", "2025-05-02", "--json");
        assertThat(recommended.exit()).isZero();
        JsonNode w = recommended.json().get(0);
        assertThat(w.get("id").isIntegralNumber()).isTrue();
        assertThat(w.get("scope").asText()).isEqualTo("patient");
        assertThat(w.get("account").asText()).isEqualTo(key);
        assertThat(w.get("rx").isNull() && w.get("fill").isNull() && w.get("payer").isNull()).as("claim fields").isTrue();
        assertThat(w.get("amount").asText()).isEqualTo("3.40");
        assertThat(w.get("kind").asText()).isEqualTo("SMALL_BALANCE");
        assertThat(w.get("tier").asText()).isEqualTo("clerk");
        assertThat(w.get("explanation").asText()).contains("after 2 statements");
        String id = w.get("id").asText();

        Run own = as("demo-clerk", "writeoffs", "approve", "--id", id);
        assertThat(own.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(own.err()).contains("another person must approve it");

        Run approved = as("demo-supervisor", "writeoffs", "approve", "--id", id, "--json");
        assertThat(approved.exit()).isZero();
        assertThat(approved.json().get(0).get("status").asText()).isEqualTo("approved");
        assertThat(approved.json().get(0).get("decided_by").asText()).isEqualTo("demo-supervisor");
        assertThat(as("demo-clerk", "patient-accounts", "list", "--json").json()).isEmpty();
    }

    @Test
    void aClaimNothingWasRemittedOnIsRecommendedAsNeverPaidWithItsRxFillAndPayer() throws Exception {
        Path csv = Files.write(dir.resolve("owed.csv"), List.of(HEADER, ROW.replace("7001234,2,", "7001235,0,")
                .replace("3.40,0.00,A25071000001,", "3.40,44.85,A25071000002,3.40")));
        assertThat(as("demo-clerk", "claims", "import", csv.toString()).exit()).isZero();
        assertThat(as("demo-clerk", "writeoffs", "recommend", "--as-of", "2025-08-29", "--json").json()).isEmpty();

        Run recommended = as("demo-clerk", "writeoffs", "recommend", "--as-of", "2025-08-30", "--json");

        assertThat(recommended.exit()).isZero();
        JsonNode w = recommended.json().get(0);
        assertThat(w.get("id").isIntegralNumber()).isTrue();
        assertThat(w.get("scope").asText()).isEqualTo("claim");
        assertThat(w.get("kind").asText()).isEqualTo("NEVER_PAID");
        assertThat(w.get("rx").asText()).isEqualTo("7001235");
        assertThat(w.get("fill").asInt()).isZero();
        assertThat(w.get("payer").asText()).isNotBlank();
        assertThat(w.get("account").isNull()).isTrue();
        assertThat(w.get("amount").asText()).isEqualTo("44.85");
        assertThat(w.get("tier").asText()).isEqualTo("supervisor");
        assertThat(w.get("explanation").asText()).contains("never paid", "180 days");
    }

    @Test
    void aPaymentNamesItsPersonAndACardNumberIsRefused() throws Exception {
        String key = as("demo-clerk", "patient-accounts", "list", "--json").json().get(0).get("account").asText();

        Run card = as("demo-clerk", "patient-accounts", "pay", "--account", key, "--amount", "1.00", "--method", "card",
                "--reference", "4111111111111111");
        assertThat(card.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(card.err()).contains("looks like a card number");

        Run paid = as("demo-clerk", "patient-accounts", "pay", "--account", key, "--amount", "1.00", "--method", "card",
                "--reference", "tok_81f2", "--json");
        assertThat(paid.exit()).isZero();
        assertThat(paid.json().get("applied").get("7001234-02").asText()).isEqualTo("1.00");
        Run shown = as("demo-clerk", "patient-accounts", "show", "--account", key, "--json");
        assertThat(shown.json().get("balance").asText()).isEqualTo("2.40");
        assertThat(shown.json().get("activity").get(1).get("by").asText()).isEqualTo("demo-clerk");

        Run wrongPassword = cli.run("patient-accounts", "hold", "--account", key, "--kind", "dispute", "--user", "demo-clerk",
                "--password-stdin");
        assertThat(wrongPassword.exit()).isNotZero();
    }

    @Test
    void theIssuesNamesListBalancesAndPrintAStatementRunIntoOnePdf() throws Exception {
        Run balances = as("demo-clerk", "patients", "balances", "--json", "--as-of", "2025-03-20");
        assertThat(balances.exit()).isZero();
        assertThat(balances.json().get(0).get("balance").asText()).isEqualTo("3.40");

        Path pdf = dir.resolve("out").resolve("statements.pdf");
        Run run = as("demo-clerk", "statements", "run", "--date", "2025-04-01", "--out", pdf.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("1 statement for 2025-04-01", "1 page");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("STATEMENT", "7001234-02", "$3.40");
        }
        Run shown = as("demo-clerk", "patients", "show", "--account",
                balances.json().get(0).get("account").asText(), "--json");
        assertThat(shown.json().get("statements_sent").asInt()).isEqualTo(1);

        Run again = as("demo-clerk", "statements", "run", "--date", "2025-04-02", "--out", pdf.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 statements for 2025-04-02");
    }

    @Test
    void aPaymentPlanIsListedWithItsMissedFlagAndAManagerRefersAnAccountIntoACsv() throws Exception {
        String key = as("demo-clerk", "patients", "balances", "--json").json().get(0).get("account").asText();

        assertThat(as("demo-clerk", "patient-accounts", "plan", "--account", key, "--amount", "1.00", "--day", "5",
                "--date", "2025-03-10").exit()).isZero();
        Run plans = as("demo-clerk", "patient-accounts", "plans", "--json", "--as-of", "2025-04-06");
        assertThat(plans.exit()).isZero();
        assertThat(plans.json().get(0).get("account").asText()).isEqualTo(key);
        assertThat(plans.json().get(0).get("due").asText()).isEqualTo("1.00");
        assertThat(plans.json().get(0).get("missed").asBoolean()).isTrue();
        assertThat(as("demo-clerk", "patient-accounts", "plan", "--account", key, "--end", "--date", "2025-04-07").exit())
                .isZero();

        Path csv = dir.resolve("agency").resolve("referrals.csv");
        Run clerk = as("demo-clerk", "patient-accounts", "refer", "--account", key, "--agency", "Acme Recovery", "--out",
                csv.toString(), "--date", "2025-06-01");
        assertThat(clerk.exit()).isNotZero();
        Run manager = as("demo-manager", "patient-accounts", "refer", "--account", key, "--agency", "Acme Recovery", "--out",
                csv.toString(), "--date", "2025-06-01");
        assertThat(manager.exit()).isZero();
        assertThat(manager.out()).contains("Referred 1 account(s) to Acme Recovery, 3.40 in all");
        assertThat(Files.readAllLines(csv)).hasSize(2).last().asString()
                .startsWith(key + ",\"TESTPATIENT, ALPHA\",3.40,2025-03-03,0,,,2025-06-01,Acme Recovery");
    }
}
