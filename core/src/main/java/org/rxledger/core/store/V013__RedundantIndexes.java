package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.SQLException;
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
        ForeignKeyIndexes.reuseNamedIndex(c, "REMIT_CLAIM", "MATCHED_CLAIM_ID", "CLAIM", "remit_claim_matched_claim_fk");
        ForeignKeyIndexes.reuseNamedIndex(c, "LEDGER_ENTRY", "CLAIM_ID", "CLAIM", "ledger_entry_claim_fk");
        for (String name : ForeignKeyIndexes.foreignKeys(c, "REMIT_ADJUSTMENT", "SERVICE_LINE_ID")) {
            ForeignKeyIndexes.execute(c, "ALTER TABLE remit_adjustment DROP CONSTRAINT \"" + name + "\"");
        }
    }
}
