package org.rxledger.app.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

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
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.deposit.RemittedPayment;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A clerk enters the deposit for an 835 payment from the keyboard and sees the payment paired. */
@ExtendWith(ApplicationExtension.class)
class DepositsUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws Exception {
        db = TestStores.freshDatabase();
        TestStores.importSample835(db);
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkEntersTheDepositFromTheKeyboardAndThePaymentIsPaired(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        // Deposits is the fourth tab: Daily, Claims, Aging, Deposits
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        }
        TableView<RemittedPayment> waiting = robot.lookup("#paymentsWithoutDeposit").queryTableView();
        waitUntil(() -> waiting.getItems().size() == 1);
        assertThat(waiting.getItems().get(0).traceNumber()).isEqualTo("EFT0314A77");

        robot.clickOn("#newDeposit");
        waitUntil(() -> robot.lookup("#depositAmount").tryQuery().isPresent());
        robot.clickOn("#depositAmount");   // headless Monocle does not hand keyboard focus to a new window by itself
        robot.write("two hundred");
        robot.type(KeyCode.TAB).write("EFT0314A77");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#depositProblem").queryAs(Label.class).getText().contains("is not an amount"));

        robot.clickOn("#depositAmount");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("206.82");
        robot.type(KeyCode.ENTER);

        TableView<Deposit> deposits = robot.lookup("#depositsTable").queryTableView();
        waitUntil(() -> deposits.getItems().size() == 1 && waiting.getItems().isEmpty());
        assertThat(deposits.getItems().get(0).traceNumber()).isEqualTo("EFT0314A77");
        assertThat(robot.lookup("#depositSummary").queryAs(Label.class).getText()).startsWith("1 paired");
    }
}
