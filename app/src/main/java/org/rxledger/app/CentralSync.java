package org.rxledger.app;

import java.nio.file.Path;
import java.util.Optional;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralSettings;
import org.rxledger.core.sync.Secrets;
import org.rxledger.core.sync.SyncService;

/**
 * The sync use case wired for a data folder, the same for {@code rxledger sync} and the workstation's status bar:
 * its store, its saved central settings and the password source (docs/sync.md).
 */
public final class CentralSync {

    private CentralSync() {
    }

    /** Empty when no central server is saved for this data folder ({@code sync connect} was never run). */
    public static Optional<SyncService> service(Database database, Path dataDir) {
        JdbiSyncStore store = new JdbiSyncStore(database);
        return store.settings().map(settings -> new SyncService(database.transactions(), store,
                () -> PostgresCentralJournal.connect(settings, password(dataDir)),
                RemittanceImportService.archiveDirIn(dataDir), SyncService.Checkpoint.NONE));
    }

    /** The environment's password wins over the owner-only file that {@code sync connect --db-password-stdin} keeps. */
    public static String password(Path dataDir) {
        return Secrets.resolve(Secrets.centralFileIn(dataDir), System.getenv(CentralSettings.PASSWORD_ENV)).orElse("");
    }
}
