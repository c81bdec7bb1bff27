package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.kpi.Kpi;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.RemittanceBuilder;

/**
 * {@code rxledger kpi} on a data folder: two generic fills ten days ago, each adjudicated at 21.85 with 10.00 patient
 * pay; the contract pays MAC 0.98765 × 30 + 1.00 − 10.00 = 20.63; ACME's 835 five days later pays the first 15.00.
 */
class KpiCliTest {

    private static final String HEADER = "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,"
            + "patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
            + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,"
            + "plan_paid_amount,authorization_number";

    @TempDir
    Path dir;

    private final LocalDate dos = LocalDate.now().minusDays(10);

    @Test
    void printsThePeriodsFiguresPerPayerAsJsonAndText() throws IOException {
        CliRunner cli = CliRunner.on(dir.resolve("data"));
        Path claims = Files.write(dir.resolve("claims.csv"), List.of(HEADER,
                "7001234,2," + dos + ",999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A1",
                "7001300,1," + dos + ",999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A2"));
        assertThat(cli.exit("claims", "import", claims.toString())).isZero();
        Path directory = Files.write(dir.resolve("payers.csv"), List.of("payer_name,remit_payer_id,bin,pcn,group_id",
                "ACME RX SOLUTIONS,1999999999,999999,TESTPCN,"));
        assertThat(cli.exit("payers", "import", directory.toString())).isZero();
        Path mac = Files.write(dir.resolve("mac.csv"), List.of("mac_list,ndc,unit_price,effective_from,effective_to",
                "ACME-MAC,12345067890,0.98765,2020-01-01,"));
        assertThat(cli.exit("prices", "import", "--kind", "mac", mac.toString())).isZero();
        Path contracts = Files.write(dir.resolve("contracts.csv"), List.of(
                "contract,payer,bin,pcn,group,effective_from,brand_basis,brand_percent,brand_fee,generic_basis,generic_percent,"
                        + "generic_fee,mac_list,lesser_of_uc,transaction_fee,post_adj_fee_percent,post_adj_fee_flat",
                "ACME 2025,ACME RX SOLUTIONS,999999,TESTPCN,,2020-01-01,AWP,-17,1.75,MAC,0,1.00,ACME-MAC,Y,0,0,0"));
        assertThat(cli.exit("contracts", "import", contracts.toString())).isZero();
        assertThat(cli.exit("remit", "import", remittance().toString())).isZero();

        Run run = cli.run("kpi", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode k = run.json();
        assertThat(k.get("to").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(k.get("from").asText()).isEqualTo(LocalDate.now().minusDays(89).toString());
        JsonNode acme = k.get("payers").get(0);
        assertThat(acme.get("payer").asText()).isEqualTo("ACME RX SOLUTIONS");
        // the short-paid claim's receivable was closed by its CO adjustment; the unpaid one's 21.85 is owed
        assertThat(acme.get("receivable").asText()).isEqualTo("21.85");
        assertThat(acme.get("sales").asText()).isEqualTo("43.70");
        // 21.85 ÷ (43.70 ÷ 90 days) = 45.0 days
        assertThat(acme.get("dso").asText()).isEqualTo("45.0");
        assertThat(acme.get("days_to_pay").asText()).isEqualTo("5.0");
        assertThat(acme.get("auto_match_rate").asText()).isEqualTo("100.0");
        assertThat(acme.get("denial_rate").asText()).isEqualTo("0.0");
        // 21.85 adjudicated − 15.00 paid; 20.63 by contract − 15.00 paid
        assertThat(acme.get("short_amount").asText()).isEqualTo("6.85");
        assertThat(acme.get("underpaid_amount").asText()).isEqualTo("5.63");
        assertThat(k.get("collections").get("payer_cash").asText()).isEqualTo("15.00");
        assertThat(k.get("aging")).hasSize(8);

        Run text = cli.run("kpi", "--from", dos.toString(), "--as-of", dos.plusDays(4).toString());
        assertThat(text.exit()).isZero();
        // before the payment: both claims owed, 43.70 over 5 days of 43.70 sales = 5.0 days
        assertThat(text.out()).contains("Figures for " + dos + " to " + dos.plusDays(4))
                .containsPattern("ACME RX SOLUTIONS +43\\.70 +43\\.70 +5\\.0 ");

        Run defs = cli.run("kpi", "--definitions");
        assertThat(defs.out()).contains(Kpi.DSO.label() + ": " + Kpi.DSO.definition());
    }

    private Path remittance() throws IOException {
        Money charge = Money.parse("48.25");
        Money paid = Money.parse("15.00");
        Money copay = Money.parse("10.00");
        Path file = dir.resolve("acme.835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
                    "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789"), "EFT77", dos.plusDays(5), 701,
                    List.of(RemittanceBuilder.claim("7001234-02", "1", charge, paid, copay, "A1", dos, "12345067890",
                            new BigDecimal("30"), "ZQX00012345", RemittanceBuilder.contractualAndCopay(charge, paid, copay),
                            List.of())), List.of())), w);
        }
        return file;
    }
}
