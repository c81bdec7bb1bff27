package org.rxledger.app.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.mfp.DisputeStatus;
import org.rxledger.core.mfp.MfpImportStep;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.mfp.RefundState;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestOffice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk opens Reconciliation (Ctrl+5), moves to the MFP refunds tab with Ctrl+Tab, judges the refunds as of
 * 2026-03-01, sees the short and the missing one, and disputes the short one with Ctrl+D — keyboard only.
 * Data: core's sample price list and MTF 835 (mfp/), three Part D fills of 30 units of NDC 12345067890.
 */
@ExtendWith(ApplicationExtension.class)
class MfpRefundsUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws Exception {
        db = TestStores.freshDatabase();
        office(db);
        workstation = TestWorkstation.show(stage, db);
    }

    static void office(Database db) throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        int[] fills = {2, 1, 0};
        String[] rxs = {"7001234", "7001300", "7001400"};
        for (int i = 0; i < 3; i++) {
            ClaimBuilder b = ClaimBuilder.aPaidClaim(office).rx(rxs[i]).fill(fills[i])
                    .dateOfService(LocalDate.of(2026, 2, 2 + i)).authorization("A" + rxs[i]);
            db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
        }
        new PayerDirectoryService(db.transactions()).importCsv("mtf.csv", new StringReader(
                "payer_name,remit_payer_id,bin,pcn,group_id\nMEDICARE TRANSACTION FACILITATOR,1900000024,,,\n"));
        MfpService mfp = new MfpService(db.transactions());
        mfp.setPartD(new Routing("999999", "TESTPCN", ""), true, "Part D PCN");
        mfp.setRefundPayer("MEDICARE TRANSACTION FACILITATOR", true, "MTF");
        try (InputStream in = MfpRefundsUiTest.class.getResourceAsStream("/org/rxledger/core/mfp/mfp-prices-sample.csv")) {
            assertThat(mfp.importPrices("mfp-prices-sample.csv", new InputStreamReader(in, StandardCharsets.UTF_8))
                    .succeeded()).isTrue();
        }
        Path dir = Files.createTempDirectory("rx-mfp-ui-");
        Path file = dir.resolve("mtf-refunds.835");
        try (InputStream in = MfpRefundsUiTest.class.getResourceAsStream("/org/rxledger/core/mfp/mtf-refunds.835")) {
            Files.copy(in, file);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"),
                new MfpImportStep(new MatchAndPostStep())).importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkFindsTheShortAndMissingRefundsAndDisputesTheShortOneFromTheKeyboard(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        // MFP refunds is the fifth tab: Daily, Claims, Aging, Deposits, MFP refunds
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        }
        TableView<MfpRefund> table = robot.lookup("#mfpTable").queryTableView();
        waitUntil(table::isFocused);

        robot.clickOn("#mfpAsOf");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2026-03-01").type(KeyCode.ENTER);

        // needs work: the short refund (300.00 of 355.37) and the missing one; the paid one is not shown
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(MfpRefund::rxFill).containsExactly("7001300-01", "7001400-00");
        assertThat(table.getItems()).extracting(MfpRefund::state).containsExactly(RefundState.SHORT, RefundState.MISSING);
        assertThat(table.getItems().get(0).shortfall()).isEqualTo(Money.parse("55.37"));
        assertThat(robot.lookup("#mfpSummary").queryAs(Label.class).getText())
                .contains("2 refunds shown of 3").contains("outstanding").contains("410.74");

        robot.clickOn(table).type(KeyCode.HOME);
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 0);
        assertThat(robot.lookup("#mfpDetail").queryAs(Label.class).getText())
                .contains("(WAC 12.34567 − MFP 0.50000) × ").contains("355.37").contains("trace MTF20260210A");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.write("short paid").type(KeyCode.ENTER);

        waitUntil(() -> table.getItems().size() == 2 && table.getItems().get(0).dispute() != null);
        assertThat(table.getItems().get(0).dispute().status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(table.getItems().get(0).dispute().reason()).isEqualTo("short paid");
    }
}
