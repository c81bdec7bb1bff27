package org.rxledger.app.remits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.RemittanceRows.ProviderAdjustmentRow;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.MatchingOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.RemittanceBuilder;

/** The "Attribute to claim…" view model on a real data folder (H2 + migrations) with the synchronous runner. */
class PlbAttributionViewModelTest {

    @TempDir
    Path dir;

    private AppContext ctx;
    private MatchingOffice office;
    private long paymentId;
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private PlbAttributionViewModel vm;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("data"), TestStores.CLERK, TestStores.CLOCK);
        office = MatchingOffice.create(ctx, dir);
        MatchingOffice.importFile(ctx, dir, "eft300.835", RemittanceBuilder.payment(MatchingOffice.parties(MatchingOffice.PAYER),
                "EFT300", LocalDate.of(2025, 3, 14), 3,
                List.of(MatchingOffice.paid("7001500-01", office.other().authorizationNumber(), office.other().dateOfService(),
                        office.other(), "30.00")),
                List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "AUDIT-77", Money.parse("7.50")))));
        paymentId = ctx.transactions().read(tx -> MatchLookups.paymentsByTrace(tx, "EFT300")).get(0).paymentId();
        vm = new PlbAttributionViewModel(new org.rxledger.core.posting.PostingService(ctx.transactions()), new SynchronousTaskRunner(), notices::add);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private ProviderAdjustmentRow item() {
        return ctx.transactions().read(tx -> RemittancesViewModel.providerAdjustments(tx, paymentId)).get(0);
    }

    @Test
    void findRefusesABlankRxABadFillAndAnRxFillWithNoClaim() {
        vm.open(item());
        vm.find(errors::add);
        vm.fillProperty().set("x");
        vm.rxProperty().set("7001500");
        vm.find(errors::add);
        vm.fillProperty().set("");
        vm.find(errors::add);
        vm.rxProperty().set("9999999");
        vm.fillProperty().set("0");
        vm.find(errors::add);
        assertThat(errors).containsExactly("Type the Rx number of the claim the takeback belongs to.",
                "Fill must be a number (0–99), not 'x'.", "Type the fill number too (0 for the original fill).",
                "No stored claim has Rx 9999999 fill 0.");
        assertThat(vm.found()).isEmpty();
        assertThat(vm.chosenProperty().get()).isNull();
    }

    @Test
    void attributesTheChosenClaimWithAReasonAndRefusesTheSameClaimAgain() {
        new PostingService(ctx.transactions()).post(paymentId);
        assertThat(item().attributedText()).isEqualTo("—");
        vm.open(item());
        boolean[] done = {false};
        vm.attribute(errors::add, () -> done[0] = true);
        vm.rxProperty().set(" 7001500 ");
        vm.fillProperty().set("0");
        vm.find(errors::add);
        assertThat(vm.found()).hasSize(1);
        assertThat(vm.chosenProperty().get().summary()).startsWith("Rx 7001500 fill 0 · DOS ").contains(" · plan paid ");
        vm.attribute(errors::add, () -> done[0] = true);
        assertThat(errors).containsExactly("Find the claim by its Rx number and fill first, then choose it in the list.",
                "A reason is required: say why this takeback belongs to that claim (e.g. the audit letter).");
        assertThat(done[0]).isFalse();

        vm.reasonProperty().set("audit letter 77");
        vm.attribute(errors::add, () -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(notices).extracting(Notice::text).anyMatch(t -> t.startsWith("PLB WO AUDIT-77 (7.50) attributed to Rx 7001500-00"));
        assertThat(item().attributedText()).isEqualTo("7001500-00");
        assertThat(item().attributedClaimId()).isEqualTo(office.other().id());

        // the same claim again is refused before the core is asked
        errors.clear();
        vm.open(item());
        vm.rxProperty().set("7001500");
        vm.fillProperty().set("0");
        vm.find(errors::add);
        vm.reasonProperty().set("again");
        vm.attribute(errors::add, () -> { });
        assertThat(errors).containsExactly("PLB WO AUDIT-77 (7.50) is already attributed to Rx 7001500-00; choose another claim or Cancel.");
    }

    @Test
    void aPaymentThatIsNotPostedIsRefusedByTheCoreInPlainWords() {
        vm.open(item());
        vm.rxProperty().set("7001500");
        vm.fillProperty().set("0");
        vm.find(errors::add);
        vm.reasonProperty().set("audit letter 77");
        vm.attribute(errors::add, () -> { });
        assertThat(errors).singleElement().asString().contains("EFT300 is not posted");
    }
}
