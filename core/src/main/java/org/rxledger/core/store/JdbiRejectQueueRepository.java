package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.claim.FollowUpStatus;
import org.rxledger.core.claim.RejectFollowUp;
import org.rxledger.core.claim.RejectQueueRepository;
import org.rxledger.core.claim.RejectQueueRow;
import org.rxledger.core.access.Actor;

final class JdbiRejectQueueRepository implements RejectQueueRepository {

    private final Handle handle;
    private final Actor actor;
    private final java.time.Clock clock;

    JdbiRejectQueueRepository(Handle handle, Actor actor, java.time.Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void open(List<Long> claimIds, List<LocalDate> dueDates) {
        if (claimIds.size() != dueDates.size()) {
            throw new IllegalArgumentException(claimIds.size() + " claims but " + dueDates.size() + " due dates");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO reject_followup (claim_id, due_date, status, note, created_at, updated_at, updated_by)
                VALUES (:claim, :due, 'OPEN', '', :now, :now, :by)""");
        for (int i = 0; i < claimIds.size(); i++) {
            batch.bind("claim", claimIds.get(i)).bind("due", dueDates.get(i)).bind("now", now).bind("by", actor.user()).add();
        }
        batch.execute();
    }

    @Override
    public Optional<RejectFollowUp> find(long id) {
        return handle.createQuery("SELECT * FROM reject_followup WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> followUp(rs)).findOne();
    }

    @Override
    public Optional<RejectFollowUp> forClaim(long claimId) {
        return handle.createQuery("SELECT * FROM reject_followup WHERE claim_id = :id").bind("id", claimId)
                .map((rs, ctx) -> followUp(rs)).findOne();
    }

    @Override
    public void update(RejectFollowUp f) {
        handle.createUpdate("""
                        UPDATE reject_followup SET owner = :owner, due_date = :due, status = :status, note = :note,
                            resolved_by_claim_id = :resolvedBy, updated_at = :at, updated_by = :by
                        WHERE id = :id""")
                .bind("owner", f.owner()).bind("due", f.dueDate()).bind("status", f.status().name())
                .bind("note", f.note()).bind("resolvedBy", f.resolvedByClaimId())
                .bind("at", OffsetDateTime.ofInstant(f.updatedAt(), ZoneOffset.UTC)).bind("by", f.updatedBy())
                .bind("id", f.id()).execute();
    }

    @Override
    public List<RejectQueueRow> rows() {
        return handle.createQuery("""
                        SELECT f.*, c.rx_number, c.fill_number, c.date_of_service, c.reject_codes, c.bin,
                               p.last_name || ', ' || p.first_name AS patient_name, pl.name AS plan_name,
                               d.name || ' ' || d.strength AS drug_name
                        FROM reject_followup f
                        JOIN claim c ON c.id = f.claim_id
                        JOIN patient p ON p.id = c.patient_id
                        JOIN plan pl ON pl.id = c.plan_id
                        JOIN drug d ON d.id = c.drug_id
                        ORDER BY f.due_date, f.id""")
                .map((rs, ctx) -> {
                    String codes = rs.getString("reject_codes");
                    return new RejectQueueRow(followUp(rs), rs.getString("rx_number"), rs.getInt("fill_number"),
                            rs.getObject("date_of_service", LocalDate.class), rs.getString("patient_name"),
                            rs.getString("plan_name"), rs.getString("bin"), rs.getString("drug_name"),
                            codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")));
                })
                .list();
    }

    private static RejectFollowUp followUp(ResultSet rs) throws SQLException {
        return new RejectFollowUp(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("owner"),
                rs.getObject("due_date", LocalDate.class), FollowUpStatus.valueOf(rs.getString("status")),
                rs.getString("note"), JdbiLedgerRepository.nullableLong(rs, "resolved_by_claim_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }
}
