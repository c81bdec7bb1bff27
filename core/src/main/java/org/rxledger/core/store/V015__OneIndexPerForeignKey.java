package org.rxledger.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V015 (docs/adr/0011-fewer-indexes-on-import-tables.md): the rest of the tables whose foreign key had
 * an index of its own beside a named (or unique) index on the same column, as V013 did for the import tables —
 * every claim stored paid for two identical {@code patient_id} indexes, every audit row for two {@code case_id}
 * indexes. The foreign keys stay enforced; {@code IndexLayoutTest} checks that no table keeps two indexes on the
 * same columns.
 */
public final class V015__OneIndexPerForeignKey extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        ForeignKeyIndexes.reuseNamedIndex(c, "CLAIM", "PATIENT_ID", "PATIENT", "claim_patient_fk");
        ForeignKeyIndexes.reuseNamedIndex(c, "REJECT_FOLLOWUP", "CLAIM_ID", "CLAIM", "reject_followup_claim_fk");
        for (String table : new String[] {"AUDIT_REQUESTED_CLAIM", "AUDIT_TRANSMITTAL", "AUDIT_FINDING", "AUDIT_DOCUMENT"}) {
            ForeignKeyIndexes.reuseNamedIndex(c, table, "CASE_ID", "AUDIT_CASE", table.toLowerCase() + "_case_fk");
        }
    }
}
