package org.rxledger.core.testdata;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.rxledger.core.tx.Actor;
import org.rxledger.core.store.Database;

/** A fresh in-memory H2 with the real migrations, a fixed clock and a test user. */
public final class TestDatabases {

    public static final Instant NOW = Instant.parse("2025-03-20T15:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Actor CLERK = new Actor("clerk1", "ws-test");

    private TestDatabases() {
    }

    public static Database fresh() {
        return Database.inMemory("test-" + UUID.randomUUID(), CLERK, CLOCK);
    }
}
