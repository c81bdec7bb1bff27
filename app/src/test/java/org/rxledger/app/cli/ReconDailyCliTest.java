package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.Offices;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.core.recon.DailyReconciliationService;

/** {@code rxledger recon daily} on the demo office: the JSON contract, the text form and a bad date. */
class ReconDailyCliTest {

    @TempDir
    static Path dir;

    static Path data;
    static LocalDate first;
    static LocalDate last;
    static CliRunner cli;

    @BeforeAll
    static void demoOffice() {
        data = dir.resolve("demo");
        cli = CliRunner.on(data);
        assertThat(cli.exit("demo")).isZero();
        try (AppContext ctx = Offices.openDemo(data)) {
            LocalDate[] range = new DailyReconciliationService(ctx.transactions()).activityRange().orElseThrow();
            first = range[0];
            last = range[1];
        }
    }

    private static Map<String, Object> daily(LocalDate date) throws IOException {
        Run run = cli.run("recon", "daily", "--date", date.toString(), "--json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        return run.json(new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void theDemosLastTwoWeeksRollForwardToTheLedgerToTheCentAndChain() throws IOException {
        BigDecimal previousClosing = null;
        int paymentDays = 0;
        LocalDate start = last.minusDays(13).isBefore(first) ? first : last.minusDays(13);
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            Map<String, Object> day = daily(d);
            assertThat(day.get("date")).isEqualTo(d.toString());
            Map<String, Object> rf = map(map(day.get("total")).get("roll_forward"));
            assertThat(rf.get("difference")).as("difference on %s", d).isEqualTo("0.00");
            assertThat(rf.get("closing")).isEqualTo(rf.get("ledger_closing"));
            if (previousClosing != null) {
                assertThat(new BigDecimal((String) rf.get("opening"))).as("opening of %s", d).isEqualByComparingTo(previousClosing);
            }
            previousClosing = new BigDecimal((String) rf.get("ledger_closing"));
            BigDecimal received = BigDecimal.ZERO;
            for (Map<String, Object> p : list(day.get("payers"))) {
                received = received.add(new BigDecimal((String) p.get("received")));
            }
            assertThat(new BigDecimal((String) map(day.get("total")).get("received"))).isEqualByComparingTo(received);
            if ((Integer) map(day.get("total")).get("payments") > 0) {
                paymentDays++;
            }
        }
        assertThat(paymentDays).as("demo days with 835 payments").isPositive();
    }

    @Test
    void everyDemoDayBalances() {
        try (AppContext ctx = Offices.openDemo(data)) {
            assertThat(new DailyReconciliationService(ctx.transactions()).days(first, last))
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.total().rollForward().difference().isZero()).as("%s", d.date()).isTrue());
        }
    }

    @Test
    void theJsonObjectHasTheDocumentedShapeWithTwoDecimalAmounts() throws IOException {
        Map<String, Object> day = daily(last);
        assertThat(day).containsOnlyKeys("date", "closed", "deposits", "payers", "total", "plb", "variances");
        assertThat(map(day.get("deposits"))).containsOnlyKeys("count", "amount");
        Map<String, Object> total = map(day.get("total"));
        assertThat(total).containsOnlyKeys("payer", "claims_adjudicated", "expected", "payments", "received", "posted",
                "cash_to_claims", "unapplied", "plb", "roll_forward");
        assertThat(total.get("payer")).isEqualTo("All payers");
        assertThat(map(total.get("roll_forward"))).containsOnlyKeys("opening", "new_receivables", "counter_reversals",
                "payments", "payment_reversals", "contractual", "payer_reductions", "other_adjustments",
                "patient_transfers", "unapplied", "other", "closing", "ledger_closing", "difference");
        assertThat((String) total.get("expected")).matches("-?\\d+\\.\\d{2}");
        for (Map<String, Object> v : list(day.get("variances"))) {
            assertThat(v).containsOnlyKeys("payer", "category", "label", "count", "amount");
        }
    }

    @Test
    void theTextFormShowsTheTablesAndABadDateIsAUsageError() {
        assertThat(cli.exit("recon", "daily", "--date", last.toString())).isZero();
        assertThat(cli.out()).contains("Daily reconciliation " + last).contains("All payers")
                .contains("Third-party A/R roll-forward").contains("Closing balance on the ledger").contains("PLB by code")
                .contains("Variances");

        assertThat(cli.exit("recon", "daily", "--date", "2025-13-40"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--date '2025-13-40' is not a date; expected YYYY-MM-DD");
    }
}
