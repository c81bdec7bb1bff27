package org.rxledger.app;

import java.nio.file.Path;
import java.time.Clock;
import org.rxledger.core.security.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

/**
 * Composition root: database → repositories → services. Built once per process (workstation or
 * CLI command); no DI framework, everything is passed by constructor.
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Actor actor;
    private final Clock clock;
    private final Database database;

    private AppContext(Path dataDir, Actor actor, Clock clock, Database database) {
        this.dataDir = dataDir;
        this.actor = actor;
        this.clock = clock;
        this.database = database;
    }

    /** Opens the data directory's database (creating and migrating it if needed). */
    public static AppContext open(Path dataDir, Actor actor, Clock clock) {
        return new AppContext(dataDir, actor, clock, Database.open(dataDir, actor, clock));
    }

    public static AppContext open(Path dataDir) {
        return open(dataDir, Actor.fromOperatingSystem(), Clock.systemDefaultZone());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Actor actor() {
        return actor;
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return database.transactions();
    }

    /** True on a first launch: no claims yet (the workstation then offers/creates the demo office). */
    public boolean officeIsEmpty() {
        return transactions().read(tx -> tx.claims().count() == 0);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
