package org.rxledger.app.shell;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.rxledger.app.task.FxTaskRunner;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.TruncatedText;
import org.rxledger.core.security.AccountService;
import org.rxledger.app.ui.Failures;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;

/** The JavaFX application; started through {@link Workstation#launch}, never as a main class. */
public final class WorkstationApp extends Application {

    public static final String STYLESHEET = "/org/rxledger/app/rxledger.css";

    private FxTaskRunner runner;
    private SignInGate gate;

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        Optional<Workstation.EncryptedOffice> encrypted = Workstation.takeEncryptedOffice();
        if (encrypted.isPresent()) {
            showEncryptedSignIn(stage, encrypted.get(), runner, opened -> gate = opened);
            return;
        }
        WorkstationSetup setup = Workstation.takeSetup();
        gate = showSignIn(stage, setup, setup.accounts(), runner, lockAfter(setup));
    }

    private static Duration lockAfter(WorkstationSetup setup) {
        return SignInGate.lockAfter(setup.settings(),
                new org.rxledger.core.office.OfficeSettings(setup.transactions()).lockAfterMinutes());
    }

    /** What the first sign-in of an encrypted office opened, read on the task thread. */
    private record Opened(Workstation.Unlocked unlocked, Duration lockAfter, String pharmacy) {
    }

    /**
     * An encrypted office (docs/adr/0024-encryption-at-rest.md): the sign-in screen comes before the database, whose
     * key the typed password unwraps; once open, the gate takes over as on any office. Also used by the UI tests.
     *
     * @param opened gets the gate once the office is open and the person signed in
     */
    public static void showEncryptedSignIn(Stage stage, Workstation.EncryptedOffice office, TaskRunner runner,
                                           java.util.function.Consumer<SignInGate> opened) {
        StackPane root = new StackPane();
        showScene(stage, root);
        ShellView.applyTheme(false);
        SignInView[] view = new SignInView[1];
        view[0] = new SignInView("The office's data is encrypted: your password opens it.", (name, typed) -> {
            char[] password = typed.clone();
            view[0].showError(null);
            view[0].showBusy("Opening the encrypted office…");
            runner.run("Opening the office", p -> {
                try {
                    Workstation.Unlocked unlocked = office.unlocker().open(name, password);
                    return new Opened(unlocked, lockAfter(unlocked.setup()), unlocked.setup().transactions()
                            .read(tx -> tx.port(ReferenceRepository.class).pharmacy()).map(Pharmacy::name).orElse(""));
                } finally {
                    Arrays.fill(password, '\0');
                }
            }, open -> {
                SignInGate gate = new SignInGate(root, open.unlocked().setup(), open.unlocked().setup().accounts(), runner,
                        open.lockAfter());
                gate.startSignedIn(open.unlocked().session(), open.pharmacy());
                opened.accept(gate);
            }, failure -> {
                view[0].showBusy(null);
                view[0].showError(Failures.explain("opening the office", failure).text());
                view[0].focusFirstEmpty();
            });
        }, null);
        view[0].showDemoAccounts(office.demo());
        root.getChildren().setAll(view[0]);
        view[0].focusFirstEmpty();
    }

    @Override
    public void stop() {
        if (gate != null && gate.shell() != null) {
            gate.shell().stop();
        }
        if (runner != null) {
            runner.close();
        }
    }

    /**
     * The window as a person meets it (issue 16): the sign-in screen first, the shell once signed in; locks after
     * {@code lockAfter} idle. Also used by the sign-in UI tests.
     */
    public static SignInGate showSignIn(Stage stage, WorkstationSetup setup, AccountService accounts, TaskRunner runner,
                                        Duration lockAfter) {
        StackPane root = new StackPane();
        SignInGate gate = new SignInGate(root, setup, accounts, runner, lockAfter);
        showScene(stage, root);
        gate.start();
        return gate;
    }

    /**
     * Builds the main window on {@code stage} for whoever is signed in to {@code setup}'s transactions, shows it and
     * starts the first load (the UI tests of the screens, on a store signed in already).
     */
    public static ShellView show(Stage stage, WorkstationSetup setup, TaskRunner runner) {
        ShellView view = build(setup, runner);
        showScene(stage, view);
        view.claimsView().focusTable();
        view.viewModel().start();
        return view;
    }

    static ShellView build(WorkstationSetup setup, TaskRunner runner) {
        return new ShellView(new ShellViewModel(setup, runner));
    }

    private static void showScene(Stage stage, Parent root) {
        // never larger than the screen (small laptops; the headless test screen is 1280x800)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(WorkstationApp.class.getResource(STYLESHEET).toExternalForm());
        TruncatedText.install(scene);
        stage.setScene(scene);
        stage.setTitle("RxLedger");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setMaximized(true);
        stage.show();
    }
}
