package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index migrations (V013, V015; docs/adr/0011-fewer-indexes-on-import-tables.md) do to a foreign key:
 * H2 gives a foreign key declared inline an index of its own even when a named index on the same column
 * exists; dropping the generated constraint and adding it again by name makes H2 use the existing index.
 */
final class ForeignKeyIndexes {

    private ForeignKeyIndexes() {
    }

    /** Re-creates the foreign key {@code table.column -> parent(id)} as {@code newName}, on the column's existing index. */
    static void reuseNamedIndex(Connection c, String table, String column, String parent, String newName)
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
    static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
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

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
