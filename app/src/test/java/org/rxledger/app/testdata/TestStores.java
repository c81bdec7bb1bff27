package org.rxledger.app.testdata;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.core.security.Actor;
import org.rxledger.core.store.Database;

/** Fresh in-memory databases and workstation setups for app tests. */
public final class TestStores {

    public static final Actor CLERK = new Actor("clerk1", "ws-test");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-20T15:00:00Z"), ZoneOffset.UTC);

    private TestStores() {
    }

    public static Database freshDatabase() {
        return Database.inMemory("app-test-" + UUID.randomUUID(), CLERK, CLOCK);
    }

    public static WorkstationSetup setup(Database db, OfficeSeeder seeder, Settings settings) {
        BooleanSupplier empty = () -> db.transactions().read(tx -> tx.claims().count() == 0);
        return new WorkstationSetup(db.transactions(), CLERK, Path.of("/tmp/rxledger-test-data"), empty, seeder, settings);
    }
}
