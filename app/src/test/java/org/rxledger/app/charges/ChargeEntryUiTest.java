package org.rxledger.app.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.shell.ShellView;
import org.rxledger.app.testdata.Contrast;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A clerk enters a charge with the keyboard alone, meets a validation error, fixes it and finds the claim. */
@ExtendWith(ApplicationExtension.class)
class ChargeEntryUiTest {

    private Database db;
    private TestWorkstation workstation;
    private ShellView shell;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice.create(db.transactions());
        workstation = TestWorkstation.show(stage, db);
        shell = workstation.shell();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkEntersAChargeFromTheKeyboardFixesAnErrorAndFindsItInTheBrowser(FxRobot robot) throws TimeoutException {
        ctrl(robot, KeyCode.N);
        focused(robot, "lookup-patient");

        robot.write("garcia");
        waitUntil(() -> text(robot, "#hint-lookup-patient").startsWith("✓ GARCIA, MARIA"));
        tab(robot, "lookup-plan");
        robot.write("acme");
        waitUntil(() -> text(robot, "#hint-lookup-plan").startsWith("✓ ACME Commercial"));
        tab(robot, "field-bin");
        tab(robot, "field-pcn");
        tab(robot, "field-group_id");
        tab(robot, "field-cardholder_id");
        robot.write("ZQX00077777");
        tab(robot, "field-person_code");
        robot.write("001");
        tab(robot, "field-relationship_code");
        robot.write("1");
        tab(robot, "field-other_coverage_code");

        tab(robot, "field-rx_number");
        robot.write("7005555");
        tab(robot, "field-fill_number");
        tab(robot, "field-date_of_service");
        robot.write("2025-03-18");
        tab(robot, "field-date_written");
        robot.write("2025-03-01");
        tab(robot, "lookup-prescriber");
        robot.write("1987654328");
        waitUntil(() -> text(robot, "#hint-lookup-prescriber").contains("SMITHSON"));
        tab(robot, "lookup-drug");
        robot.write("12345-067-90");  // the native 5-3-2 layout finds the 11-digit billing NDC
        waitUntil(() -> text(robot, "#hint-lookup-drug").contains("NDC 12345067890"));
        tab(robot, "field-quantity");
        robot.write("30");
        tab(robot, "field-days_supply");
        robot.write("0");
        tab(robot, "field-daw");

        // the mistake is shown on the field, in plain words, as soon as it is typed
        assertThat(text(robot, "#problem-days_supply")).isEqualTo("Days supply 0 is outside 1–999");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitUntil(() -> focusedId(robot).equals("field-days_supply"));
        robot.write("30");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#problem-days_supply")).isEmpty();

        tab(robot, "field-daw");
        assertThat(robot.lookup((Node n) -> n instanceof Label l && "No product selection indicated".equals(l.getText())).tryQuery())
                .isPresent();
        tab(robot, "field-scc_codes");
        tab(robot, "field-ingredient_cost_submitted");
        robot.write("46.50");
        tab(robot, "field-dispensing_fee_submitted");
        robot.write("1.75");
        tab(robot, "field-usual_and_customary");
        robot.write("52.00");
        assertThat(robot.lookup("#field-gross_amount_due").queryTextInputControl().getText()).isEqualTo("48.25");
        tab(robot, "field-response_status");
        tab(robot, "field-reject_codes");
        tab(robot, "field-authorization_number");
        robot.write("A25077000001");
        tab(robot, "field-ingredient_cost_paid");
        robot.write("30.10");
        tab(robot, "field-dispensing_fee_paid");
        robot.write("1.75");
        tab(robot, "field-plan_paid_amount");
        robot.write("21.85");
        tab(robot, "field-patient_pay_amount");
        robot.write("10.00");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#chargeMessage").startsWith("Saved Rx 7005555-00"));
        assertThat(text(robot, "#chargeMessage")).contains("plan paid 21.85 to third-party A/R")
                .contains("patient pay 10.00 to the patient's account");
        long id = db.transactions().read(tx -> tx.port(ClaimRepository.class).all().get(0).id());
        assertThat(db.transactions().<Money>read(tx -> tx.port(LedgerRepository.class).claimBalance(id, LedgerAccount.THIRD_PARTY_RECEIVABLE)))
                .isEqualTo(Money.parse("21.85"));
        // the form is empty again for the next charge
        assertThat(robot.lookup("#field-rx_number").queryTextInputControl().getText()).isEmpty();

        ctrl(robot, KeyCode.DIGIT1);
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1);
        ClaimSummary row = table.getItems().get(0);
        assertThat(row.rxNumber()).isEqualTo("7005555");
        assertThat(row.patientName()).isEqualTo("GARCIA, MARIA");
        assertThat(row.ndc()).isEqualTo("12345067890");
        assertThat(row.daysSupply()).isEqualTo(30);
    }

    @Test
    void enterRefusesAnIncompleteChargeAndEscEmptiesTheForm(FxRobot robot) throws TimeoutException {
        ctrl(robot, KeyCode.N);
        focused(robot, "lookup-patient");
        robot.write("smithers");
        waitUntil(() -> text(robot, "#hint-lookup-patient").startsWith("✓ SMITHERS, ANNA"));
        tab(robot, "lookup-plan");
        robot.write("888888");
        waitUntil(() -> text(robot, "#hint-lookup-plan").startsWith("✓ BluePeak Medicare D"));
        robot.type(KeyCode.ENTER);  // nothing else entered: refused, with the first problem named
        waitUntil(() -> text(robot, "#chargeMessage").startsWith("Not saved:"));
        assertThat(text(robot, "#problem-rx_number")).isEqualTo("Rx number is empty (expected up to 12 digits)");
        // Esc empties the form
        robot.type(KeyCode.ESCAPE);
        try {
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> text(robot, "#chargeMessage").startsWith("Cleared"));
        } catch (TimeoutException e) {
            robot.type(KeyCode.ESCAPE); // the first Esc closed the suggestion list
        }
        waitUntil(() -> text(robot, "#chargeMessage").startsWith("Cleared"));
        assertThat(robot.lookup("#lookup-patient").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void aRefusedSaveCountsTheProblemsShownAndPutsTheFocusOnTheFirst(FxRobot robot) throws TimeoutException {
        ctrl(robot, KeyCode.N);
        focused(robot, "lookup-patient");
        robot.write("garcia");
        waitUntil(() -> text(robot, "#hint-lookup-patient").startsWith("✓ GARCIA, MARIA"));
        tab(robot, "lookup-plan");
        robot.write("acme");
        waitUntil(() -> text(robot, "#hint-lookup-plan").startsWith("✓ ACME Commercial"));
        robot.interact(() -> robot.lookup("#field-patient_pay_amount").query().requestFocus());
        robot.write("1.00");

        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#chargeMessage").startsWith("Not saved:"));
        long shown = robot.lookup(".field-problem").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && !l.getText().isEmpty()).count();
        assertThat(text(robot, "#chargeMessage")).startsWith("Not saved: " + shown + " problems — Cardholder ID");
        focused(robot, "field-cardholder_id");
    }

    @Test
    void drugSuggestionsNameTheDrugAndStayReadableInTheDarkTheme(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        ctrl(robot, KeyCode.N);
        focused(robot, "lookup-patient");
        robot.interact(() -> robot.lookup("#lookup-drug").query().requestFocus());
        robot.write("tab");  // ATORVASTATIN 20 MG TABLET and LISINOPRIL 10 MG TABLET

        waitUntil(() -> suggestion(robot) != null && suggestion(robot).getText() != null);
        ListCell<?> first = suggestion(robot);
        assertThat(first.getText()).isEqualTo("ATORVASTATIN 20 MG TABLET · NDC 12345-0678-90");
        // the first suggestion is the selected one: its text must stand out from its background (WCAG AA)
        assertThat(first.isSelected()).isTrue();
        assertThat(Contrast.of(first)).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        ListCell<?> second = robot.lookup(".auto-complete-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == 1).findFirst().orElseThrow();
        assertThat(Contrast.of(second)).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private static ListCell<?> suggestion(FxRobot robot) {
        return robot.lookup(".auto-complete-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == 0 && c.isVisible()).findFirst().orElse(null);
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tab(FxRobot robot, String expectedId) throws TimeoutException {
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        focused(robot, expectedId);
    }

    private void focused(FxRobot robot, String expectedId) {
        try {
            waitUntil(() -> focusedId(robot).equals(expectedId));
        } catch (TimeoutException e) {
            throw new AssertionError("Focus should be on " + expectedId + " but focus is on " + focusedId(robot), e);
        }
    }

    private String focusedId(FxRobot robot) {
        Node focus = shell.getScene().getFocusOwner();
        return focus == null || focus.getId() == null ? String.valueOf(focus) : focus.getId();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
