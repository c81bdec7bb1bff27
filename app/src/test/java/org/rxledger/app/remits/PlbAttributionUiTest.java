package org.rxledger.app.remits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxRobots.click;
import static org.rxledger.app.testdata.FxRobots.shortcut;
import static org.rxledger.app.testdata.FxRobots.showing;
import static org.rxledger.app.testdata.FxRobots.text;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.RemittanceRows.ProviderAdjustmentRow;
import org.rxledger.app.shell.ShellView;
import org.rxledger.app.testdata.MatchingOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceListRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 5 on the real Remittances screen (real shell, H2 data folder, background runner): the clerk selects
 * an unattributed WO takeback in the PLB tab, opens "Attribute to claim…" with Ctrl+Shift+A, is told when the
 * Rx/fill finds no claim, finds the claim, gives a reason and attributes it; the "Attributed to" column shows
 * the Rx-fill and the exceptions queue no longer lists the item. Attributing it to the same claim again is refused.
 */
@ExtendWith(ApplicationExtension.class)
class PlbAttributionUiTest {

    @TempDir
    static Path temp;

    private AppContext ctx;
    private TestWorkstation workstation;
    private ShellView shell;
    private MatchingOffice office;

    @Start
    void start(Stage stage) throws IOException {
        Path data = Files.createTempDirectory(temp, "data");
        Path files = Files.createTempDirectory(temp, "files");
        ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK);
        office = MatchingOffice.create(ctx, files);
        MatchingOffice.importFile(ctx, files, "eft300.835", RemittanceBuilder.payment(MatchingOffice.parties(MatchingOffice.PAYER),
                "EFT300", LocalDate.of(2025, 3, 14), 3,
                List.of(MatchingOffice.paid("7001500-01", office.other().authorizationNumber(), office.other().dateOfService(),
                        office.other(), "30.00")),
                List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "AUDIT-77", Money.parse("7.50")),
                        RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "L6", "INT", Money.parse("-2.00")))));
        long eft300 = ctx.transactions().read(tx -> MatchLookups.paymentsByTrace(tx, "EFT300")).get(0).paymentId();
        new PostingService(ctx.transactions()).post(eft300);   // the payer posts review-first
        workstation = TestWorkstation.show(stage, ctx, data);
        shell = workstation.shell();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    private List<ExceptionItem> unattributed() {
        return new ExceptionQueue(ctx.transactions()).items(ExceptionFilter.ALL.withCategory(ExceptionCategory.PLB_UNATTRIBUTED));
    }

    private static ProviderAdjustmentRow row(TableView<ProviderAdjustmentRow> plb, String reference) {
        return plb.getItems().stream().filter(r -> reference.equals(r.reference())).findFirst().orElse(null);
    }

    @Test
    void clerkAttributesAWoTakebackToAClaimFromThePlbTab(FxRobot robot) throws Exception {
        assertThat(unattributed()).extracting(ExceptionItem::reason).anyMatch(s -> s.contains("AUDIT-77"));
        int before = unattributed().size();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        waitUntil(() -> payments.getItems().size() == 3);
        robot.interact(() -> payments.getSelectionModel().select(payments.getItems().stream()
                .filter(p -> p.traceNumber().equals("EFT300")).findFirst().orElseThrow()));
        TableView<ProviderAdjustmentRow> plb = robot.lookup("#remitPlb").queryTableView();
        waitUntil(() -> row(plb, "AUDIT-77") != null);
        assertThat(row(plb, "AUDIT-77").attributedText()).isEqualTo("—");
        robot.interact(() -> {
            plb.getSelectionModel().select(row(plb, "AUDIT-77"));
            plb.requestFocus();
        });

        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        waitUntil(() -> showing(robot, "#plbFindRx"));
        // an Rx/fill that names no stored claim: told in the dialog, which stays open
        robot.interact(() -> {
            robot.lookup("#plbFindRx").queryTextInputControl().setText("9999999");
            robot.lookup("#plbFindFill").queryTextInputControl().setText("0");
        });
        click(robot, "#plbFind");
        waitUntil(() -> text(robot, "#plbAttributeDialogProblem").contains("No stored claim has Rx 9999999 fill 0"));
        // no claim chosen yet: Attribute is refused
        click(robot, "#plbAttributeDialogOk");
        waitUntil(() -> text(robot, "#plbAttributeDialogProblem").contains("Find the claim"));

        click(robot, "#plbFindRx");
        robot.interact(() -> robot.lookup("#plbFindRx").queryTextInputControl().setText("7001500"));
        robot.type(KeyCode.ENTER);
        TableView<?> claims = robot.lookup("#plbClaims").queryTableView();
        waitUntil(() -> claims.getItems().size() == 1);
        assertThat(text(robot, "#plbChosen")).startsWith("Attribute to: Rx 7001500 fill 0 · DOS ").contains("plan paid");
        // a reason is required
        click(robot, "#plbAttributeDialogOk");
        waitUntil(() -> text(robot, "#plbAttributeDialogProblem").contains("reason is required"));
        click(robot, "#plbReason").write("Audit letter 77 names Rx 7001500");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !showing(robot, "#plbFindRx"));

        waitUntil(() -> row(plb, "AUDIT-77") != null && row(plb, "AUDIT-77").attributedText().equals("7001500-00"));
        assertThat(row(plb, "INT").attributedText()).isEqualTo("—");
        assertThat(unattributed()).hasSize(before - 1).noneMatch(i -> i.reason().contains("AUDIT-77"));
        Money onClaim = ctx.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(office.other().id(), LedgerAccount.PLB_RECOUPMENT));
        assertThat(onClaim).isEqualTo(Money.parse("7.50"));

        // the same claim again: refused, nothing written
        waitUntil(() -> plb.getSelectionModel().getSelectedItem() != null
                && "AUDIT-77".equals(plb.getSelectionModel().getSelectedItem().reference()));
        click(robot, "#remitPlbAttribute");
        waitUntil(() -> showing(robot, "#plbFindRx"));
        robot.interact(() -> {
            robot.lookup("#plbFindRx").queryTextInputControl().setText("7001500");
            robot.lookup("#plbFindFill").queryTextInputControl().setText("0");
            robot.lookup("#plbReason").queryTextInputControl().setText("again");
        });
        click(robot, "#plbFind");
        waitUntil(() -> robot.lookup("#plbClaims").queryTableView().getItems().size() == 1);
        click(robot, "#plbAttributeDialogOk");
        waitUntil(() -> text(robot, "#plbAttributeDialogProblem").contains("already attributed to Rx 7001500-00"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !showing(robot, "#plbFindRx"));
    }
}
