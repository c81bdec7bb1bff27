package org.rxledger.app.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.contract.ContractFixture;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;

/**
 * The Underpaid tab's MAC appeal: offered only for a claim priced on a MAC list, and writing it leaves the PDF and a
 * disclosure to the payer (contract fixtures: MAC 0.98765 × 30 + 1.00 − 10.00 − 0.10 = 20.53 expected, 15.00 paid).
 */
class ContractsViewModelTest {

    @TempDir
    Path dir;

    private ContractFixture f;

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void theMacAppealOfTheSelectedUnderpaidClaimIsWrittenAndRecorded() {
        f = new ContractFixture(dir);
        f.importPrices(PriceKind.MAC, """
                mac_list,ndc,unit_price,effective_from,effective_to
                ACME-MAC,12345067890,0.98765,2025-01-01,
                """);
        f.importPrices(PriceKind.INVOICE, """
                ndc,invoice_date,quantity,cost
                12345067890,2025-02-01,100,150.00
                """);
        assertThat(f.importContracts(ContractFixture.row("ACME 2025", "2025-01-01", "WAC,0,0.50", "MAC,0,1.00", "ACME-MAC",
                "Y", "0.10", "0", "0")).succeeded()).isTrue();
        Claim c = f.generic("7400001", LocalDate.of(2025, 3, 3));
        f.pay(Money.parse("15.00"), c);
        List<Notice> notices = new ArrayList<>();
        ContractsViewModel vm = new ContractsViewModel(f.contracts, new SynchronousTaskRunner(), notices::add);
        vm.reload();
        assertThat(vm.underpaid()).singleElement().satisfies(u -> assertThat(u.shortfall()).isEqualTo(Money.parse("5.53")));
        assertThat(ContractsViewModel.macPriced(null)).isFalse();
        assertThat(ContractsViewModel.macPriced(vm.underpaid().get(0))).isTrue();
        vm.selectedUnderpaidProperty().set(vm.underpaid().get(0));
        Path pdf = dir.resolve("appeal.pdf");

        vm.macAppeal(pdf);

        assertThat(notices).isEmpty();
        assertThat(Files.exists(pdf)).isTrue();
        // MAC 0.98765 × 30 = 29.63 against invoice 1.50 × 30 = 45.00
        assertThat(vm.messageProperty().get()).isEqualTo("MAC appeal for Rx 7400001 fill 1 written to appeal.pdf (shortfall 15.37).");
        List<Disclosure> log = f.db.transactions().read(tx -> tx.port(DisclosureLog.class).between(null, null));
        assertThat(log).singleElement().satisfies(d -> assertThat(d.recipient()).isEqualTo("ACME RX SOLUTIONS"));
    }
}
