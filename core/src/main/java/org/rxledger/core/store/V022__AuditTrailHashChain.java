package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rxledger.core.security.AuditChain;

/**
 * Migration V022 (issue 16, tamper-evident audit trail): every audit record carries the hash of its
 * predecessor and its own ({@link AuditChain}), and {@code audit_chain_head} keeps the hash of the
 * last one, so that removing records from the end or emptying the table shows too. Records written
 * before this migration are chained here, in sequence order; the append-only trigger is lifted only
 * for that backfill, inside the migration's transaction.
 */
public final class V022__AuditTrailHashChain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record ADD COLUMN prev_hash CHAR(64)");
            s.execute("ALTER TABLE audit_record ADD COLUMN record_hash CHAR(64)");
            s.execute("CREATE TABLE audit_chain_head (id INT PRIMARY KEY, head_hash CHAR(64) NOT NULL,"
                    + " CONSTRAINT audit_chain_head_single_row CHECK (id = 1))");
            s.execute("DROP TRIGGER audit_record_append_only");
        }
        String previous = AuditChain.GENESIS;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, occurred_at, user_name, workstation, action, entity_type,"
                     + " entity_id, detail FROM audit_record ORDER BY seq");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE audit_record SET prev_hash = ?, record_hash = ? WHERE seq = ?")) {
            while (rs.next()) {
                String hash = AuditChain.hash(previous, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("user_name"), rs.getString("workstation"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("detail"));
                update.setString(1, previous);
                update.setString(2, hash);
                update.setLong(3, rs.getLong("seq"));
                update.addBatch();
                previous = hash;
            }
            update.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement("INSERT INTO audit_chain_head (id, head_hash) VALUES (1, ?)")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record ALTER COLUMN prev_hash SET NOT NULL");
            s.execute("ALTER TABLE audit_record ALTER COLUMN record_hash SET NOT NULL");
            s.execute("CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record"
                    + " FOR EACH ROW CALL \"org.rxledger.core.store.AppendOnlyTrigger\"");
        }
    }
}
