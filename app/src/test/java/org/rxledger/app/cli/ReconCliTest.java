package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.core.testdata.ReconWeek.paid;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.task.ProgressListener;

/** End to end: claims CSV through the CLI, 835 files through the import use case, then {@code recon claims}. */
class ReconCliTest {

    private static final String CSV = """
            rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,plan_paid_amount,authorization_number
            7001234,2,2025-03-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A25071000001
            7001500,0,2025-03-04,999999,TESTPCN,GRP7781,ZQX00054321,001,BETA,TESTPATIENT,1971-09-02,54321098701,28,28,0,1987654328,308.25,1.75,320.00,310.00,25.00,262.40,A25071000002
            6998877,1,2025-02-20,999999,TESTPCN,GRP7781,ZQX00077777,001,GAMMA,TESTPATIENT,1958-12-30,00093505601,30,30,0,1450001239,68.25,1.75,75.00,70.00,5.00,55.10,A25050200417
            7001600,0,2025-03-05,999999,TESTPCN,GRP7781,ZQX00099999,002,DELTA,TESTPATIENT,1990-06-21,11111022233,60,30,1,1670123458,38.25,1.75,45.00,40.00,4.00,12.00,A25071000004
            7001701,0,2025-03-05,610014,RXSPCN,GRPX22,MBR3300001,001,EPSILON,TESTPATIENT,1984-01-09,00378180110,90,90,0,1558598797,12.25,1.75,19.99,14.00,3.00,9.50,A25071000005
            """;

    @TempDir
    Path dir;

    private int control = 1;

    private static int run(CliRunner cli, String... args) {
        int code = cli.exit(args);
        assertThat(cli.err()).as("stderr").isEmpty();
        return code;
    }

    @Test
    void csvClaimsAndRemittancesGiveTheReconciliationContract() throws IOException {
        Path data = dir.resolve("data");
        CliRunner cli = CliRunner.on(data);
        Path csv = dir.resolve("claims.csv");
        Files.writeString(csv, CSV);
        assertThat(run(cli, "claims", "import", csv.toString())).isZero();

        try (AppContext ctx = AppContext.open(data)) {
            Map<String, Claim> claims = new HashMap<>();
            Map<Long, String> payerByPlan = new HashMap<>();
            ctx.transactions().read(tx -> {
                tx.port(ClaimRepository.class).all().forEach(c -> claims.put(c.rxNumber(), c));
                Map<Long, Payer> payers = new HashMap<>();
                tx.port(ReferenceRepository.class).payers().forEach(p -> payers.put(p.id(), p));
                tx.port(ReferenceRepository.class).plans().forEach(p -> payerByPlan.put(p.id(), payers.get(p.payerId()).name()));
                return null;
            });
            Claim a = claims.get("7001234");
            Claim b = claims.get("7001500");
            Claim c = claims.get("6998877");
            Claim e = claims.get("7001701");
            String payer1 = payerByPlan.get(a.planId());
            String payer2 = payerByPlan.get(e.planId());
            // week 1: paid, short-paid (CLP01 Rx+fill run together), denied; payer 2 pays its claim
            importFile(ctx, "w1-p1.835", payment(payer1, "EFT1001", List.of(paid("7001234-02", a, "21.85"),
                    paid("700150000", b, "250.00"), denied("6998877-01", c))));
            importFile(ctx, "w1-p2.835", payment(payer2, "CHK5001", List.of(paid("7001701", e, "9.50"))));
            // week 2: payer 1 reverses the first payment (no repayment yet) and pays a claim that is not ours;
            // payer 2 pays the same claim again
            importFile(ctx, "w2-p1.835", payment(payer1, "EFT1002", List.of(reversal("7001234-02", a, "21.85"),
                    paid("7001500", b, "12.40"), foreign())));
            importFile(ctx, "w2-p2.835", payment(payer2, "CHK5002", List.of(paid("7001701-00", e, "9.50"))));
        }

        assertThat(run(cli, "recon", "claims", "--json")).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(cli.out(), new TypeReference<>() { });
        assertThat(rows).containsExactly(
                row("6998877", 1, "2025-02-20", "55.10", "0.00", "DENIED"),
                row("7001234", 2, "2025-03-03", "21.85", "0.00", "REVERSED"),
                row("7001500", 0, "2025-03-04", "262.40", "262.40", "PAID"),
                row("7001600", 0, "2025-03-05", "12.00", "0.00", "UNPAID"),
                row("7001701", 0, "2025-03-05", "9.50", "19.00", "OVERPAID"));

        assertThat(run(cli, "remit", "unmatched", "--json")).isZero();
        List<Map<String, Object>> u = new ObjectMapper().readValue(cli.out(), new TypeReference<>() { });
        assertThat(u).containsExactly(Map.of("trace", "EFT1002", "patient_control_number", "8800001-01", "paid", "17.77"));

        assertThat(run(cli, "recon", "claims")).isZero();
        assertThat(cli.out()).contains("7001500").contains("5 claims").contains("1 paid").contains("1 reversed");
        assertThat(run(cli, "recon", "aging", "--as-of", "2025-04-01")).isZero();
        assertThat(cli.out()).contains("Total open third-party receivable");
    }

    @Test
    void demoCreatesTheOfficeAndImportsMatchesAndPostsItsRemittances() throws IOException {
        Path data = dir.resolve("demo");
        CliRunner cli = CliRunner.on(data);
        assertThat(run(cli, "demo")).isZero();
        assertThat(cli.out()).contains("Demo office created").contains("demo remittances");

        assertThat(run(cli, "recon", "claims", "--json")).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(cli.out(), new TypeReference<>() { });
        assertThat(rows).extracting(r -> r.get("status"))
                .contains("PAID", "UNDERPAID", "OVERPAID", "DENIED", "REVERSED", "UNPAID");

        assertThat(run(cli, "remit", "unmatched", "--json")).isZero();
        assertThat(cli.out()).contains("\"patient_control_number\" : \"9900001-01\"");
        assertThat(Files.list(data.resolve("demo-remittances")).count()).isGreaterThan(10);
    }

    private static Map<String, Object> row(String rx, int fill, String dos, String expected, String paid, String status) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rx", rx);
        m.put("fill", fill);
        m.put("dos", dos);
        m.put("expected", expected);
        m.put("paid", paid);
        m.put("status", status);
        return m;
    }

    private static ClaimPayment reversal(String clp01, Claim c, String paid) {
        ClaimPayment o = paid(clp01, c, paid);
        return RemittanceBuilder.claim(clp01, "22", o.charge().negate(), o.paid().negate(), c.patientPay().negate(),
                c.authorizationNumber(), c.dateOfService(), c.ndc(), new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.negated(o.serviceLines().get(0).adjustments()), List.of());
    }

    private static ClaimPayment denied(String clp01, Claim c) {
        List<Adjustment> adj = new ArrayList<>(List.of(new Adjustment("CO", "16", c.grossAmountDue().minus(c.patientPay()), null)));
        adj.add(new Adjustment("PR", "3", c.patientPay(), null));
        return RemittanceBuilder.claim(clp01, "1", c.grossAmountDue(), Money.ZERO, c.patientPay(), c.authorizationNumber(),
                c.dateOfService(), c.ndc(), new BigDecimal("30"), c.cardholderId(), adj, List.of());
    }

    private static ClaimPayment foreign() {
        Money charge = Money.parse("30.00");
        Money p = Money.parse("17.77");
        return RemittanceBuilder.claim("8800001-01", "1", charge, p, Money.parse("2.00"), "ZZ0000001", LocalDate.of(2025, 3, 1),
                "00093505601", null, "NOTOURS1", RemittanceBuilder.contractualAndCopay(charge, p, Money.parse("2.00")), List.of());
    }

    private Remittance.Transaction payment(String payer, String trace, List<ClaimPayment> claims) {
        return RemittanceBuilder.payment(new RemittanceBuilder.Parties(payer, "1999999999", "MAPLE STREET PHARMACY",
                "1234567893", "1234567", "123456789"), trace, LocalDate.of(2025, 3, 14).plusDays(control), control++, claims, List.of());
    }

    private void importFile(AppContext ctx, String name, Remittance.Transaction payment) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payment), w);
        }
        ImportOutcome outcome = ctx.remittanceImports().importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).as(name).isInstanceOf(ImportOutcome.Imported.class);
    }
}
