package org.rxledger.app.testdata;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.rxledger.app.AppContext;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.ShellView;
import org.rxledger.app.shell.WorkstationApp;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.app.task.FxTaskRunner;
import org.rxledger.core.store.Database;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workstation window for a UI test, on the real background runner: shown in {@code @Start}, closed in
 * {@code @AfterEach}. Closing lets the background loads an action chained finish, stops the window's own work
 * (the inbox watcher), then the runner, then closes the store the test gave it.
 */
public final class TestWorkstation implements AutoCloseable {

    private final FxTaskRunner runner;
    private final ShellView shell;
    private final Runnable closeStore;

    private TestWorkstation(FxTaskRunner runner, ShellView shell, Runnable closeStore) {
        this.runner = runner;
        this.shell = shell;
        this.closeStore = closeStore;
    }

    /** On a test database: no demo office is seeded, settings live in memory. */
    public static TestWorkstation show(Stage stage, Database db) {
        return show(stage, TestStores.setup(db, OfficeSeeder.NONE, Settings.inMemory()), db::close);
    }

    /** On a data folder opened as the app opens it, with 835 import (and its inbox) available. */
    public static TestWorkstation show(Stage stage, AppContext ctx, Path data) {
        return show(stage, new WorkstationSetup(ctx.transactions(), ctx.actor(), data, () -> false, OfficeSeeder.NONE,
                Settings.inMemory(), ctx::remittanceImports), ctx::close);
    }

    /** On any set-up; {@code closeStore} closes what it reads from. */
    public static TestWorkstation show(Stage stage, WorkstationSetup setup, Runnable closeStore) {
        FxTaskRunner runner = new FxTaskRunner();
        return new TestWorkstation(runner, WorkstationApp.show(stage, setup, runner), closeStore);
    }

    public ShellView shell() {
        return shell;
    }

    @Override
    public void close() {
        // an action's refresh chains loads (payments, then the payment's claims and postings): let them finish
        try {
            for (int i = 0; i < 3; i++) {
                WaitForAsyncUtils.waitForFxEvents();
                FxWait.waitUntil(() -> !runner.status().runningProperty().get());
            }
        } catch (TimeoutException e) {
            throw new AssertionError("background work still running when the test ended", e);
        }
        shell.stop();
        runner.close();
        closeStore.run();
    }
}
