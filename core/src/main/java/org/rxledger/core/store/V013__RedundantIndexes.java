package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V013 (issues 4 and 5, docs/adr/0011-fewer-indexes-on-import-tables.md): fewer index writes per
 * imported claim and per posted ledger entry.
 *
 * <ul>
 *   <li>Foreign keys whose column already has a named index get that index instead of a second,
 *       generated one: {@code remit_claim.matched_claim_id} (remit_claim_matched),
 *       {@code ledger_entry.claim_id} (ledger_claim). H2 keeps one index per foreign key; when the
 *       constraint is re-added it re-uses the named index.</li>
 *   <li>{@code remit_adjustment.service_line_id} loses its foreign key and with it the index nothing reads
 *       (every query reaches adjustments through {@code remit_claim_id}); the column is written only by the
 *       importer, with ids it has just generated in the same transaction, and rows are never updated.</li>
 * </ul>
 * A Java migration because H2 names foreign keys created inline ({@code CONSTRAINT_C253} …) and SQL cannot
 * look the name up. Safe to run again: it only drops generated names and adds what is missing.
 */
public final class V013__RedundantIndexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        reuseNamedIndex(c, "REMIT_CLAIM", "MATCHED_CLAIM_ID", "CLAIM", "remit_claim_matched_claim_fk");
        reuseNamedIndex(c, "LEDGER_ENTRY", "CLAIM_ID", "CLAIM", "ledger_entry_claim_fk");
        for (String name : foreignKeys(c, "REMIT_ADJUSTMENT", "SERVICE_LINE_ID")) {
            execute(c, "ALTER TABLE remit_adjustment DROP CONSTRAINT \"" + name + "\"");
        }
    }

    private static void reuseNamedIndex(Connection c, String table, String column, String parent, String newName)
            throws SQLException {
        // H2 commits each DDL statement: written so that a run interrupted between the two steps can simply
        // be run again (Flyway repair + migrate) and still ends with exactly one, named, enforced foreign key
        for (String name : foreignKeys(c, table, column)) {
            if (!name.equalsIgnoreCase(newName)) {
                execute(c, "ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
            }
        }
        if (foreignKeys(c, table, column).isEmpty()) {
            execute(c, "ALTER TABLE " + table + " ADD CONSTRAINT " + newName + " FOREIGN KEY (" + column
                    + ") REFERENCES " + parent + " (id)");
        }
    }

    /** Names of the single-column foreign keys of {@code table} on {@code column}. */
    private static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                  ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'FOREIGN KEY'
                GROUP BY tc.CONSTRAINT_NAME
                HAVING COUNT(*) = 1 AND MAX(k.COLUMN_NAME) = ?""")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
