package org.rxledger.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;

/**
 * The MAC appeal of one claim priced on ACME-MAC (0.98765 per unit, NADAC 0.27463, invoice 150.00 for 100 units),
 * 30 units, on a real H2 with the contract fixtures.
 */
class MacAppealServiceTest {

    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);

    @TempDir
    Path dir;

    private ContractFixture f;
    private MacAppealService appeals;

    @BeforeEach
    void setUp() {
        f = new ContractFixture(dir);
        f.savePharmacy();
        appeals = new MacAppealService(f.db.transactions());
        assertThat(f.importPrices(PriceKind.MAC, """
                mac_list,ndc,unit_price,effective_from,effective_to
                ACME-MAC,12345067890,0.98765,2025-01-01,
                """).succeeded()).isTrue();
        assertThat(f.importPrices(PriceKind.NADAC, """
                NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,Pharmacy_Type_Indicator,OTC,Explanation_Code,Classification_for_Rate_Setting,Corresponding_Generic_Drug_NADAC_Per_Unit,Corresponding_Generic_Drug_Effective_Date,As of Date
                ATORVASTATIN 20 MG TABLET,12345067890,0.27463,02/12/2025,EA,C/I,N,"1, 5",G,,,02/19/2025
                """).succeeded()).isTrue();
        assertThat(f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC",
                "Y", "0.10", "0", "0")).succeeded()).isTrue();
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private void invoice() {
        assertThat(f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                12345067890,2025-03-10,100,90.00
                """).succeeded()).isTrue();
    }

    @Test
    void theAppealSetsTheMacReimbursementAgainstTheInvoiceCostInForceOnTheDateOfService() {
        invoice();
        Claim c = f.generic("7200001", DOS);
        f.pay(Money.parse("20.53"), c);

        MacAppeal a = appeals.packet("7200001", 1);

        assertThat(a.claimId()).isEqualTo(c.id());
        assertThat(a.payer()).isEqualTo("ACME RX SOLUTIONS");
        assertThat(a.macList()).isEqualTo("ACME-MAC");
        assertThat(a.macUnitPrice()).isEqualByComparingTo("0.98765");
        assertThat(a.nadacUnitPrice()).isEqualByComparingTo("0.27463");
        // the invoice of 2025-02-01 (the one of 03-10 is after the DOS): 150.00 / 100 = 1.50 per unit
        assertThat(a.invoiceUnitCost()).isEqualByComparingTo("1.50");
        // MAC 0.98765 × 30 = 29.6295 → 29.63; cost 1.50 × 30 = 45.00; short 45.00 − 29.63 = 15.37
        assertThat(a.macReimbursement()).isEqualTo(Money.parse("29.63"));
        assertThat(a.acquisitionCost()).isEqualTo(Money.parse("45.00"));
        assertThat(a.costBasis()).isEqualTo("invoice");
        assertThat(a.shortfall()).isEqualTo(Money.parse("15.37"));
        assertThat(a.statement()).contains("below the pharmacy's acquisition cost available in the market",
                "We request an adjustment", "15.37");
        assertThat(a.pharmacy().npi()).isEqualTo("1234567893");
    }

    @Test
    void sendingItIsADisclosureToThePayerOfTheClaimsPatient() {
        invoice();
        Claim c = f.generic("7200002", DOS);
        MacAppeal a = appeals.packet("7200002", 1);

        appeals.recordSent(a, 1, "a".repeat(64));

        List<Disclosure> log = f.db.transactions().read(tx -> tx.port(DisclosureLog.class).between(null, null));
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Disclosure.Kind.REPORT);
            assertThat(d.recipient()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(d.reference()).isEqualTo("MAC appeal claim " + c.id());
            assertThat(d.patientIds()).containsExactly(c.patientId());
        });
    }

    @Test
    void withoutAnInvoiceNadacIsTheCostAndAMacAboveItIsNothingToAppeal() {
        f.generic("7200003", DOS);

        // NADAC 0.27463 × 30 = 8.24 < MAC 29.63
        assertThatThrownBy(() -> appeals.packet("7200003", 1)).isInstanceOf(RxLedgerException.class)
                .hasMessage("Rx 7200003 fill 1: the MAC reimbursement 29.63 is not below the acquisition cost 8.24; "
                        + "there is nothing to appeal");
    }

    @Test
    void aClaimNotPricedOnAMacListOrUnknownIsRefusedInPlainWords() {
        invoice();
        f.brand("7200004", DOS);

        assertThatThrownBy(() -> appeals.packet("7200004", 1)).isInstanceOf(RxLedgerException.class)
                .hasMessage("Rx 7200004 fill 1 is priced WAC + 0.50 under ACME 2025, not on a MAC list");
        assertThatThrownBy(() -> appeals.packet("7299999", 1)).isInstanceOf(RxLedgerException.class)
                .hasMessage("No claim for Rx 7299999 fill 1");
    }
}
