package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An encrypted office's window (docs/adr/0024-encryption-at-rest.md): the sign-in screen comes before the database; a
 * wrong password opens nothing, the right one opens the office and the shell as that person.
 */
@ExtendWith(ApplicationExtension.class)
class EncryptedSignInUiTest {

    private static final int FAST = 1_000;

    private Path dir;
    private FxTaskRunner runner;
    private final AtomicReference<Database> opened = new AtomicReference<>();
    private final AtomicReference<SignInGate> gate = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        try {
            dir = Files.createTempDirectory("rxledger-encrypted-ui");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OfficeKeys keys = new OfficeKeys(dir, FAST);
        keys.createForNewOffice(true);
        try (Database db = Database.open(dir, TestStores.CLERK, TestStores.CLOCK)) {
            db.transactions().signIn(new org.rxledger.core.access.Session("clerk1", "clerk1",
                    java.util.Set.of(org.rxledger.core.access.Role.ADMIN), "ws", TestStores.CLOCK.instant()));
            SampleOffice.create(db.transactions());
            DemoAccounts.create(new AccountService(db.transactions(), new PasswordHasher(FAST), db.keySlots()));
        }
        runner = new FxTaskRunner();
        WorkstationApp.showEncryptedSignIn(stage, new Workstation.EncryptedOffice(keys.isDemo(), (name, password) -> {
            Database db = Database.open(dir, TestStores.CLERK, TestStores.CLOCK, "test", keys.unlock(name, password));
            opened.set(db);
            var session = new AccountService(db.transactions(), new PasswordHasher(FAST), db.keySlots())
                    .signIn(name, password, "ws-test");
            return new Workstation.Unlocked(TestStores.setup(db, OfficeSeeder.NONE, Settings.inMemory()), session);
        }), runner, gate::set);
    }

    @AfterEach
    void close() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitUntil(() -> !runner.status().runningProperty().get());
        if (gate.get() != null && gate.get().shell() != null) {
            gate.get().shell().stop();
        }
        runner.close();
        if (opened.get() != null) {
            opened.get().close();
        }
    }

    private void signIn(FxRobot robot, String user, String password) throws TimeoutException {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#signInUser").eraseText(30).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void aWrongPasswordOpensNothingAndTheRightOneOpensTheOfficeAsThatPerson(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#signInDemo").tryQuery().map(Node::isVisible).orElse(false));

        signIn(robot, "demo-clerk", "wrong");
        waitUntil(() -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .contains("The account name or the password is not right.");
        assertThat(opened.get()).as("the database was not opened").isNull();

        signIn(robot, "demo-clerk", DemoAccounts.PASSWORD);
        waitUntil(() -> robot.lookup("#statusUser").tryQuery().isPresent());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).startsWith("Signed in: Demo Clerk (demo-clerk)");
        assertThat(opened.get().transactions().session()).hasValueSatisfying(s -> assertThat(s.user()).isEqualTo("demo-clerk"));
    }
}
