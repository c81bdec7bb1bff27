package org.rxledger.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.kpi.Dashboard.PayerFigures;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.ReconWeek;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * The dashboard over real H2 with the real migrations. Four claims adjudicated on their dates of service, each with
 * 10.00 patient pay not collected at the counter: A (DOS 2025-03-03, plan pays 21.85), B (03-04, 30.00),
 * C (01-10, 15.00) and D (03-05, 40.00). ACME's 835 of 03-10 pays A in full, B 25.00 (short by 5.00), 12.00 on a
 * claim nobody filled, and takes a WO recoupment of 3.00; its 835 of 03-12 denies D (CO-16). Period 03-01 … 03-14.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiServiceTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 14);
    private static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
            "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");

    private Database db;
    private Dashboard dashboard;

    @BeforeAll
    void aFortnightOfClaimsAndTwoPayments(@TempDir Path dir) {
        db = TestDatabases.fresh();
        TestOffice office = TestOffice.create(db.transactions());
        Claim a = claim(office, "7000001", LocalDate.of(2025, 3, 3), "21.85");
        Claim b = claim(office, "7000002", LocalDate.of(2025, 3, 4), "30.00");
        claim(office, "7000003", LocalDate.of(2025, 1, 10), "15.00");
        Claim d = claim(office, "7000004", LocalDate.of(2025, 3, 5), "40.00");
        ClaimPayment stranger = RemittanceBuilder.claim("9999999-01", "1", Money.parse("12.00"), Money.parse("12.00"),
                Money.ZERO, "NOAUTH", LocalDate.of(2025, 3, 2), "55555055555", new BigDecimal("30"), "MX1", List.of(),
                List.of());
        Money deniedAmount = d.grossAmountDue().minus(d.patientPay());
        ClaimPayment denial = RemittanceBuilder.claim("7000004-01", "1", d.grossAmountDue(), Money.ZERO, d.patientPay(),
                d.authorizationNumber(), d.dateOfService(), d.ndc(), new BigDecimal("30"), d.cardholderId(),
                List.of(new Adjustment("CO", "16", deniedAmount, null), new Adjustment("PR", "3", d.patientPay(), null)),
                List.of());
        importPayments(dir, RemittanceBuilder.payment(PARTIES, "EFT0310", LocalDate.of(2025, 3, 10), 7,
                        List.of(ReconWeek.paid("7000001-01", a, "21.85"), ReconWeek.paid("7000002-01", b, "25.00"), stranger),
                        List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "6901122-00",
                                Money.parse("3.00")))),
                RemittanceBuilder.payment(PARTIES, "EFT0312", LocalDate.of(2025, 3, 12), 8, List.of(denial), List.of()));
        dashboard = new KpiService(db.transactions()).dashboard(FROM, TO);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private Claim claim(TestOffice office, String rx, LocalDate dos, String planPaid) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx(rx).fill(1)
                .authorization("AUTH" + rx).dateOfService(dos).planPaid(planPaid)
                .recordedAt(dos.atTime(12, 0).toInstant(ZoneOffset.UTC)).build(), office.payer().id()));
    }

    private void importPayments(Path dir, Remittance.Transaction... payments) {
        Path file = dir.resolve("acme.835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payments), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    private static Money m(String s) {
        return Money.parse(s);
    }

    @Test
    void daysSalesOutstandingIsTheReceivableOverTheAverageDaysSales() {
        PayerFigures acme = dashboard.payers().get(0);
        assertThat(dashboard.payers()).extracting(PayerFigures::payer).containsExactly("ACME RX SOLUTIONS");
        // A is paid, B's short 5.00 and D's denial were closed by their adjustments: only C's 15.00 is owed
        assertThat(acme.receivable()).isEqualTo(m("15.00"));
        // sales: A 21.85 + B 30.00 + D 40.00 = 91.85 (C's date of service is before the period)
        assertThat(acme.claims()).isEqualTo(3);
        assertThat(acme.sales()).isEqualTo(m("91.85"));
        // 15.00 ÷ (91.85 ÷ 14 days) = 210 ÷ 91.85 = 2.286… → 2.3
        assertThat(acme.dso()).isEqualByComparingTo("2.3");
        assertThat(dashboard.total().payer()).isEqualTo(KpiService.ALL_PAYERS);
        assertThat(dashboard.total().dso()).isEqualByComparingTo("2.3");
    }

    @Test
    void daysToPayAveragesTheMatchedPaymentsThatPaidSomething() {
        // A 03-03 → 03-10 = 7 days, B 03-04 → 03-10 = 6 days; D's denial paid nothing: (7 + 6) ÷ 2 = 6.5
        assertThat(dashboard.total().daysToPay()).isEqualByComparingTo("6.5");
    }

    @Test
    void autoMatchRateCountsEveryClaimPaymentAndDenialRateTheMatchedOnes() {
        PayerFigures all = dashboard.total();
        // A, B, D matched by the matcher; the 12.00 for Rx 9999999 matched nothing: 3 ÷ 4 = 75.0 %
        assertThat(all.remitLines()).isEqualTo(4);
        assertThat(all.autoMatched()).isEqualTo(3);
        assertThat(all.autoMatchRate()).isEqualByComparingTo("75.0");
        // D denied of A, B, D: 1 ÷ 3 = 33.3 %
        assertThat(all.judged()).isEqualTo(3);
        assertThat(all.denied()).isEqualTo(1);
        assertThat(all.denialRate()).isEqualByComparingTo("33.3");
        // the denial's own reason, not the patient's share: 48.25 charged − 10.00 patient pay = 38.25
        assertThat(dashboard.topDenials()).containsExactly(new KpiRepository.DenialCode("CO-16", 1, m("38.25")));
    }

    @Test
    void shortPaidIsMeasuredAgainstThePayersOwnAdjudication() {
        assertThat(dashboard.total().shortPaid()).isEqualTo(1);
        assertThat(dashboard.total().shortAmount()).isEqualTo(m("5.00"));
        // no contract is on file, so nothing can be underpaid by contract or known to be below cost
        assertThat(dashboard.total().underpaid()).isZero();
        assertThat(dashboard.total().belowCost()).isZero();
    }

    @Test
    void plbFeesAreSummedByMonthAndCodeAndCollectionsByPayment() {
        assertThat(dashboard.plb()).containsExactly(new KpiRepository.PlbMonth(LocalDate.of(2025, 3, 1), "WO", 1, m("3.00")));
        assertThat(dashboard.plbByCode()).containsExactly(Map.entry("WO", m("3.00")));
        // BPR02: 21.85 + 25.00 + 12.00 − 3.00 = 55.85 on 03-10, 0.00 on 03-12
        assertThat(dashboard.collected()).isEqualTo(new KpiRepository.Collected(2, m("55.85"), 0, Money.ZERO));
        assertThat(dashboard.writeOffs()).isEmpty();
    }

    @Test
    void agingTrendAgesEachWeeklySnapshotFromTheDatesOfService() {
        List<Dashboard.AgingSnapshot> aging = dashboard.aging();
        assertThat(aging).extracting(Dashboard.AgingSnapshot::asOf).containsExactly(LocalDate.of(2025, 1, 24),
                LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 7), LocalDate.of(2025, 2, 14), LocalDate.of(2025, 2, 21),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 7), TO);
        // 01-24: C alone, 14 days old
        assertThat(aging.get(0).thirdParty()).containsExactly(Map.entry(AgingBucket.D0_14, m("15.00")));
        // 03-07: A 21.85 + B 30.00 + D 40.00 = 91.85 at 2 to 4 days; C 56 days
        assertThat(aging.get(6).thirdParty()).containsExactly(Map.entry(AgingBucket.D0_14, m("91.85")),
                Map.entry(AgingBucket.D46_60, m("15.00")));
        // 03-14: C alone, 63 days
        assertThat(aging.get(7).thirdParty()).containsExactly(Map.entry(AgingBucket.D61_90, m("15.00")));
        assertThat(aging.get(7).thirdPartyTotal()).isEqualTo(dashboard.total().receivable());
        // every claim's 10.00 patient pay is still owed: A, B, D at 9 to 11 days, C at 63
        assertThat(aging.get(7).patient()).containsExactly(Map.entry(AgingBucket.D0_14, m("30.00")),
                Map.entry(AgingBucket.D61_90, m("10.00")));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new KpiService(db.transactions()).dashboard(TO, FROM))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("ends (2025-03-01) before it starts (2025-03-14)");
    }
}
