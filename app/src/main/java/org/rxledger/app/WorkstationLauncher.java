package org.rxledger.app;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.Workstation;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.core.access.Session;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.store.Database;

/**
 * Opens the workstation window on a data directory and blocks until it is closed. Kept apart from
 * the command line so that headless commands never load JavaFX classes.
 */
public final class WorkstationLauncher {

    private WorkstationLauncher() {
    }

    /**
     * Returns the process exit code once the window is closed. An empty folder becomes an encrypted office from its
     * first page (its key unclaimed until the demo accounts or the first account exist); an encrypted office opens
     * only after its sign-in screen (docs/adr/0024-encryption-at-rest.md).
     */
    public static int start(Path dataDir) {
        OfficeKeys keys = new OfficeKeys(dataDir);
        if (OfficeKeys.isEncrypted(dataDir) && keys.unclaimed().isEmpty()) {
            return startEncrypted(dataDir, keys);
        }
        if (!Database.existsIn(dataDir) && !OfficeKeys.isEncrypted(dataDir)) {
            keys.createForNewOffice(true);
        }
        try (AppContext ctx = AppContext.open(dataDir)) {
            Workstation.launch(ctx, DemoSeeder.forContext(ctx));
        }
        return 0;
    }

    private static int startEncrypted(Path dataDir, OfficeKeys keys) {
        AtomicReference<AppContext> opened = new AtomicReference<>();
        try {
            Workstation.launch(new Workstation.EncryptedOffice(keys.isDemo(), (name, password) -> {
                AppContext ctx = AppContext.open(dataDir, keys.unlock(name, password));
                try {
                    Session session = ctx.accounts().signIn(name, password, ctx.actor().workstation());
                    opened.set(ctx);
                    return new Workstation.Unlocked(WorkstationSetup.of(ctx, OfficeSeeder.NONE), session);
                } catch (RuntimeException e) {
                    ctx.close();
                    throw e;
                }
            }));
        } finally {
            AppContext ctx = opened.get();
            if (ctx != null) {
                ctx.close();
            }
        }
        return 0;
    }
}
