package org.rxledger.app.remits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.RemittanceRows.AdjustmentRow;
import org.rxledger.app.remits.RemittanceRows.ClaimRow;
import org.rxledger.app.shell.ShellView;
import org.rxledger.app.testdata.Contrast;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.remit.RejectedImport;
import org.rxledger.core.remit.RemittanceListRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 4, import → review on the real shell, a real data folder (H2 file database, archive, inbox)
 * and the real background runner: the clerk imports the DOMAIN.md §2.8 sample with Ctrl+O, finds the
 * payment, opens a claim with the keyboard and reads its adjustments in words.
 */
@ExtendWith(ApplicationExtension.class)
class RemittancesUiTest {

    private static final Path SAMPLE = org.rxledger.app.testdata.SampleFiles.sample835();

    @TempDir
    static Path temp;

    private AppContext ctx;
    private TestWorkstation workstation;
    private ShellView shell;
    private Path data;

    @Start
    void start(Stage stage) throws IOException {
        data = Files.createTempDirectory(temp, "data");
        ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK);
        workstation = TestWorkstation.show(stage, ctx, data);
        shell = workstation.shell();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkImportsTheSampleAndReadsAClaimsAdjustmentsInWords(FxRobot robot) throws Exception {
        Path file = temp.resolve("acme-0314.835");
        Files.copy(SAMPLE, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shell.remittancesView().setFilePicker(owner -> List.of(file.toFile()));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);

        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        waitUntil(() -> payments.getItems().size() == 1);
        // this office has none of the sample's claims, so nothing matches and the payment is held, not posted
        assertThat(robot.lookup("#remitLastOutcome").queryAs(Label.class).getText())
                .startsWith("acme-0314.835: imported 1 payment (4 claims, 206.82)\n"
                        + "Claim payments: 0 % matched automatically (0 of 4), 4 unmatched.\nTrace EFT0314A77: Not posted"
                        + " automatically: only 0 of 4 claim payments match a stored claim");
        RemittanceListRow payment = payments.getItems().get(0);
        assertThat(payment.traceNumber()).isEqualTo("EFT0314A77");
        assertThat(payment.balanced()).isTrue();

        // keyboard: Ctrl+2 focuses the payments, ↓ selects, Enter goes to the claims
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClaimRow> claims = robot.lookup("#remitClaims").queryTableView();
        waitUntil(() -> claims.getItems().size() == 4);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(claims.isFocused()).isTrue();
        ClaimRow first = claims.getSelectionModel().getSelectedItem();
        assertThat(first.rxFill()).startsWith("Rx 7001234 fill 2");
        assertThat(first.status()).startsWith("1 — ");

        TableView<AdjustmentRow> adjustments = robot.lookup("#remitAdjustments").queryTableView();
        waitUntil(() -> adjustments.getItems().size() == 2);
        assertThat(adjustments.getItems()).extracting(AdjustmentRow::group, AdjustmentRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CO", "45"),
                        org.assertj.core.groups.Tuple.tuple("PR", "3"));
        assertThat(adjustments.getItems().get(0).reasonText()).startsWith("Charge exceeds fee schedule");
        assertThat(adjustments.getItems().get(0).groupText()).isEqualTo("Contractual obligation");
        assertThat(robot.lookup("#remitRaw").queryAs(TextArea.class).getText())
                .contains("CLP*7001234-02*1*48.25*21.85").contains("CAS*CO*45*16.40");

        // the filter: reversals only leaves the CLP02 = 22 claim
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        waitUntil(() -> claims.getItems().size() == 1);
        assertThat(claims.getItems().get(0).statusCode()).isEqualTo("22");
        assertThat(robot.lookup("#remitClaimCount").queryAs(Label.class).getText()).isEqualTo("1 of 4 claims");
    }

    @Test
    void aFileSavedInTheInboxIsImportedAndABrokenOneIsMovedToRejectedWithItsReason(FxRobot robot) throws Exception {
        Path inbox = InboxWatcher.inboxIn(data);
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("broken.835"), Files.readString(SAMPLE, StandardCharsets.ISO_8859_1)
                .replace("BPR*I*206.82*", "BPR*I*207.82*"), StandardCharsets.ISO_8859_1);
        Files.copy(SAMPLE, inbox.resolve("good.835"));

        Path reason = inbox.resolve("rejected").resolve("broken.835.reason.txt");
        waitUntil(20, () -> Files.exists(inbox.resolve("archive").resolve("good.835")) && Files.exists(reason));
        assertThat(Files.readString(reason)).contains("BPR02").contains("207.82");
        assertThat(inbox.resolve("good.835")).doesNotExist();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        waitUntil(() -> payments.getItems().size() == 1);
        TableView<RejectedImport> rejected = robot.lookup("#remitRejected").queryTableView();
        waitUntil(() -> rejected.getItems().size() == 1);
        assertThat(rejected.getItems().get(0).source()).isEqualTo("INBOX");
        assertThat(rejected.getItems().get(0).problems()).contains("207.82");
    }

    @Test
    void tabFromThePaymentsShowsWhereTheFocusWent(FxRobot robot) throws Exception {
        Path file = temp.resolve("acme-0314.835");
        Files.copy(SAMPLE, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shell.remittancesView().setFilePicker(owner -> List.of(file.toFile()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        waitUntil(() -> payments.getItems().size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClaimRow> claims = robot.lookup("#remitClaims").queryTableView();
        waitUntil(() -> claims.getItems().size() == 4 && payments.isFocused());

        // Tab goes to the claim tabs (← → switch them): the selected tab shows the focus
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node owner = shell.getScene().getFocusOwner();
        assertThat(owner).isInstanceOf(javafx.scene.control.TabPane.class);
        javafx.scene.layout.Region tab = (javafx.scene.layout.Region) owner.lookupAll(".tab").stream()
                .filter(t -> t.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("selected")))
                .findFirst().orElseThrow();
        assertThat(tab.getBorder()).as("a focus ring on the selected tab").isNotNull();
        javafx.scene.paint.Color ring = (javafx.scene.paint.Color) tab.getBorder().getStrokes().get(0).getTopStroke();
        assertThat(Contrast.ratio(ring, Contrast.background(tab))).isGreaterThanOrEqualTo(3);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.getScene().getFocusOwner().getId()).isEqualTo("remitFilterDenied");
    }

    @Test
    void aSelectedNegativeAmountStaysReadableAndTheSelectionVisibleInBothThemes(FxRobot robot) throws Exception {
        Path file = temp.resolve("acme-0314.835");
        Files.copy(SAMPLE, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shell.remittancesView().setFilePicker(owner -> List.of(file.toFile()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        waitUntil(() -> payments.getItems().size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClaimRow> claims = robot.lookup("#remitClaims").queryTableView();
        waitUntil(() -> claims.getItems().size() == 4);
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);  // the reversal: negative amounts
        waitUntil(() -> claims.getItems().size() == 1);
        robot.interact(() -> {
            claims.requestFocus();
            claims.getSelectionModel().select(0);
        });

        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(dark
                    ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
            WaitForAsyncUtils.waitForFxEvents();
            String theme = dark ? "dark" : "light";
            List<javafx.scene.control.TableCell<?, ?>> negatives = new java.util.ArrayList<>();
            for (javafx.scene.Node n : robot.from(claims).lookup(".money-cell").queryAll()) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getPseudoClassStates().contains(Cells.NEGATIVE)
                        && c.getTableRow() != null && c.getTableRow().isSelected()) {
                    negatives.add(c);
                }
            }
            assertThat(negatives).as(theme + ": negative amounts in the selected row").isNotEmpty();
            for (javafx.scene.control.TableCell<?, ?> cell : negatives) {
                assertThat(Contrast.of(cell)).as(theme + ": " + cell.getText()).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
            }
            // the selection shows against the table: its accent bar at 3:1 at least (non-text contrast)
            javafx.scene.control.TableRow<?> row = negatives.get(0).getTableRow();
            javafx.scene.paint.Color bar = (javafx.scene.paint.Color) row.getBackground().getFills().get(0).getFill();
            assertThat(Contrast.ratio(bar, Contrast.background(claims))).as(theme + " selection bar").isGreaterThanOrEqualTo(3);
        }
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }
}
