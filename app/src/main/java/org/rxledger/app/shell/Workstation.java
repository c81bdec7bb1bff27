package org.rxledger.app.shell;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import org.rxledger.app.AppContext;

/**
 * Entry point of the workstation window for {@code Main} (which must not extend Application,
 * docs/development.md, trap 1). Blocks until the window is closed; the caller then closes the context.
 */
public final class Workstation {

    private static final AtomicReference<WorkstationSetup> HANDOVER = new AtomicReference<>();

    private Workstation() {
    }

    /** Opens the workstation on {@code ctx}; an empty data folder stays empty. */
    public static void launch(AppContext ctx) {
        launch(ctx, OfficeSeeder.NONE);
    }

    /** Opens the workstation; on a first launch (no claims) {@code seeder} fills the office in the background. */
    public static void launch(AppContext ctx, OfficeSeeder seeder) {
        launch(WorkstationSetup.of(ctx, seeder));
    }

    public static void launch(WorkstationSetup setup) {
        // JavaFX instantiates the Application reflectively: a static handover is the only way in
        if (!HANDOVER.compareAndSet(null, setup)) {
            throw new IllegalStateException("the workstation window is already open in this process");
        }
        Application.launch(WorkstationApp.class);
    }

    static WorkstationSetup takeSetup() {
        WorkstationSetup setup = HANDOVER.get();
        if (setup == null) {
            throw new IllegalStateException("start the workstation with Workstation.launch(AppContext), not directly");
        }
        return setup;
    }
}
