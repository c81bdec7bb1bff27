package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import org.rxledger.core.security.AuditTrail;

/** Issue 16 on the real window: the sign-in screen, the signed-in name, the lock after idle time, sign-out. */
@ExtendWith(ApplicationExtension.class)
class SignInUiTest {

    /** Short, so the idle lock happens within the test; long enough for the robot to act between two events. */
    private static final Duration LOCK_AFTER = Duration.ofMillis(2500);

    private Database db;
    private FxTaskRunner runner;
    private SignInGate gate;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice.create(db.transactions());
        AccountService accounts = new AccountService(db.transactions(), new PasswordHasher(1_000));
        DemoAccounts.create(accounts);
        db.transactions().inTransaction(tx -> {
            tx.port(AuditTrail.class).record("DEMO_CREATED", "office", "demo", Map.of("seed", 1)); // what marks the demo office
            return null;
        });
        db.transactions().signOut(); // the window starts with nobody signed in, as on a file database
        runner = new FxTaskRunner();
        gate = WorkstationApp.showSignIn(stage, TestStores.setup(db, OfficeSeeder.NONE, Settings.inMemory()), accounts,
                runner, LOCK_AFTER);
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

    private void signIn(FxRobot robot, String user, String password) throws TimeoutException {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#signInUser").eraseText(30).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void theDemoSignInScreenStatesTheAccountsAWrongPasswordIsRefusedAndTheStatusBarNamesThePerson(FxRobot robot)
            throws TimeoutException {
        waitUntil(() -> robot.lookup("#signInDemo").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#claimsTable").tryQuery()).as("no patient data before sign-in").isEmpty();

        signIn(robot, "demo-clerk", "wrong");
        waitUntil(() -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo("The account name or the password is not right.");
        assertThat(db.transactions().session()).isEmpty();

        signIn(robot, "demo-clerk", DemoAccounts.PASSWORD);
        waitUntil(() -> robot.lookup("#statusUser").tryQuery().isPresent());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).startsWith("Signed in: Demo Clerk (demo-clerk) @ ");
        assertThat(db.transactions().session()).hasValueSatisfying(s -> assertThat(s.user()).isEqualTo("demo-clerk"));
        String actor = db.transactions().read(tx -> tx.actor().user());
        assertThat(actor).as("what transactions record as who acted").isEqualTo("demo-clerk");
    }

    @Test
    void theWindowLocksWhenIdleHidesThePatientDataAndTheSamePersonUnlocksIt(FxRobot robot) throws TimeoutException {
        signIn(robot, "demo-supervisor", DemoAccounts.PASSWORD);
        waitUntil(() -> robot.lookup("#claimsTable").tryQuery().isPresent());

        waitUntil(10, () -> robot.lookup("#lockScreen").tryQuery().isPresent());
        assertThat(gate.shell().isVisible()).as("the shell is hidden under the lock").isFalse();
        assertThat(robot.lookup("#signInUser").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("demo-supervisor");

        robot.clickOn("#signInPassword").write("not it").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#lockScreen").tryQuery()).isPresent();

        robot.clickOn("#signInPassword").write(DemoAccounts.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#lockScreen").tryQuery().isEmpty());
        assertThat(gate.shell().isVisible()).isTrue();
        assertThat(db.transactions().session()).hasValueSatisfying(s -> assertThat(s.user()).isEqualTo("demo-supervisor"));
    }

    @Test
    void ctrlLLocksAndSigningInAsSomeoneElseEndsTheLockedSession(FxRobot robot) throws TimeoutException {
        signIn(robot, "demo-clerk", DemoAccounts.PASSWORD);
        waitUntil(() -> robot.lookup("#claimsTable").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#lockScreen").tryQuery().isPresent());
        robot.clickOn("#signInOther");

        waitUntil(() -> robot.lookup("#lockScreen").tryQuery().isEmpty() && robot.lookup("#signInUser").tryQuery().isPresent());
        assertThat(db.transactions().session()).isEmpty();
        assertThat(gate.shell()).isNull();
        signIn(robot, "demo-manager", DemoAccounts.PASSWORD);
        waitUntil(() -> robot.lookup("#statusUser").tryQuery().isPresent());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains("(demo-manager)");
    }
}
