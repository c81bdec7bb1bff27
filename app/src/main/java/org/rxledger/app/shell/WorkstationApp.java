package org.rxledger.app.shell;

import java.time.Duration;
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

/** The JavaFX application; started through {@link Workstation#launch}, never as a main class. */
public final class WorkstationApp extends Application {

    public static final String STYLESHEET = "/org/rxledger/app/rxledger.css";

    private FxTaskRunner runner;
    private SignInGate gate;

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        WorkstationSetup setup = Workstation.takeSetup();
        gate = showSignIn(stage, setup, setup.accounts(), runner,
                SignInGate.lockAfter(setup.settings(),
                        new org.rxledger.core.office.OfficeSettings(setup.transactions()).lockAfterMinutes()));
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
