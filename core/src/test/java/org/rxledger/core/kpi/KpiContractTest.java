package org.rxledger.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.contract.ContractFixture;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.kpi.Dashboard.PayerFigures;
import org.rxledger.core.money.Money;

/** The dashboard's underpaid and below-cost figures come from the claims priced under their contracts. */
class KpiContractTest {

    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);

    @TempDir
    Path dir;

    private ContractFixture f;

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void underpaidAndBelowCostAreSummedPerPayerFromTheContractChecks() {
        f = new ContractFixture(dir);
        f.importPrices(PriceKind.AWP, """
                ndc,unit_price,effective_from,effective_to
                12345067890,1.50000,2025-01-01,
                """);
        f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                """);
        f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "AWP,-17,1.75", "", "Y", "0.10", "0", "0"));
        var shortPaid = f.generic("7100011", DOS);
        var fullyPaid = f.generic("7100012", DOS);
        f.pay(Money.parse("21.85"), shortPaid);
        f.pay(Money.parse("29.00"), fullyPaid);

        Dashboard d = new KpiService(f.db.transactions()).dashboard(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));

        // expected by contract: AWP 1.50 × 30 × 0.83 + 1.75 = 39.10 − 10.00 patient pay − 0.10 fee = 29.00
        // 7100011: 29.00 − 21.85 = 7.15 underpaid; 7100012 paid 29.00 in full
        PayerFigures acme = d.payers().get(0);
        assertThat(acme.payer()).isEqualTo("ACME RX SOLUTIONS");
        assertThat(acme.underpaid()).isEqualTo(1);
        assertThat(acme.underpaidAmount()).isEqualTo(Money.parse("7.15"));
        // invoice cost 1.50 × 30 = 45.00: 45.00 − (21.85 + 10.00) = 13.15 and 45.00 − (29.00 + 10.00) = 6.00
        assertThat(acme.belowCost()).isEqualTo(2);
        assertThat(acme.belowCostAmount()).isEqualTo(Money.parse("19.15"));
        assertThat(d.total().underpaidAmount()).isEqualTo(Money.parse("7.15"));
    }
}
