package org.rxledger.core.testdata;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.rxledger.core.access.Actor;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.store.Database;

/** A fresh in-memory H2 with the real migrations, a fixed clock and a test user. */
public final class TestDatabases {

    public static final Instant NOW = Instant.parse("2025-03-20T15:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Actor CLERK = new Actor("clerk1", "ws-test");

    private TestDatabases() {
    }

    /**
     * Opens a file database as the workstation would, with {@link #CLERK}'s name signed in as an administrator
     * (a file database starts with nobody signed in; the tests of the permission checks sign in others).
     */
    public static Database open(Path dataDir) {
        return signedIn(Database.open(dataDir, CLERK, CLOCK));
    }

    /** The same, saying what this process does to one that finds the folder busy. */
    public static Database open(Path dataDir, String purpose) {
        return signedIn(Database.open(dataDir, CLERK, CLOCK, purpose));
    }

    /** Signs {@code db}'s opener in as an administrator (benchmarks that open with an actor of their own). */
    public static Database signedIn(Database db) {
        Actor a = db.transactions().actor();
        db.transactions().signIn(new Session(a.user(), a.user(), Set.of(Role.ADMIN), a.workstation(), NOW));
        return db;
    }

    public static Database fresh() {
        return Database.inMemory("test-" + UUID.randomUUID(), CLERK, CLOCK);
    }
}
