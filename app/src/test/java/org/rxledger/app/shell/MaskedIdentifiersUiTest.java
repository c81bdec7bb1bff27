package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.FxTaskRunner;
import org.rxledger.app.testdata.FxWait;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.core.demo.DemoAccounts;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16 item 6 on the real window: a clerk signed in sees the claims list's identifiers masked. */
@ExtendWith(ApplicationExtension.class)
class MaskedIdentifiersUiTest {

    private Database db;
    private FxTaskRunner runner;
    private SignInGate gate;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            aPaidClaim(office).rx("7001234").patient(office.patients().get(0)).record(tx);
            aPaidClaim(office).rx("8100001").patient(office.patients().get(2)).record(tx);
            return null;
        });
        AccountService accounts = new AccountService(db.transactions(), new PasswordHasher(1_000));
        DemoAccounts.create(accounts);
        db.transactions().signOut();
        runner = new FxTaskRunner();
        gate = WorkstationApp.showSignIn(stage, TestStores.setup(db, OfficeSeeder.NONE, Settings.inMemory()), accounts,
                runner, Duration.ofMinutes(10));
    }

    @AfterEach
    void close() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitUntil(() -> !runner.status().runningProperty().get());
        if (gate.shell() != null) {
            gate.shell().stop();
        }
        runner.close();
        db.close();
    }

    @Test
    void aClerksClaimsListShowsCardholderIdsAndBirthDatesMasked(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#signInUser").eraseText(30).write("demo-clerk");
        robot.clickOn("#signInPassword").write(DemoAccounts.PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(60, () -> robot.lookup("#claimsTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        TableView<?> table = robot.lookup("#claimsTable").queryAs(TableView.class);

        for (int row = 0; row < table.getItems().size(); row++) {
            assertThat(String.valueOf(column(table, "cardholder").getCellData(row))).matches("•••••.{4}");
            assertThat(String.valueOf(column(table, "dob").getCellData(row))).matches("\\d{4}-••-••");
        }
        assertThat(robot.lookup("#claimsTable .table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> String.valueOf(c.getText())).filter(t -> t.startsWith("•••••")).count())
                .as("the masked ids are what is on the screen").isPositive();
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
