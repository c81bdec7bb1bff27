package org.rxledger.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.money.Money;

/**
 * Each contract formula on a worked example, through the CSV imports and a real H2 (docs/contracts.md). Every claim:
 * 30 units, submitted 48.25, U&amp;C 52.00, patient pay 10.00, plan paid 21.85; dates of service in March 2025.
 */
class ContractServiceTest {

    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);
    private static final String PRICES = """
            ndc,unit_price,effective_from,effective_to
            12345067890,1.50000,2025-01-01,
            00002759701,2.00000,2025-01-01,
            """;

    @TempDir
    Path dir;

    private ContractFixture f;

    @BeforeEach
    void setUp() {
        f = new ContractFixture(dir);
        assertThat(f.importPrices(PriceKind.AWP, PRICES).succeeded()).isTrue();
        assertThat(f.importPrices(PriceKind.WAC, """
                ndc,unit_price,effective_from,effective_to
                00002759701,1.20000,2025-01-01,
                """).succeeded()).isTrue();
        assertThat(f.importPrices(PriceKind.NADAC, """
                NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,Pharmacy_Type_Indicator,OTC,Explanation_Code,Classification_for_Rate_Setting,Corresponding_Generic_Drug_NADAC_Per_Unit,Corresponding_Generic_Drug_Effective_Date,As of Date
                ATORVASTATIN 20 MG TABLET,12345067890,0.27463,02/12/2025,EA,C/I,N,"1, 5",G,,,02/19/2025
                """).succeeded()).isTrue();
        assertThat(f.importPrices(PriceKind.MAC, """
                mac_list,ndc,unit_price,effective_from,effective_to
                ACME-MAC,12345067890,0.98765,2025-01-01,
                """).succeeded()).isTrue();
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private Expectation expect(Claim c) {
        return f.check(c).expectation();
    }

    @Test
    void awpMinusPercentPlusFeeOnAGeneric() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,2,0.50", "AWP,-17,1.75", "", "Y", "0.10", "0", "0"));
        Claim c = f.generic("7100001", DOS);

        Expectation e = expect(c);

        // AWP 1.50000 × 30 = 45.00; × 0.83 = 37.35; + 1.75 = 39.10 (below U&C 52.00 and submitted 48.25)
        assertThat(e.formulaAmount()).isEqualTo(Money.parse("39.10"));
        assertThat(e.contractAmount()).isEqualTo(Money.parse("39.10"));
        assertThat(e.lesserOf()).isNull();
        // 39.10 − patient pay 10.00 − transaction fee 0.10 = 29.00
        assertThat(e.expected()).isEqualTo(Money.parse("29.00"));
        assertThat(e.working()).isEqualTo("AWP − 17% + 1.75: 1.50000 × 30 × 0.83 + 1.75 = 39.10; − patient pay 10.00 − fees 0.10 = 29.00");
    }

    @Test
    void wacPlusPercentPlusFeeOnABrand() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,2,0.50", "AWP,-17,1.75", "", "Y", "0.10", "0", "0"));
        Claim c = f.brand("7100002", DOS);

        // WAC 1.20000 × 30 = 36.00; × 1.02 = 36.72; + 0.50 = 37.22; − 10.00 − 0.10 = 27.12
        assertThat(expect(c).expected()).isEqualTo(Money.parse("27.12"));
        assertThat(expect(c).formula().label()).isEqualTo("WAC + 2% + 0.50");
    }

    @Test
    void nadacPlusFeeRoundsOnlyAtTheEnd() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "NADAC,0,10.49", "", "Y", "0.10", "0", "0"));
        Claim c = f.generic("7100003", DOS);

        Expectation e = expect(c);

        // NADAC 0.27463 × 30 = 8.2389; + 10.49 = 18.7289; − 10.00 − 0.10 = 8.6289 → 8.63 (HALF_UP once, at the end)
        assertThat(e.unitPrice()).isEqualByComparingTo("0.27463");
        assertThat(e.formulaAmount()).isEqualTo(Money.parse("18.73"));
        assertThat(e.expected()).isEqualTo(Money.parse("8.63"));
    }

    @Test
    void macTimesQuantityPlusFee() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC", "Y", "0.10", "0", "0"));
        Claim c = f.generic("7100004", DOS);

        Expectation e = expect(c);

        // MAC 0.98765 × 30 = 29.6295; + 1.00 = 30.6295; − 10.00 − 0.10 = 20.5295 → 20.53
        assertThat(e.formula().label()).isEqualTo("MAC × qty + 1.00");
        assertThat(e.expected()).isEqualTo(Money.parse("20.53"));
    }

    @Test
    void lesserOfTakesTheSubmittedAmountWhenLowerAndOnlyWhenTheContractSaysSo() {
        f.importContracts(ContractFixture.row("ACME brand", "2025-01-01", "AWP,-17,1.75", "AWP,-17,1.75", "", "Y", "0", "0", "0"));
        Claim c = f.brand("7100005", DOS);

        // AWP 2.00000 × 30 = 60.00; × 0.83 = 49.80; + 1.75 = 51.55 > submitted 48.25 (U&C 52.00 is higher still)
        Expectation lesser = expect(c);
        assertThat(lesser.formulaAmount()).isEqualTo(Money.parse("51.55"));
        assertThat(lesser.contractAmount()).isEqualTo(Money.parse("48.25"));
        assertThat(lesser.lesserOf()).isEqualTo("submitted");
        assertThat(lesser.expected()).isEqualTo(Money.parse("38.25"));    // 48.25 − 10.00

        // a later version without lesser-of, on a later date of service: 51.55 − 10.00 = 41.55
        f.importContracts(ContractFixture.row("ACME brand", "2025-03-10", "AWP,-17,1.75", "AWP,-17,1.75", "", "N", "0", "0", "0"));
        Claim later = f.brand("7100006", LocalDate.of(2025, 3, 12));
        assertThat(expect(later).contractAmount()).isEqualTo(Money.parse("51.55"));
        assertThat(expect(later).lesserOf()).isNull();
        assertThat(expect(later).expected()).isEqualTo(Money.parse("41.55"));
    }

    @Test
    void postAdjudicationFeesArePercentOfTheContractAmountPlusFlat() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0.10", "3", "0.50"));
        Claim c = f.generic("7100007", DOS);

        Expectation e = expect(c);

        // fees: 0.10 + 3 % × 39.10 (1.173) + 0.50 = 1.773; 39.10 − 10.00 − 1.773 = 27.327 → 27.33
        assertThat(e.fees()).isEqualTo(Money.parse("1.77"));
        assertThat(e.expected()).isEqualTo(Money.parse("27.33"));
    }

    @Test
    void theVersionInForceOnTheDateOfServiceApplies() {
        f.importContracts(
                ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0", "0", "0"),
                ContractFixture.row("ACME 2025", "2025-03-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC", "Y", "0", "0", "0"));
        Claim before = f.generic("7100008", LocalDate.of(2025, 2, 28));
        Claim on = f.generic("7100009", LocalDate.of(2025, 3, 1));
        Claim earlier = f.generic("7100010", LocalDate.of(2024, 12, 31));

        assertThat(expect(before).terms().effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(expect(before).expected()).isEqualTo(Money.parse("29.10"));      // 39.10 − 10.00
        assertThat(expect(on).terms().effectiveFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(expect(on).expected()).isEqualTo(Money.parse("20.63"));          // 30.6295 − 10.00 = 20.6295
        assertThat(f.check(earlier).expectation()).isNull();                         // no contract yet
    }

    @Test
    void aClaimPaidBelowItsContractIsUnderpaidAndBelowCostWhenPaidPlusPatientPayIsUnderTheInvoiceCost() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0.10", "0", "0"));
        f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                12345067890,2025-03-10,100,90.00
                """);
        Claim shortPaid = f.generic("7100011", DOS);
        Claim fullyPaid = f.generic("7100012", DOS);
        Claim unpaid = f.generic("7100013", DOS);
        f.pay(Money.parse("21.85"), shortPaid);
        f.pay(Money.parse("29.00"), fullyPaid);

        ContractCheck s = f.check(shortPaid);
        // expected 29.00, paid 21.85: 7.15 short; invoice of 2025-02-01 = 1.50/unit × 30 = 45.00 > 21.85 + 10.00
        assertThat(s.shortfall()).isEqualTo(Money.parse("7.15"));
        assertThat(s.underpaid(ContractService.DEFAULT_TOLERANCE)).isTrue();
        assertThat(s.acquisitionCost()).isEqualTo(Money.parse("45.00"));
        assertThat(s.belowCost()).isTrue();
        assertThat(s.belowCostBy()).isEqualTo(Money.parse("13.15"));
        assertThat(f.check(fullyPaid).underpaid(ContractService.DEFAULT_TOLERANCE)).isFalse();
        assertThat(f.check(unpaid).shortfall()).isNull();
        assertThat(f.contracts.underpaid(null, null, ContractService.DEFAULT_TOLERANCE))
                .extracting(c -> c.claim().claimId()).containsExactly(shortPaid.id());
    }

    @Test
    void theExceptionsQueueListsUnderpaidAndBelowCostClaimsAndFindsThemByKey() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0.10", "0", "0"));
        f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                """);
        Claim shortPaid = f.generic("7100014", DOS);
        Claim withinTolerance = f.generic("7100015", DOS);
        f.pay(Money.parse("21.85"), shortPaid);
        f.pay(Money.parse("28.95"), withinTolerance);     // 0.05 short of 29.00: rounding, not an underpayment
        ExceptionQueue queue = new ExceptionQueue(f.db.transactions());

        List<ExceptionItem> items = queue.items().stream()
                .filter(i -> i.category() == ExceptionCategory.UNDERPAID_CONTRACT || i.category() == ExceptionCategory.BELOW_COST)
                .toList();

        assertThat(items).extracting(ExceptionItem::key).containsExactlyInAnyOrder(
                "UNDERPAID_CONTRACT:C" + shortPaid.id(), "BELOW_COST:C" + shortPaid.id(), "BELOW_COST:C" + withinTolerance.id());
        ExceptionItem under = queue.find("UNDERPAID_CONTRACT:C" + shortPaid.id()).orElseThrow();
        assertThat(under.expected()).isEqualTo(Money.parse("29.00"));
        assertThat(under.paid()).isEqualTo(Money.parse("21.85"));
        assertThat(under.reason()).startsWith("Paid 21.85, 7.15 below the 29.00 the contract ACME 2025 pays");
        ExceptionItem cost = queue.find("BELOW_COST:C" + shortPaid.id()).orElseThrow();
        assertThat(cost.expected()).isEqualTo(Money.parse("45.00"));
        assertThat(cost.paid()).isEqualTo(Money.parse("31.85"));
        assertThat(cost.trace()).isEqualTo("EFT601");
    }

    @Test
    void aMacUpdateIsPricedOnTheLastNinetyDaysAndTheNoticeStaysUntilAcknowledged() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC", "Y", "0.10", "0", "0"));
        f.notices().forEach(n -> f.contracts.acknowledge(n.id()));
        List<Claim> inWindow = List.of(f.generic("7100020", LocalDate.of(2025, 3, 3)),
                f.generic("7100021", LocalDate.of(2025, 3, 5)), f.generic("7100022", LocalDate.of(2025, 1, 2)));
        f.generic("7100023", LocalDate.of(2024, 12, 19));    // 91 days before the clock's 2025-03-20: outside the window
        f.brand("7100024", LocalDate.of(2025, 3, 3));         // brand: WAC, not MAC

        ContractService.ImportResult r = f.importPrices(PriceKind.MAC, """
                mac_list,ndc,unit_price,effective_from,effective_to
                ACME-MAC,12345067890,0.90000,2025-04-01,
                ACME-MAC,55555012399,3.10000,2025-04-01,
                """);

        // independently: per claim round(0.90000 × 30 + 1.00 − 10.00 − 0.10) − round(0.98765 × 30 + 1.00 − 10.00 − 0.10)
        BigDecimal perClaim = new BigDecimal("0.90000").multiply(BigDecimal.valueOf(30)).add(new BigDecimal("-9.10"))
                .setScale(2, RoundingMode.HALF_UP)
                .subtract(new BigDecimal("0.98765").multiply(BigDecimal.valueOf(30)).add(new BigDecimal("-9.10"))
                        .setScale(2, RoundingMode.HALF_UP));
        Money expectedImpact = Money.of(perClaim.multiply(BigDecimal.valueOf(inWindow.size())));
        assertThat(expectedImpact).isEqualTo(Money.parse("-7.89"));
        assertThat(r.notice()).isNotNull();
        assertThat(r.notice().claims()).isEqualTo(3);
        assertThat(r.notice().impact()).isEqualTo(expectedImpact);
        assertThat(r.notice().summary()).contains("1 NDC price(s) moved (1 lower, 0 higher), 1 NDC(s) added")
                .contains("this MAC update would have paid 7.89 less on 3 claim(s)");
        assertThat(f.contracts.openNotices()).extracting(ContractRepository.Notice::id).containsExactly(r.notice().id());

        f.contracts.acknowledge(r.notice().id());

        assertThat(f.contracts.openNotices()).isEmpty();
        ContractRepository.Notice acknowledged = f.notices().get(0);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("clerk1");
        assertThatThrownBy(() -> f.contracts.acknowledge(r.notice().id())).isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("was acknowledged by clerk1");
        // the old price still prices the claims of March: the new list starts in April
        assertThat(f.check(inWindow.get(0)).expectation().expected()).isEqualTo(Money.parse("20.53"));
    }

    @Test
    void aNewContractVersionSaysWhatChangedAndWhatItWouldHavePaid() {
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0", "0", "0"));
        f.generic("7100030", LocalDate.of(2025, 3, 3));
        f.generic("7100031", LocalDate.of(2025, 3, 4));

        ContractService.ImportResult r = f.importContracts(
                ContractFixture.row("ACME 2025", "2025-04-01", "WAC,0,0.50", "AWP,-18,1.75", "", "Y", "0", "0", "0"));

        // per claim: 1.50 × 30 × 0.82 + 1.75 = 38.65 instead of 39.10: 0.45 less, twice
        assertThat(r.notice().summary()).contains("generic AWP − 17% + 1.75 → AWP − 18% + 1.75")
                .contains("these terms would have paid 0.90 less on 2 claim(s)");
        assertThat(r.notice().impact()).isEqualTo(Money.parse("-0.90"));
    }

    @Test
    void aContractFileIsRefusedWholeWithEachProblemByLineAndColumn() {
        ContractService.ImportResult r = f.importContracts(
                ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0", "0", "0"),
                ContractFixture.row("ACME 2025", "2025-13-01", "XYZ,0,0.50", "MAC,0,1.00", "", "maybe", "0", "0", "0"),
                "Other,NOBODY PBM,999999,TESTPCN,,2025-01-01,WAC,0,0.50,AWP,-17,1.75,,Y,0,0,0",
                "Other,ACME RX SOLUTIONS,610014,,,2025-01-01,WAC,0,0.50,AWP,-17,1.75,,Y,0,0,0");

        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors()).extracting(ContractImportError::toString).contains(
                "contracts.csv line 3, column effective_from: Expected a date YYYY-MM-DD; found '2025-13-01'",
                "contracts.csv line 3, column brand_basis: Expected AWP, WAC, NADAC or MAC; found 'XYZ'",
                "contracts.csv line 3, column mac_list: A formula uses MAC, so the MAC list's name is required; found nothing",
                "contracts.csv line 3, column lesser_of_uc: Expected Y or N; found 'maybe'");
        assertThat(f.contracts.versions()).isEmpty();

        ContractService.ImportResult directory = f.importContracts(
                "Other,NOBODY PBM,999999,TESTPCN,,2025-01-01,WAC,0,0.50,AWP,-17,1.75,,Y,0,0,0",
                "Other,ACME RX SOLUTIONS,610014,,,2025-01-01,WAC,0,0.50,AWP,-17,1.75,,Y,0,0,0");
        assertThat(directory.errors()).extracting(ContractImportError::toString).containsExactly(
                "contracts.csv line 2, column payer: No payer named 'NOBODY PBM' in the payer directory (see payers list; add it with payers import)",
                "contracts.csv line 3, column bin: BIN 610014 is not a routing of ACME RX SOLUTIONS in the payer directory (its routings: BIN 999999 PCN TESTPCN)");
        assertThat(f.contracts.versions()).isEmpty();
    }

    @Test
    void priceFilesAreCheckedWholeAndARepeatedFileAddsNothing() {
        ContractService.ImportResult bad = f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,0,150.00
                1234506789,2025-02-01,10,12.345
                """);
        assertThat(bad.errors()).extracting(ContractImportError::toString).containsExactly(
                "invoice.csv line 2, column quantity: Expected a quantity above zero; found 0",
                "invoice.csv line 3, column ndc: NDC '1234506789' is a 10-digit NDC without hyphens; its layout (4-4-2, 5-3-2 or 5-4-1) is ambiguous — enter it with hyphens or as 11 digits",
                "invoice.csv line 3, column cost: Expected an amount such as 1.75 (plain decimal, at most 2 places); found '12.345'");

        ContractService.ImportResult again = f.importPrices(PriceKind.AWP, PRICES);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(f.contracts.priceImports()).hasSize(5);
    }

    @Test
    void theNadacFileAsCmsPublishesItPadsNdcsASpreadsheetShortened() {
        ContractService.ImportResult r = f.importPrices(PriceKind.NADAC, """
                NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,Pharmacy_Type_Indicator,OTC,Explanation_Code,Classification_for_Rate_Setting,Corresponding_Generic_Drug_NADAC_Per_Unit,Corresponding_Generic_Drug_Effective_Date,As of Date
                BRANDOL 10 MG TABLET,2759701,4.12345,2/19/2025,EA,C/I,N,1,B,,,02/26/2025
                """);

        assertThat(r.succeeded()).isTrue();
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "NADAC,0,10.00", "AWP,-17,1.75", "", "N", "0", "0", "0"));
        // NADAC 4.12345 × 30 = 123.7035 + 10.00 = 133.7035; − 10.00 = 123.7035 → 123.70
        assertThat(expect(f.brand("7100040", DOS)).expected()).isEqualTo(Money.parse("123.70"));
    }
}
