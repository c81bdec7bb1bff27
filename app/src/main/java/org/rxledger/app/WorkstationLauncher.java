package org.rxledger.app;

import java.nio.file.Path;
import org.rxledger.app.shell.Workstation;

/**
 * Opens the workstation window on a data directory and blocks until it is closed. Kept apart from
 * the command line so that headless commands never load JavaFX classes.
 */
public final class WorkstationLauncher {

    private WorkstationLauncher() {
    }

    /** Returns the process exit code once the window is closed. */
    public static int start(Path dataDir) {
        try (AppContext ctx = AppContext.open(dataDir)) {
            Workstation.launch(ctx, DemoSeeder.forContext(ctx));
        }
        return 0;
    }
}
