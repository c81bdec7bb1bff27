package org.rxledger.app.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.remits.RemittanceRows;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.exceptions.ExceptionStatus;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk works the exceptions queue from the keyboard: Ctrl+3, A assigns to me, R asks for the note and
 * resolves, and the next open item is selected at once; an item without a claim opens in Remittances on its
 * claim payment or PLB item (Enter, Shift+Enter).
 */
@ExtendWith(ApplicationExtension.class)
class ExceptionsUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws Exception {
        db = TestStores.freshDatabase();
        // the sample 835 in an office without claims: four unmatched claim payments and a PLB WO naming no claim
        TestStores.importSample835(db);
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkAssignsAndResolvesByKeyboardAndFocusMovesToTheNextOpenItem(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        TableView<ExceptionItem> table = robot.lookup("#exceptionTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5 && table.getSelectionModel().getSelectedIndex() == 0);
        ExceptionItem first = table.getItems().get(0);
        ExceptionItem second = table.getItems().get(1);
        assertThat(robot.lookup("#exceptionNext").queryAs(Label.class).getText()).startsWith("Next step: Find the claim");
        assertThat(robot.lookup("#exceptionCategories").queryListView().getItems().get(0).toString())
                .isEqualTo("All categories (5)");

        robot.type(KeyCode.A);
        waitUntil(() -> "clerk1".equals(table.getItems().get(0).owner()));

        robot.type(KeyCode.R);
        waitUntil(() -> robot.lookup("#exceptionNote").tryQuery().isPresent());
        robot.clickOn("#exceptionNote");   // headless Monocle does not hand keyboard focus to a new window by itself
        robot.write("Other store's claim; moved to store 2");
        robot.type(KeyCode.ENTER);

        // the resolved item leaves the open list and the next open item is selected, ready for the next key
        waitUntil(() -> table.getItems().size() == 4);
        assertThat(table.getSelectionModel().getSelectedItem().key()).isEqualTo(second.key());
        assertThat(robot.lookup("#exceptionMessage").queryAs(Label.class).getText()).isEqualTo(first.key() + " resolved.");
        assertThat(table.isFocused()).isTrue();

        robot.type(KeyCode.DOWN);
        ExceptionItem third = table.getSelectionModel().getSelectedItem();
        assertThat(third.key()).isNotEqualTo(second.key());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#exceptionNote").tryQuery().isPresent());
        robot.clickOn("#exceptionNote");
        robot.write("Paper claim entered and matched");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3);

        ExceptionQueue queue = new ExceptionQueue(db.transactions());
        ExceptionItem stored = queue.find(first.key()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(stored.owner()).isEqualTo("clerk1");
        assertThat(stored.note()).isEqualTo("Other store's claim; moved to store 2");
        assertThat(queue.find(third.key()).orElseThrow().note()).isEqualTo("Paper claim entered and matched");
        assertThat(queue.items(ExceptionFilter.OPEN)).hasSize(3);
    }

    @Test
    void anItemWithoutAClaimOpensOnItsClaimPaymentOrPlbItemInRemittances(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        TableView<ExceptionItem> table = robot.lookup("#exceptionTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5 && table.getSelectionModel().getSelectedIndex() == 0);
        ExceptionItem unmatched = table.getItems().get(0);
        assertThat(unmatched.claimId()).isNull();
        // no claim, so nothing expected and no difference: blank, not 0.00
        assertThat(column(table, "Expected").getCellObservableValue(0).getValue()).isNull();
        assertThat(column(table, "Difference").getCellObservableValue(0).getValue()).isNull();
        assertThat(column(table, "Paid").getCellObservableValue(0).getValue()).isEqualTo(unmatched.paid());

        // Enter on an unmatched claim payment: Remittances, its payment, the claim payment selected, the Match tab
        robot.type(KeyCode.ENTER);
        TableView<RemittanceRows.ClaimRow> claims = robot.lookup("#remitClaims").queryTableView();
        TabPane detailTabs = robot.lookup("#remitDetailTabs").queryAs(TabPane.class);
        waitUntil(() -> claims.getSelectionModel().getSelectedItem() != null
                && claims.getSelectionModel().getSelectedItem().id() == unmatched.remitClaimId());
        assertThat(robot.lookup("#remittancesView").query().isVisible()).isTrue();
        assertThat(detailTabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("remitMatchTab");
        waitUntil(claims::isFocused);   // Ctrl+M (match to…) works at once
        TableView<RemittanceListRow> payments = robot.lookup("#remitPayments").queryTableView();
        assertThat(payments.getSelectionModel().getSelectedItem().paymentId()).isEqualTo(unmatched.paymentId());

        // back to the queue; Shift+Enter on the PLB takeback: the PLB tab with that item selected
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 5);
        ExceptionItem plbItem = table.getItems().stream()
                .filter(i -> i.category() == ExceptionCategory.PLB_UNATTRIBUTED).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(plbItem);
            table.requestFocus();
        });
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        TableView<RemittanceRows.ProviderAdjustmentRow> plb = robot.lookup("#remitPlb").queryTableView();
        waitUntil(() -> plb.getSelectionModel().getSelectedItem() != null
                && plb.getSelectionModel().getSelectedItem().plbId() == plbItem.plbItemId());
        assertThat(plb.isVisible()).isTrue();
        waitUntil(plb::isFocused);      // Ctrl+Shift+A (attribute to claim…) works at once
        assertThat(plb.getSelectionModel().getSelectedItem().reference()).isEqualTo("6901122-00");
    }

    private static javafx.scene.control.TableColumn<ExceptionItem, ?> column(TableView<ExceptionItem> table, String title) {
        return table.getColumns().stream().filter(c -> title.equals(c.getText())).findFirst().orElseThrow();
    }
}
