package org.rxledger.app.shell;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.rxledger.app.task.FxTaskRunner;
import org.rxledger.app.task.TaskRunner;

/** The JavaFX application; started through {@link Workstation#launch}, never as a main class. */
public final class WorkstationApp extends Application {

    public static final String STYLESHEET = "/org/rxledger/app/rxledger.css";

    private FxTaskRunner runner;
    private ShellView view;

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        view = show(stage, Workstation.takeSetup(), runner);
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }

    /** Builds the main window on {@code stage}, shows it and starts the first load (also used by UI tests). */
    public static ShellView show(Stage stage, WorkstationSetup setup, TaskRunner runner) {
        ShellViewModel vm = new ShellViewModel(setup, runner);
        ShellView view = new ShellView(vm);
        // never larger than the screen (small laptops; the headless test screen is 1280x800)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(WorkstationApp.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("RxLedger");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setMaximized(true);
        stage.show();
        view.claimsView().focusTable();
        vm.start();
        return view;
    }
}
