package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.contract.ContractFixture;
import org.rxledger.core.contract.MacAppeal;
import org.rxledger.core.contract.MacAppealService;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.money.Money;

/**
 * The MAC appeal PDF of a claim priced under ACME's MAC contract (the contract fixtures: 30 units, MAC 0.98765,
 * NADAC 0.27463, invoice 1.50 per unit), read back as text.
 */
class MacAppealPdfWriterTest {

    @TempDir
    Path dir;

    private ContractFixture f;

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void thePacketPrintsThePharmacyTheClaimThePricesAndTheShortfallButNotThePatient() throws IOException {
        f = new ContractFixture(dir);
        f.savePharmacy();
        f.importPrices(PriceKind.MAC, """
                mac_list,ndc,unit_price,effective_from,effective_to
                ACME-MAC,12345067890,0.98765,2025-01-01,
                """);
        f.importPrices(PriceKind.NADAC, """
                NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,Pharmacy_Type_Indicator,OTC,Explanation_Code,Classification_for_Rate_Setting,Corresponding_Generic_Drug_NADAC_Per_Unit,Corresponding_Generic_Drug_Effective_Date,As of Date
                ATORVASTATIN 20 MG TABLET,12345067890,0.27463,02/12/2025,EA,C/I,N,"1, 5",G,,,02/19/2025
                """);
        f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                """);
        assertThat(f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC",
                "Y", "0.10", "0", "0")).succeeded()).isTrue();
        Claim c = f.generic("7300001", LocalDate.of(2025, 3, 3));
        f.pay(Money.parse("20.53"), c);
        MacAppeal appeal = new MacAppealService(f.db.transactions()).packet("7300001", 1);
        Path out = dir.resolve("appeal.pdf");

        AuditPacketPdfWriter.Result r = new MacAppealPdfWriter().write(appeal, LocalDateTime.of(2025, 3, 20, 9, 30), out);

        assertThat(r.pageCount()).isEqualTo(1);
        assertThat(r.sha256()).hasSize(64);
        String text;
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("MAPLE STREET PHARMACY", "1234567893", "ACME RX SOLUTIONS", "ACME 2025", "7300001",
                "03/03/2025", "12345067890", "ACME-MAC",
                "$0.98765",          // MAC per unit
                "$0.27463",          // NADAC per unit
                "$1.50000",          // invoice 150.00 / 100
                "$29.63",            // 0.98765 × 30 = 29.6295
                "$45.00",            // 1.50 × 30
                "$15.37",            // 45.00 − 29.63
                "acquisition cost available in the market", "request an adjustment");
        assertThat(text).doesNotContain(f.office.patient().lastName(), f.office.patient().firstName(), c.cardholderId(), "04/15/1962");
    }
}
