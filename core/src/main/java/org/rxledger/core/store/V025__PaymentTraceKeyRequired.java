package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V025 (issue 15): the duplicate-payment rule is the database's, with no way around it. V017's
 * unique index {@code payment_same_payment} on (trace_key, amount, payer_identifier) refuses the same payment
 * twice, but a row without a trace key escapes it (an index admits any number of NULLs). From here on every
 * payment must carry its key; only the rows V017 left without one on purpose (later copies of a payment
 * stored twice before V017, whose money was posted and whose ledger rows stay) keep NULL. Their ids are all
 * at or below the largest id when this migration runs, which the check names as a constant because an H2
 * check cannot look at other rows.
 */
public final class V025__PaymentTraceKeyRequired extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            long lastUnkeyed;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM payment WHERE trace_key IS NULL")) {
                rs.next();
                lastUnkeyed = rs.getLong(1);
            }
            s.execute("ALTER TABLE payment ADD CONSTRAINT payment_trace_key_required"
                    + " CHECK (trace_key IS NOT NULL OR id <= " + lastUnkeyed + ")");
        }
    }
}
