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
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.RemittanceRows.ClaimRow;
import org.rxledger.app.shell.ShellView;
import org.rxledger.app.testdata.MatchingOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.posting.PostingKind;
import org.rxledger.core.posting.PostingRepository.PostingRecord;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceListRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 5 on the real Remittances screen (real shell, H2 data folder, background runner): the match
 * explanation, manual unmatch and match to a candidate with a reason, a review-first payer's preview
 * then post, unpost with a reason, and the payer settings dialog refusing a bad pattern.
 */
@ExtendWith(ApplicationExtension.class)
class MatchingUiTest {

    @TempDir
    static Path temp;

    private AppContext ctx;
    private TestWorkstation workstation;
    private ShellView shell;
    private MatchingOffice office;

    @Start
    void start(Stage stage) throws IOException {
        Path data = Files.createTempDirectory(temp, "data");
        ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK);
        office = MatchingOffice.create(ctx, Files.createTempDirectory(temp, "files"));
        workstation = TestWorkstation.show(stage, ctx, data);
        shell = workstation.shell();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    // ---- helpers: the clerk's moves ----

    private TableView<RemittanceListRow> payments(FxRobot robot) {
        return robot.lookup("#remitPayments").queryTableView();
    }

    private TableView<ClaimRow> claims(FxRobot robot) {
        return robot.lookup("#remitClaims").queryTableView();
    }

    private void openPayment(FxRobot robot, String trace) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<RemittanceListRow> payments = payments(robot);
        waitUntil(() -> payments.getItems().size() == 2);
        RemittanceListRow row = payments.getItems().stream().filter(p -> p.traceNumber().equals(trace)).findFirst().orElseThrow();
        robot.interact(() -> {
            payments.getSelectionModel().select(row);
            payments.requestFocus();
        });
        waitUntil(() -> claims(robot).getItems().stream().allMatch(c -> true) && !claims(robot).getItems().isEmpty()
                && selectedPayment(robot).traceNumber().equals(trace));
    }

    private RemittanceListRow selectedPayment(FxRobot robot) {
        return payments(robot).getSelectionModel().getSelectedItem();
    }

    private void openClaim(FxRobot robot, String clp01) throws TimeoutException {
        TableView<ClaimRow> claims = claims(robot);
        waitUntil(() -> claims.getItems().stream().anyMatch(c -> c.clp01().equals(clp01)));
        robot.interact(() -> {
            claims.getSelectionModel().select(claims.getItems().stream().filter(c -> c.clp01().equals(clp01)).findFirst().orElseThrow());
            claims.requestFocus();
        });
        // the Match tab shows this claim payment's decisions (not the previous one's, while it loads)
        long id = claim(robot, clp01).id();
        TableView<MatchRecord> history = robot.lookup("#matchHistory").queryTableView();
        waitUntil(() -> !history.getItems().isEmpty() && history.getItems().get(0).remitClaimId() == id);
    }

    /** The claim row with this CLP01, or null while the list reloads. */
    private ClaimRow claim(FxRobot robot, String clp01) {
        return claims(robot).getItems().stream().filter(c -> c.clp01().equals(clp01)).findFirst().orElse(null);
    }

    private static boolean hasStatus(ClaimRow row, MatchStatus status) {
        return row != null && row.matchStatus() == status;
    }

    // ---- tests ----

    @Test
    void theMatchTabExplainsHowAClaimPaymentWasMatched(FxRobot robot) throws Exception {
        openPayment(robot, "EFT100");
        openClaim(robot, "7001500-00");
        waitUntil(() -> text(robot, "#matchClaim").equals("Matched to Rx 7001500 fill 0 on 2025-03-05"));
        assertThat(text(robot, "#matchVerdict")).startsWith("matched · ").contains("% confidence").contains("auto by clerk1");
        assertThat(text(robot, "#matchExplanation")).contains("Claim 7001500-00").contains("agreed");
        TableView<KeyCheck> checks = robot.lookup("#matchChecks").queryTableView();
        assertThat(checks.getItems()).anySatisfy(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.AGREED));
        TableView<MatchRecord> history = robot.lookup("#matchHistory").queryTableView();
        assertThat(history.getItems()).hasSize(1);

        // the ambiguous one lists both fills as candidates and is not matched
        openClaim(robot, "7001234");
        waitUntil(() -> text(robot, "#matchClaim").equals("Not matched to a claim"));
        assertThat(text(robot, "#matchVerdict")).startsWith("needs review (");
        TableView<MatchRecord.CandidateSummary> candidates = robot.lookup("#matchCandidatesList").queryTableView();
        assertThat(candidates.getItems()).extracting(MatchRecord.CandidateSummary::fill).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void clerkUnmatchesWithAReasonThenMatchesTheQueuedClaimToACandidate(FxRobot robot) throws Exception {
        openPayment(robot, "EFT100");
        openClaim(robot, "7001500-00");
        shortcut(robot, KeyCode.CONTROL, KeyCode.U);
        waitUntil(() -> showing(robot, "#unmatchDialogReason"));
        // no reason: refused in the dialog, which stays open
        click(robot, "#unmatchDialogOk");
        waitUntil(() -> text(robot, "#unmatchDialogProblem").contains("reason is required"));
        click(robot, "#unmatchDialogReason").write("Paid to the wrong pharmacy");
        click(robot, "#unmatchDialogOk");
        waitUntil(() -> !showing(robot, "#unmatchDialogReason"));
        waitUntil(() -> hasStatus(claim(robot, "7001500-00"), MatchStatus.UNMATCHED));
        waitUntil(() -> robot.lookup("#matchHistory").queryTableView().getItems().size() == 2);
        assertThat(text(robot, "#matchClaim")).isEqualTo("Not matched to a claim");

        openClaim(robot, "7001234");
        shortcut(robot, KeyCode.CONTROL, KeyCode.M);
        waitUntil(() -> showing(robot, "#matchReason"));
        TableView<MatchRecord.CandidateSummary> candidates = robot.lookup("#matchCandidates").queryTableView();
        assertThat(candidates.getItems()).hasSize(2);
        MatchRecord.CandidateSummary fill2 = candidates.getItems().stream().filter(c -> c.fill() == 2).findFirst().orElseThrow();
        robot.interact(() -> candidates.getSelectionModel().select(fill2));
        click(robot, "#matchReason").write("PBM confirmed fill 2 by phone");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !showing(robot, "#matchReason"));
        waitUntil(() -> hasStatus(claim(robot, "7001234"), MatchStatus.MANUAL));
        waitUntil(() -> text(robot, "#matchClaim").equals("Matched to Rx 7001234 fill 2 on 2025-03-04"));
        MatchRecord last = new MatchingService(ctx.transactions()).history(claim(robot, "7001234").id()).get(1);
        assertThat(last.reason()).isEqualTo("PBM confirmed fill 2 by phone");
        assertThat(last.claimId()).isEqualTo(office.fill2().id());
        assertThat(last.decidedBy()).isEqualTo("clerk1");

        // the Match tab still lists the candidates the clerk chose from, with their key checks and confidence
        TableView<MatchRecord.CandidateSummary> considered = robot.lookup("#matchCandidatesList").queryTableView();
        waitUntil(() -> considered.getItems().size() == 2);
        assertThat(text(robot, "#matchVerdict")).contains("manual match by clerk1");
        assertThat(considered.getItems()).extracting(MatchRecord.CandidateSummary::fill).containsExactlyInAnyOrder(1, 2);
        assertThat(considered.getItems()).allSatisfy(c -> assertThat(c.confidence()).isNotNull());
        assertThat(cell(considered, 0, fill2Row(considered))).isEqualTo("✓");
        assertThat(cell(considered, 0, 1 - fill2Row(considered))).isEmpty();
        // the decision's own checks are those of the chosen claim: its fill agreed
        TableView<KeyCheck> checks = robot.lookup("#matchChecks").queryTableView();
        assertThat(text(robot, "#matchChecksTitle")).isEqualTo("Key checks · the chosen claim");
        assertThat(checks.getItems()).anySatisfy(k -> {
            assertThat(k.key()).isEqualTo(org.rxledger.core.matching.MatchKey.FILL);
            assertThat(k.stored()).isEqualTo("2");
        });
        // selecting the other candidate shows how the keys compared with it
        int other = 1 - fill2Row(considered);
        robot.interact(() -> considered.getSelectionModel().select(other));
        waitUntil(() -> text(robot, "#matchChecksTitle").equals("Key checks · candidate Rx 7001234-01"));
        assertThat(checks.getItems()).anySatisfy(k -> {
            assertThat(k.key()).isEqualTo(org.rxledger.core.matching.MatchKey.FILL);
            assertThat(k.stored()).isEqualTo("1");
        });
        robot.interact(() -> considered.getSelectionModel().select(fill2Row(considered)));
        waitUntil(() -> text(robot, "#matchChecksTitle").equals("Key checks · candidate Rx 7001234-02 (chosen)"));

        // Ctrl+M again: the claim it is matched to is listed with ✓ (the other one is selected, for a re-match);
        // choosing ✓ confirms the match and writes nothing to the ledger
        long entries = ctx.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        long remitClaimId = claim(robot, "7001234").id();   // the rows are replaced while the list reloads
        shortcut(robot, KeyCode.CONTROL, KeyCode.M);
        waitUntil(() -> showing(robot, "#matchReason"));
        TableView<MatchRecord.CandidateSummary> again = robot.lookup("#matchCandidates").queryTableView();
        assertThat(again.getItems()).hasSize(2);
        assertThat(again.getSelectionModel().getSelectedItem().fill()).isEqualTo(1);
        assertThat(cell(again, 0, fill2Row(again))).isEqualTo("✓");
        robot.interact(() -> again.getSelectionModel().select(fill2Row(again)));
        click(robot, "#matchReason").write("Checked against the paper EOB");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !showing(robot, "#matchReason"));
        waitUntil(() -> new MatchingService(ctx.transactions()).history(remitClaimId).size() == 3);
        MatchRecord confirmed = new MatchingService(ctx.transactions()).history(remitClaimId).get(2);
        assertThat(confirmed.explanation()).startsWith("Confirmed by clerk1: Checked against the paper EOB");
        assertThat(confirmed.claimId()).isEqualTo(office.fill2().id());
        long entriesAfter = ctx.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        assertThat(entriesAfter).isEqualTo(entries);
    }

    private static int fill2Row(TableView<MatchRecord.CandidateSummary> table) {
        return table.getItems().get(0).fill() == 2 ? 0 : 1;
    }

    private static String cell(TableView<?> table, int column, int row) {
        Object v = table.getColumns().get(column).getCellData(row);
        return v == null ? "" : v.toString();
    }

    @Test
    void reviewFirstPaymentIsPreviewedThenPosted(FxRobot robot) throws Exception {
        openPayment(robot, "EFT200");
        assertThat(selectedPayment(robot).status()).isEqualTo(PaymentStatus.IMPORTED);
        waitUntil(() -> text(robot, "#remitPayerMode").contains("review first"));
        shortcut(robot, KeyCode.CONTROL, KeyCode.P);
        waitUntil(() -> showing(robot, "#previewCheck"));
        assertThat(text(robot, "#previewCheck")).isEqualTo("✓ BPR02 check: payer cash 21.85 = payment amount (BPR02) 21.85");
        TableView<?> totals = robot.lookup("#previewTotals").queryTableView();
        assertThat(totals.getItems()).isNotEmpty();
        assertThat(robot.lookup("#previewEntries").queryTableView().getItems()).isNotEmpty();
        click(robot, "#previewDialogOk");
        waitUntil(() -> !showing(robot, "#previewCheck"));
        waitUntil(() -> selectedPayment(robot) != null && selectedPayment(robot).status() == PaymentStatus.POSTED);
        TableView<PostingRecord> postings = robot.lookup("#remitPostings").queryTableView();
        waitUntil(() -> postings.getItems().size() == 1);
        assertThat(postings.getItems().get(0).kind()).isEqualTo(PostingKind.POST);
    }

    @Test
    void clerkUnpostsAPaymentWithAReason(FxRobot robot) throws Exception {
        openPayment(robot, "EFT100");
        assertThat(selectedPayment(robot).status()).isEqualTo(PaymentStatus.POSTED);
        click(robot, "#remitUnpost");
        waitUntil(() -> showing(robot, "#unpostDialogReason"));
        click(robot, "#unpostDialogReason").write("Deposit was returned by the bank");
        click(robot, "#unpostDialogOk");
        waitUntil(() -> !showing(robot, "#unpostDialogReason"));
        waitUntil(() -> selectedPayment(robot) != null && selectedPayment(robot).status() == PaymentStatus.IMPORTED);
        TableView<PostingRecord> postings = robot.lookup("#remitPostings").queryTableView();
        waitUntil(() -> postings.getItems().size() == 2);
        assertThat(postings.getItems().get(1).kind()).isEqualTo(PostingKind.UNPOST);
        assertThat(postings.getItems().get(1).reason()).isEqualTo("Deposit was returned by the bank");
        assertThat(postings.getItems().get(1).cash().negate()).isEqualTo(postings.getItems().get(0).cash());
    }

    @Test
    void aClerkIsRefusedAnUnpostAndThePaymentStaysPosted(FxRobot robot) throws Exception {
        ctx.transactions().signIn(new org.rxledger.core.access.Session("pat", "Pat Clerk",
                java.util.Set.of(org.rxledger.core.access.Role.CLERK), "ws-test", TestStores.CLOCK.instant()));
        openPayment(robot, "EFT100");
        click(robot, "#remitUnpost");
        waitUntil(() -> showing(robot, "#unpostDialogReason"));
        click(robot, "#unpostDialogReason").write("Deposit was returned by the bank");
        click(robot, "#unpostDialogOk");

        waitUntil(() -> text(robot, "#unpostDialogProblem").contains("pat may not unpost a payment"));
        assertThat(text(robot, "#unpostDialogProblem")).contains("'unpost'").contains("Nothing was changed");
        click(robot, "#unpostDialogReason").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !showing(robot, "#unpostDialogReason"));
        assertThat(selectedPayment(robot).status()).isEqualTo(PaymentStatus.POSTED);
        TableView<PostingRecord> postings = robot.lookup("#remitPostings").queryTableView();
        waitUntil(() -> postings.getItems().size() == 1);
    }

    @Test
    void payerSettingsRefuseABadPatternAndSaveAGoodOne(FxRobot robot) throws Exception {
        openPayment(robot, "EFT100");
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitUntil(() -> showing(robot, "#settingsPatterns"));
        ComboBox<?> payer = robot.lookup("#settingsPayer").queryAs(ComboBox.class);
        assertThat(String.valueOf(payer.getValue())).isEqualTo(MatchingOffice.PAYER);
        assertThat(robot.lookup("#settingsDefaults").queryAs(TextArea.class).getText()).contains("rx-fill:");

        click(robot, "#settingsPatterns").write("RX(?<rx>\\d+F");
        click(robot, "#settingsDialogOk");
        waitUntil(() -> text(robot, "#settingsDialogProblem").contains("line 1"));
        assertThat(text(robot, "#settingsDialogProblem")).contains("is not a valid regular expression");

        robot.interact(() -> robot.lookup("#settingsPatterns").queryAs(TextArea.class).setText("RX(?<rx>\\d+)F(?<refill>\\d{2})"));
        click(robot, "#settingsDialogOk");
        waitUntil(() -> text(robot, "#settingsDialogProblem").contains("group named 'refill'"));
        assertThat(showing(robot, "#settingsPatterns")).isTrue();

        robot.interact(() -> {
            robot.lookup("#settingsPatterns").queryAs(TextArea.class).setText("RX(?<rx>\\d+)F(?<fill>\\d{2})");
            @SuppressWarnings("unchecked")
            ComboBox<PostingMode> mode = robot.lookup("#settingsMode").queryAs(ComboBox.class);
            mode.setValue(PostingMode.AUTOMATIC);
        });
        click(robot, "#settingsDialogOk");
        waitUntil(() -> !showing(robot, "#settingsPatterns"));
        var saved = new MatchingService(ctx.transactions()).settings().get(0);
        assertThat(saved.postingMode()).isEqualTo(PostingMode.AUTOMATIC);
        assertThat(saved.clp01Patterns()).containsExactly("RX(?<rx>\\d+)F(?<fill>\\d{2})");
    }
}
