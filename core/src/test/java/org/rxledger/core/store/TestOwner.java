package org.rxledger.core.store;

import org.jdbi.v3.core.Jdbi;

/**
 * The database owner's connections, for tests that play someone holding the owner's secret (lifting a trigger,
 * staging a torn import) or that check the triggers behind the application user's rights.
 */
public final class TestOwner {

    private TestOwner() {
    }

    public static Jdbi jdbi(Database db) {
        return db.ownerJdbi();
    }
}
