package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;

/** {@code rxledger mfp …} end to end on a data folder: the MTF 835 and the price list are core's samples. */
class MfpCliTest {

    private static final String HEADER = "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,"
            + "patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
            + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,"
            + "plan_paid_amount,authorization_number";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void office() throws IOException {
        cli = CliRunner.on(dir.resolve("data"));
        Path claims = Files.write(dir.resolve("claims.csv"), List.of(HEADER,
                "7001234,2,2026-02-02,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A26020200001",
                "7001300,1,2026-02-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A26020300001",
                "7001400,0,2026-02-04,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A26020400001"));
        assertThat(cli.exit("claims", "import", claims.toString())).isZero();
        Path directory = Files.write(dir.resolve("payers.csv"), List.of("payer_name,remit_payer_id,bin,pcn,group_id",
                "ACME RX SOLUTIONS,1999999999,999999,TESTPCN,", "MEDICARE TRANSACTION FACILITATOR,1900000024,,,"));
        assertThat(cli.exit("payers", "import", directory.toString())).isZero();
        assertThat(cli.exit("mfp", "part-d", "--bin", "999999", "--pcn", "TESTPCN", "--reason", "PDP")).isZero();
        assertThat(cli.exit("mfp", "mtf", "--payer", "medicare transaction facilitator", "--reason", "MTF payment module"))
                .isZero();
        assertThat(cli.exit("mfp", "setup")).isZero();
        assertThat(cli.out()).contains("BIN 999999 PCN TESTPCN — PDP").contains("MEDICARE TRANSACTION FACILITATOR — MTF payment module");
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/rxledger/core/mfp/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void pricesAreImportedOnceAndListed() throws IOException {
        Path prices = resource("mfp-prices-sample.csv");

        assertThat(cli.exit("mfp", "prices", "import", prices.toString())).isZero();
        assertThat(cli.out()).contains("mfp-prices-sample.csv: 3 price version(s) added, 0 already known.");
        assertThat(cli.exit("mfp", "prices", "import", prices.toString())).isZero();
        assertThat(cli.out()).contains("0 price version(s) added, 3 already known.");

        Run list = cli.run("mfp", "prices", "list", "--json");
        assertThat(list.exit()).isZero();
        assertThat(list.json()).hasSize(3);
        assertThat(list.json().get(0).get("wac_per_unit").asText()).isEqualTo("12.34567");
    }

    @Test
    void aBadPriceFileExitsOneNamingLineAndColumnAndStoresNothing() throws IOException {
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer",
                "12345067890,0.50000,12.34567,2026-01-01,,FICTIONAL PHARMA INC", "12345067890,abc,12.34567,2026-07-01,,X"));

        assertThat(cli.exit("mfp", "prices", "import", bad.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("bad.csv line 3, column mfp_per_unit: Expected a price per unit")
                .contains("Nothing was written");
        assertThat(cli.run("mfp", "prices", "list", "--json").json()).isEmpty();
    }

    @Test
    void theMtfRemittanceShowsPaidShortAndMissingRefundsAndAShortOneIsDisputed() throws IOException {
        assertThat(cli.exit("mfp", "prices", "import", resource("mfp-prices-sample.csv").toString())).isZero();
        assertThat(cli.exit("remit", "import", resource("mtf-refunds.835").toString())).isZero();

        Run refunds = cli.run("mfp", "refunds", "--json", "--as-of", "2026-03-01");

        assertThat(refunds.exit()).isZero();
        JsonNode json = refunds.json();
        assertThat(json.get("recorded_now").asInt()).isEqualTo(2);
        Map<String, JsonNode> byRx = new HashMap<>();
        json.get("refunds").forEach(r -> byRx.put(r.get("rx").asText() + "-" + r.get("fill").asInt(), r));
        assertThat(byRx).containsOnlyKeys("7001234-2", "7001300-1", "7001400-0");
        assertThat(byRx.get("7001234-2").get("state").asText()).isEqualTo("paid");
        assertThat(byRx.get("7001234-2").get("expected").asText()).isEqualTo("355.37");
        assertThat(byRx.get("7001234-2").get("due").asText()).isEqualTo("2026-02-16");
        assertThat(byRx.get("7001300-1").get("state").asText()).isEqualTo("short");
        assertThat(byRx.get("7001300-1").get("shortfall").asText()).isEqualTo("55.37");
        assertThat(byRx.get("7001400-0").get("state").asText()).isEqualTo("missing");
        // the plan's side is untouched: the MTF's claim payments matched no claim
        Run payments = cli.run("remit", "list", "--json");
        assertThat(payments.json().findValues("matched")).isNotEmpty().allSatisfy(m -> assertThat(m.asInt()).isZero());

        Run shortOnes = cli.run("mfp", "refunds", "--status", "short", "--as-of", "2026-03-01");
        assertThat(shortOnes.out()).contains("7001300-01").doesNotContain("7001234-02").contains("1 refund(s)");

        assertThat(cli.exit("mfp", "dispute", "open", "--rx", "7001300", "--fill", "1", "--reason", "short paid",
                "--as-of", "2026-03-01")).isZero();
        assertThat(cli.out()).contains("Dispute 1 opened for Rx 7001300 fill 1 (short, short 55.37).");
        assertThat(cli.exit("mfp", "dispute", "submit", "--id", "1")).isZero();
        assertThat(cli.exit("mfp", "refunds", "--status", "disputed", "--as-of", "2026-03-01")).isZero();
        assertThat(cli.out()).contains("7001300-01").contains("#1 submitted");
        assertThat(cli.exit("mfp", "dispute", "open", "--rx", "7001234", "--fill", "2", "--reason", "x",
                "--as-of", "2026-03-01")).isEqualTo(1);
        assertThat(cli.err()).contains("Only a short or missing refund can be disputed; this one is paid");

        Path csv = dir.resolve("open.csv");
        assertThat(cli.exit("mfp", "export", "--out", csv.toString(), "--as-of", "2026-03-01")).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly(
                "rx,fill,date_of_service,ndc,quantity,manufacturer,expected,received,shortfall,state,due,dispute,dispute_status",
                "7001300,1,2026-02-03,12345067890,30,FICTIONAL PHARMA INC,355.37,300.00,55.37,short,2026-02-17,1,submitted",
                "7001400,0,2026-02-04,12345067890,30,FICTIONAL PHARMA INC,355.37,0.00,355.37,missing,2026-02-18,,");
    }

    @Test
    void aMissingRefundIsWrittenOffAndTheLedgerReceivableFollows() throws IOException {
        assertThat(cli.exit("mfp", "prices", "import", resource("mfp-prices-sample.csv").toString())).isZero();
        assertThat(cli.exit("remit", "import", resource("mtf-refunds.835").toString())).isZero();

        assertThat(cli.exit("mfp", "write-off", "--rx", "7001400", "--fill", "0", "--reason", "manufacturer refused",
                "--as-of", "2026-03-01")).isZero();
        assertThat(cli.out()).contains("Rx 7001400 fill 0: 355.37 written off.");

        Map<String, JsonNode> byRx = new HashMap<>();
        cli.run("mfp", "refunds", "--json", "--as-of", "2026-03-01").json().get("refunds")
                .forEach(r -> byRx.put(r.get("rx").asText() + "-" + r.get("fill").asInt(), r));
        assertThat(byRx.get("7001400-0").get("state").asText()).isEqualTo("written_off");
        assertThat(byRx.get("7001400-0").get("ledger_receivable").asText()).isEqualTo("0.00");
        // 355.37 expected − 300.00 received: the ledger holds the 55.37 still owed
        assertThat(byRx.get("7001300-1").get("outstanding").asText()).isEqualTo("55.37");
        assertThat(byRx.get("7001300-1").get("ledger_receivable").asText()).isEqualTo("55.37");
        assertThat(cli.exit("mfp", "write-off", "--rx", "7001234", "--fill", "2", "--reason", "x", "--as-of", "2026-03-01"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("Only a short or missing refund can be written off; this one is paid");
    }

    @Test
    void theKpiGivesWhatIsOutstandingAndTheDaysToRefund() throws IOException {
        assertThat(cli.exit("mfp", "prices", "import", resource("mfp-prices-sample.csv").toString())).isZero();
        assertThat(cli.exit("remit", "import", resource("mtf-refunds.835").toString())).isZero();

        Run kpi = cli.run("mfp", "kpi", "--json", "--from", "2026-02-01", "--to", "2026-02-28", "--as-of", "2026-03-01");

        assertThat(kpi.exit()).isZero();
        // 7001300 short 55.37 + 7001400 missing 355.37; refunds 8 (02-02→02-10) and 7 (02-03→02-10) days after the fill
        assertThat(kpi.json().get("outstanding").asText()).isEqualTo("410.74");
        assertThat(kpi.json().get("outstanding_count").asInt()).isEqualTo(2);
        assertThat(kpi.json().get("median_days_to_refund").asText()).isEqualTo("7.5");
        assertThat(kpi.json().get("average_days_to_refund").asText()).isEqualTo("7.5");
        assertThat(cli.exit("mfp", "kpi", "--from", "Feb 1")).isEqualTo(2);
        assertThat(cli.err()).contains("--from Feb 1: expected a date YYYY-MM-DD");
    }

    @Test
    void theDisputePacketListsTheManufacturersShortAndMissingClaimsWithoutPatientNamesAndIsADisclosure() throws IOException {
        assertThat(cli.exit("mfp", "prices", "import", resource("mfp-prices-sample.csv").toString())).isZero();
        assertThat(cli.exit("remit", "import", resource("mtf-refunds.835").toString())).isZero();
        Path pdf = dir.resolve("fictional.pdf");

        assertThat(cli.exit("mfp", "dispute-packet", "--manufacturer", "fictional pharma inc", "--out", pdf.toString(),
                "--from", "2026-02-01", "--to", "2026-02-28", "--as-of", "2026-03-01")).isZero();

        assertThat(cli.out()).contains("2 claim(s) of FICTIONAL PHARMA INC, shortfall 410.74");
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        // cover: the manufacturer and the totals; 355.37 + 355.37 expected, 300.00 received, 55.37 + 355.37 short
        assertThat(text).contains("Medicare MFP refund dispute").contains("FICTIONAL PHARMA INC")
                .contains("710.74").contains("300.00").contains("410.74")
                .contains("7001300").contains("7001400").doesNotContain("7001234")
                .doesNotContain("TESTPATIENT").doesNotContain("ALPHA").doesNotContain("ZQX00012345");
        assertThat(Files.readAllLines(dir.resolve("fictional.csv"))).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith("7001400,0,2026-02-04"));
        JsonNode disclosures = cli.run("disclosures", "--json").json();
        assertThat(disclosures).hasSize(1);
        assertThat(disclosures.get(0).get("recipient").asText()).isEqualTo("FICTIONAL PHARMA INC");
        assertThat(cli.exit("mfp", "dispute-packet", "--manufacturer", "NOBODY", "--out", pdf.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("No MFP refunds of a manufacturer named 'NOBODY'");
    }

    @Test
    void anUnknownStatusIsAUsageError() {
        assertThat(cli.exit("mfp", "refunds", "--status", "lost")).isEqualTo(2);
        assertThat(cli.err()).contains("--status lost: expected expected, paid");
    }
}
