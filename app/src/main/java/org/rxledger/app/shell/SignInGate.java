package org.rxledger.app.shell;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.access.Permission;
import org.rxledger.core.office.OfficeSettings;
import org.rxledger.core.reporting.DisclosureAccounting;
import org.rxledger.core.access.Session;
import org.rxledger.core.reference.ReferenceRepository;

/**
 * Who is at the workstation (issue 16): the sign-in screen before the shell, the shell built for the person
 * signed in (so every action is recorded as them), the lock after {@code lockAfter} without a key or a
 * mouse move and on Ctrl+L (the same person's password unlocks; the shell and any unsaved entry stay as they
 * were underneath), and sign-out, which ends the session and drops the shell. An office without accounts
 * opens straight away as the operating-system user (docs/adr/0020-sign-in-and-enforcement.md).
 */
public final class SignInGate {

    static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    /** Workstation preference of the idle time before the window locks, in minutes; only shortens the office's. */
    public static final String LOCK_AFTER_MINUTES = OfficeSettings.LOCK_AFTER_MINUTES;

    private final StackPane root;
    private final WorkstationSetup setup;
    private final AccountService accounts;
    private final TaskRunner runner;
    private final PauseTransition idle;
    private String office = "";
    private ShellView shell;
    private SignInView lockScreen;

    public SignInGate(StackPane root, WorkstationSetup setup, AccountService accounts, TaskRunner runner, Duration lockAfter) {
        this.root = root;
        this.setup = setup;
        this.accounts = accounts;
        this.runner = runner;
        this.idle = new PauseTransition(javafx.util.Duration.millis(lockAfter.toMillis()));
        idle.setOnFinished(e -> lock());
        root.addEventFilter(InputEvent.ANY, e -> {
            if (shell != null && lockScreen == null) {
                idle.playFromStart();
            }
        });
    }

    /**
     * The lock time: the office's ({@code officeMinutes}, {@link OfficeSettings}), or this workstation's preference
     * {@link #LOCK_AFTER_MINUTES} when it is shorter; a preference of 0 or more than the office's is overruled.
     */
    public static Duration lockAfter(org.rxledger.app.settings.Settings settings, int officeMinutes) {
        OptionalInt own;
        try {
            own = OptionalInt.of(Integer.parseInt(settings.get(LOCK_AFTER_MINUTES, String.valueOf(officeMinutes)).strip()));
        } catch (NumberFormatException e) {
            own = OptionalInt.empty();
        }
        return Duration.ofMinutes(OfficeSettings.effectiveLockMinutes(officeMinutes, own));
    }

    /** Looks at the office (creating the demo office in an empty folder first), then signs in or opens the shell. */
    public void start() {
        // the person's theme before any screen: the sign-in screen is drawn with it too
        ShellView.applyTheme(Boolean.parseBoolean(setup.settings().get(ShellViewModel.KEY_DARK, "false")));
        SignInView waiting = new SignInView("", (u, p) -> { }, null);
        waiting.showBusy("Opening the data folder (a new, empty folder gets the demo office first: about a minute)…");
        root.getChildren().setAll(waiting);
        runner.run("Opening the data folder", progress -> {
            boolean seeded = false;
            if (!accounts.anyAccount() && setup.seeder() != OfficeSeeder.NONE && setup.officeIsEmpty().getAsBoolean()) {
                progress.progress(0, -1, "Creating the demo office");
                setup.seeder().seed(progress);
                seeded = true;
            }
            return new Opening(seeded, DemoOffice.isDemo(setup.transactions()),
                    setup.transactions().read(tx -> tx.port(ReferenceRepository.class).pharmacy()).map(Pharmacy::name).orElse(""));
        }, opening -> {
            office = opening.pharmacy();
            setup.transactions().signOut(); // whoever created the demo office, the person at the desk signs in
            Optional<Session> withoutAccounts = accounts.sessionWithoutAccounts(setup.actor());
            if (withoutAccounts.isPresent()) {
                openShell(withoutAccounts.get());
            } else {
                showSignIn(opening.demo(), opening.seeded() ? "A demo pharmacy office was created in this new data "
                        + "folder; everything in it is fictional." : null);
            }
        }, failure -> waiting.showError(Failures.explain("opening the data folder", failure).text()));
    }

    private record Opening(boolean seeded, boolean demo, String pharmacy) {
    }

    /**
     * Opens the shell for a person whose password already opened the encrypted office (docs/adr/0024-encryption-at-rest.md):
     * asking again would only repeat the same check. Lock, unlock and sign-out then work as on any office.
     */
    public void startSignedIn(Session session, String pharmacy) {
        ShellView.applyTheme(Boolean.parseBoolean(setup.settings().get(ShellViewModel.KEY_DARK, "false")));
        office = pharmacy;
        openShell(session);
    }

    private void showSignIn(boolean demo, String note) {
        SignInView view = new SignInView(office, (name, password) -> signIn(name, password), null);
        view.showDemoAccounts(demo);
        if (note != null) {
            view.showNote(note);
        }
        root.getChildren().setAll(view);
        view.focusFirstEmpty();
    }

    private void signIn(String name, char[] typed) {
        SignInView view = (SignInView) root.getChildren().get(0);
        char[] password = typed.clone();
        view.showError(null);
        view.showBusy("Checking the password…");
        runner.run("Signing in", p -> {
            try {
                return accounts.signIn(name, password, setup.actor().workstation());
            } finally {
                Arrays.fill(password, '\0');
            }
        }, this::openShell, failure -> {
            view.showBusy(null);
            view.showError(failure.getMessage());
            view.focusFirstEmpty();
        });
    }

    private void openShell(Session session) {
        setup.transactions().signIn(session);
        // the gate seeded an empty folder already; the shell must never seed an office someone signed in to
        shell = WorkstationApp.build(new WorkstationSetup(setup.transactions(), setup.actor(), setup.dataDir(),
                setup.officeIsEmpty(), OfficeSeeder.NONE, setup.settings(), setup.remittanceImports(),
                setup.openingNotices(), setup.sync(), setup.keySlots()), runner);
        shell.addMenu(sessionMenu(session));
        root.getChildren().setAll(shell);
        shell.claimsView().focusTable();
        shell.viewModel().start();
        idle.playFromStart();
    }

    private Menu sessionMenu(Session session) {
        MenuItem lock = new MenuItem("Lock");
        lock.setAccelerator(LOCK);
        lock.setOnAction(e -> lock());
        MenuItem password = new MenuItem("Change my password…");
        password.setOnAction(e -> changePassword(session));
        MenuItem signOut = new MenuItem("Sign out");
        signOut.setId("signOut");
        signOut.setOnAction(e -> signOut());
        Menu menu = new Menu("_Session", null, lock, password);
        if (session.may(Permission.ACCOUNTS_MANAGE)) {
            MenuItem manage = new MenuItem("Accounts…");
            manage.setOnAction(e -> AccountsDialog.show(root.getScene().getWindow(), accounts, session, runner));
            menu.getItems().add(manage);
        }
        if (session.may(Permission.AUDIT_TRAIL_VERIFY)) {
            MenuItem disclosures = new MenuItem("Accounting of disclosures…");
            disclosures.setId("disclosuresMenu");
            disclosures.setOnAction(e -> DisclosuresDialog.show(root.getScene().getWindow(),
                    new DisclosureAccounting(setup.transactions(), java.time.ZoneId.systemDefault()), runner));
            menu.getItems().add(disclosures);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), signOut);
        return menu;
    }

    /** Covers the shell (hidden, not closed: unsaved entry work stays) until the same person's password is typed. */
    public void lock() {
        Optional<Session> session = setup.transactions().session();
        if (shell == null || lockScreen != null || session.isEmpty()) {
            return;
        }
        idle.stop();
        lockScreen = new SignInView(office, (name, password) -> unlock(session.get(), password), this::signOut);
        lockScreen.setId("lockScreen");
        lockScreen.lockedFor(session.get().user(), session.get().displayName());
        shell.setVisible(false);
        root.getChildren().add(lockScreen);
        lockScreen.focusFirstEmpty();
    }

    private void unlock(Session session, char[] typed) {
        SignInView view = lockScreen;
        char[] password = typed.clone();
        view.showError(null);
        view.showBusy("Checking the password…");
        runner.run("Unlocking", p -> {
            try {
                return accounts.signIn(session.user(), password, setup.actor().workstation());
            } finally {
                Arrays.fill(password, '\0');
            }
        }, again -> {
            root.getChildren().remove(view);
            lockScreen = null;
            shell.setVisible(true);
            idle.playFromStart();
        }, failure -> {
            view.showBusy(null);
            view.showError(failure.getMessage());
            view.focusFirstEmpty();
        });
    }

    /** Ends the session: the shell (and anything unsaved in it) is dropped; the sign-in screen follows. */
    public void signOut() {
        idle.stop();
        if (shell != null) {
            shell.stop();
            shell = null;
        }
        lockScreen = null;
        setup.transactions().signOut();
        showSignIn(DemoOffice.isDemo(setup.transactions()), null);
    }

    private void changePassword(Session session) {
        PasswordField current = new PasswordField();
        PasswordField replacement = new PasswordField();
        PasswordField again = new PasswordField();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Change my password");
        dialog.setHeaderText("Change the password of " + session.user());
        dialog.getDialogPane().setContent(new VBox(6, new Label("Current password"), current,
                new Label("New password (at least " + AccountService.MIN_PASSWORD_LENGTH + " characters)"), replacement,
                new Label("The new password again"), again));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        if (!replacement.getText().equals(again.getText())) {
            new Alert(Alert.AlertType.ERROR, "The two new passwords differ; the password was not changed.").show();
            return;
        }
        char[] was = current.getText().toCharArray();
        char[] now = replacement.getText().toCharArray();
        runner.run("Changing the password", p -> {
            try {
                accounts.changePassword(session, was, now);
                return null;
            } finally {
                Arrays.fill(was, '\0');
                Arrays.fill(now, '\0');
            }
        }, done -> new Alert(Alert.AlertType.INFORMATION, "The password was changed.").show(),
                failure -> new Alert(Alert.AlertType.ERROR, failure.getMessage()).show());
    }

    /** The shell while someone is signed in (tests). */
    public ShellView shell() {
        return shell;
    }
}
