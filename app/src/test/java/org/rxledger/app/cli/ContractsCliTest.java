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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.RemittanceBuilder;

/**
 * {@code rxledger contracts|prices|recon underpaid} end to end on a data folder. Two generic fills of 30 units ten days
 * ago (patient pay 10.00); the contract pays MAC × qty + 1.00 on generics, MAC 0.98765: 0.98765 × 30 + 1.00 − 10.00 =
 * 20.6295 → 20.63 expected; the plan paid the first 15.00.
 */
class ContractsCliTest {

    private static final String HEADER = "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,"
            + "patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
            + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,"
            + "plan_paid_amount,authorization_number";

    @TempDir
    Path dir;

    private CliRunner cli;
    private final LocalDate dos = LocalDate.now().minusDays(10);

    @BeforeEach
    void office() throws IOException {
        cli = CliRunner.on(dir.resolve("data"));
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
        assertThat(cli.out()).contains("contracts.csv: 1 contract version(s) added, 0 already known.");
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

    @Test
    void anUnderpaidClaimIsListedWithItsFormulaAndShortfall() throws IOException {
        assertThat(cli.exit("remit", "import", remittance().toString())).isZero();

        Run underpaid = cli.run("recon", "underpaid", "--json", "--from", dos.minusDays(1).toString(), "--to", dos.toString());

        assertThat(underpaid.exit()).isZero();
        JsonNode json = underpaid.json();
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("rx").asText()).isEqualTo("7001234");
        assertThat(json.get(0).get("expected").asText()).isEqualTo("20.63");
        assertThat(json.get(0).get("paid").asText()).isEqualTo("15.00");
        assertThat(json.get(0).get("shortfall").asText()).isEqualTo("5.63");
        assertThat(json.get(0).get("formula").asText()).isEqualTo("MAC × qty + 1.00");
        assertThat(cli.exit("recon", "underpaid", "--to", dos.minusDays(1).toString())).isZero();
        assertThat(cli.out()).contains("0 underpaid claim(s)");
    }

    @Test
    void theMacAppealOfAClaimIsAPdfWithItsShortfallAndADisclosureToThePayer() throws IOException {
        Path invoices = Files.write(dir.resolve("invoices.csv"), List.of("ndc,invoice_date,quantity,cost",
                "12345067890," + dos.minusDays(30) + ",100,150.00"));
        assertThat(cli.exit("prices", "import", "--kind", "invoice", invoices.toString())).isZero();
        assertThat(cli.exit("remit", "import", remittance().toString())).isZero();
        Path pdf = dir.resolve("appeal.pdf");

        assertThat(cli.exit("contracts", "mac-appeal", "--rx", "7001234", "--fill", "2", "--out", pdf.toString())).isZero();

        // MAC 0.98765 × 30 = 29.6295 → 29.63; invoice 150.00 / 100 × 30 = 45.00; 45.00 − 29.63 = 15.37
        assertThat(cli.out()).contains("Rx 7001234 fill 2, MAC 29.63 against invoice cost 45.00, shortfall 15.37.");
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Maximum allowable cost (MAC) appeal", "ACME RX SOLUTIONS", "7001234", "$0.98765",
                "$29.63", "$45.00", "$15.37").doesNotContain("TESTPATIENT", "ALPHA", "ZQX00012345");
        JsonNode disclosures = cli.run("disclosures", "--json").json();
        assertThat(disclosures).hasSize(1);
        assertThat(disclosures.get(0).get("recipient").asText()).isEqualTo("ACME RX SOLUTIONS");
        assertThat(cli.exit("contracts", "mac-appeal", "--rx", "7009999", "--fill", "1", "--out", pdf.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("No claim for Rx 7009999 fill 1");
    }

    @Test
    void aMacUpdateRaisesANoticeThatIsAcknowledgedOnce() throws IOException {
        Path update = Files.write(dir.resolve("mac-update.csv"), List.of("mac_list,ndc,unit_price,effective_from,effective_to",
                "ACME-MAC,12345067890,0.90000," + LocalDate.now().plusDays(7) + ","));

        assertThat(cli.exit("prices", "import", "--kind", "MAC", update.toString())).isZero();

        // per claim 0.90000 × 30 + 1.00 − 10.00 = 18.00 instead of 20.63: 2.63 less, on both fills
        String out = cli.out();
        assertThat(out).contains("mac-update.csv: 1 MAC row(s) added, 0 already known.")
                .contains("1 NDC price(s) moved (1 lower, 0 higher), 0 NDC(s) added.")
                .contains("this MAC update would have paid 5.26 less on 2 claim(s).");
        Matcher m = Pattern.compile("Notice (\\d+): MAC list").matcher(out);
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        assertThat(cli.exit("contracts", "acknowledge", id)).isZero();
        assertThat(cli.exit("contracts", "notices")).isZero();
        assertThat(cli.out()).doesNotContain("Notice " + id + ":").contains("Notice 1: MAC list ACME-MAC (mac.csv)");
        assertThat(cli.exit("contracts", "acknowledge", id)).isEqualTo(1);
        assertThat(cli.err()).contains("was acknowledged by");
    }

    @Test
    void anUnknownKindOrABadFileIsRefused() throws IOException {
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("ndc,invoice_date,quantity,cost", "12345067890,2025-02-30,10,1.00"));

        assertThat(cli.exit("prices", "import", "--kind", "retail", bad.toString())).isEqualTo(2);
        assertThat(cli.exit("prices", "import", "--kind", "invoice", bad.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("bad.csv line 2, column invoice_date: Expected a date YYYY-MM-DD; found '2025-02-30'")
                .contains("Nothing was written");
    }
}
