package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Refuses UPDATE and DELETE on the append-only tables (ledger, journal, audit trail), so that even a
 * hand-typed SQL statement cannot rewrite history. Corrections are new, reversing rows.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("table " + table + " is append-only: post a reversing entry instead of changing or deleting one",
                "45000");
    }
}
