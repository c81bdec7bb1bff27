package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * Refuses UPDATE and DELETE on the append-only tables (ledger, journal, audit trail), so that even a
 * hand-typed SQL statement cannot rewrite history. Corrections are new, reversing rows.
 *
 * <p>One exception, for crash repair only (docs/adr/0015-crash-consistent-imports.md): a DELETE of a
 * ledger entry, match decision, posting record or payer-link proposal is let through while the session variable
 * {@code @RXLEDGER_REPAIR} names an import that is still RUNNING — a file that was never published, whose
 * rows were never part of the books. {@link InterruptedImports} sets it around its removal and records
 * what it removed in the journal and the audit trail. Every other table, every UPDATE, and every DELETE
 * without such an import is refused as before.
 */
public final class AppendOnlyTrigger implements Trigger {

    private static final Set<String> REPAIRABLE = Set.of("LEDGER_ENTRY", "MATCH_DECISION", "REMIT_POSTING",
            "DIRECTORY_LINK_PROPOSAL");

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null && REPAIRABLE.contains(table.toUpperCase(java.util.Locale.ROOT)) && inCrashRepair(conn)) {
            return;
        }
        throw new SQLException("table " + table + " is append-only: post a reversing entry instead of changing or deleting one",
                "45000");
    }

    private static boolean inCrashRepair(Connection conn) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT COUNT(*) FROM remit_import WHERE id = @RXLEDGER_REPAIR AND state = 'RUNNING'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) == 1;
        } catch (SQLException e) {
            return false; // no such table or variable: no repair under way
        }
    }
}
