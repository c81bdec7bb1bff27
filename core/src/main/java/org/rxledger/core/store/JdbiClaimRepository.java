package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimKey;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;

final class JdbiClaimRepository implements ClaimRepository {

    static final RowMapper<Claim> CLAIM = (rs, ctx) -> claim(rs);

    private final Handle handle;

    JdbiClaimRepository(Handle handle) {
        this.handle = handle;
    }

    private static final String INSERT_SQL = """
                        INSERT INTO claim (uuid, rx_number, fill_number, date_of_service, date_written, transaction_code,
                            patient_id, plan_id, bin, pcn, group_id, cardholder_id, person_code, relationship_code,
                            prescriber_id, drug_id, ndc, quantity, days_supply, daw, scc_codes, other_coverage_code,
                            ingredient_cost_submitted, dispensing_fee_submitted, usual_and_customary, gross_amount_due,
                            response_status, reject_codes, authorization_number, patient_pay_amount, ingredient_cost_paid,
                            dispensing_fee_paid, plan_paid_amount, channel, patient_pay_collected, lifecycle,
                            replaces_claim_id, source, adjudicated_at, created_at, created_by)
                        VALUES (:uuid, :rx, :fill, :dos, :written, :txn, :patient, :plan, :bin, :pcn, :grp, :cardholder,
                            :personCode, :relationship, :prescriber, :drug, :ndc, :qty, :days, :daw, :scc, :occ,
                            :ingredient, :fee, :uc, :gross, :status, :rejects, :auth, :patientPay, :ingredientPaid,
                            :feePaid, :planPaid, :channel, :collected, :lifecycle, :replaces, :source, :adjudicatedAt,
                            :createdAt, :createdBy)""";

    @Override
    public Claim insert(Claim c) {
        long id = bindClaim(handle.createUpdate(INSERT_SQL), c)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return c.withId(id);
    }

    /** One prepared batch for many claims (demo office, large imports); ids come back in order. */
    @Override
    public List<Claim> insertAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch(INSERT_SQL);
        for (Claim c : claims) {
            bindClaim(batch, c).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != claims.size()) {
            throw new StoreException("claim batch insert returned " + ids.size() + " ids for " + claims.size() + " claims", null);
        }
        List<Claim> stored = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            stored.add(claims.get(i).withId(ids.get(i)));
        }
        return stored;
    }

    private static <S extends SqlStatement<S>> S bindClaim(S s, Claim c) {
        return s
                .bind("uuid", c.uuid())
                .bind("rx", c.rxNumber())
                .bind("fill", c.fillNumber())
                .bind("dos", c.dateOfService())
                .bind("written", c.dateWritten())
                .bind("txn", c.transactionCode())
                .bind("patient", c.patientId())
                .bind("plan", c.planId())
                .bind("bin", c.bin())
                .bind("pcn", c.pcn())
                .bind("grp", c.groupId())
                .bind("cardholder", c.cardholderId())
                .bind("personCode", c.personCode())
                .bind("relationship", c.relationshipCode())
                .bind("prescriber", c.prescriberId())
                .bind("drug", c.drugId())
                .bind("ndc", c.ndc())
                .bind("qty", c.quantity())
                .bind("days", c.daysSupply())
                .bind("daw", c.daw())
                .bind("scc", c.sccCodes())
                .bind("occ", c.otherCoverageCode())
                .bind("ingredient", amount(c.ingredientCostSubmitted()))
                .bind("fee", amount(c.dispensingFeeSubmitted()))
                .bind("uc", amount(c.usualAndCustomary()))
                .bind("gross", amount(c.grossAmountDue()))
                .bind("status", String.valueOf(c.responseStatus().code()))
                .bind("rejects", String.join(",", c.rejectCodes()))
                .bind("auth", c.authorizationNumber())
                .bind("patientPay", amount(c.patientPay()))
                .bind("ingredientPaid", amount(c.ingredientCostPaid()))
                .bind("feePaid", amount(c.dispensingFeePaid()))
                .bind("planPaid", amount(c.planPaid()))
                .bind("channel", c.channel().name())
                .bind("collected", c.patientPayCollected())
                .bind("lifecycle", c.lifecycle().name())
                .bind("replaces", c.replacesClaimId())
                .bind("source", c.source().name())
                .bind("adjudicatedAt", OffsetDateTime.ofInstant(c.adjudicatedAt(), ZoneOffset.UTC))
                .bind("createdAt", OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC))
                .bind("createdBy", c.createdBy());
    }

    @Override
    public Optional<Claim> find(long id) {
        return handle.createQuery("SELECT * FROM claim WHERE id = :id").bind("id", id).map(CLAIM).findOne();
    }

    @Override
    public Optional<Claim> findActive(ClaimKey key) {
        return handle.createQuery("""
                        SELECT * FROM claim WHERE rx_number = :rx AND fill_number = :fill AND date_of_service = :dos
                          AND bin = :bin AND pcn = :pcn AND lifecycle = 'ACTIVE'""")
                .bind("rx", key.rxNumber()).bind("fill", key.fillNumber()).bind("dos", key.dateOfService())
                .bind("bin", key.bin()).bind("pcn", key.pcn())
                .map(CLAIM).findFirst();
    }

    @Override
    public List<Claim> forRx(String rxNumber) {
        return handle.createQuery("SELECT * FROM claim WHERE rx_number = :rx ORDER BY fill_number, id")
                .bind("rx", rxNumber).map(CLAIM).list();
    }

    @Override
    public Optional<Claim> latestForPatient(long patientId) {
        return handle.createQuery("""
                        SELECT * FROM claim WHERE patient_id = :patient
                        ORDER BY CASE WHEN response_status = 'R' THEN 1 ELSE 0 END, date_of_service DESC, id DESC
                        LIMIT 1""")
                .bind("patient", patientId).map(CLAIM).findFirst();
    }

    @Override
    public void updateBillingData(Claim c) {
        handle.createUpdate("""
                        UPDATE claim SET date_written = :written, group_id = :grp, cardholder_id = :cardholder,
                            person_code = :personCode, relationship_code = :relationship, prescriber_id = :prescriber,
                            quantity = :qty, days_supply = :days, daw = :daw, scc_codes = :scc, other_coverage_code = :occ,
                            ingredient_cost_submitted = :ingredient, dispensing_fee_submitted = :fee,
                            usual_and_customary = :uc, gross_amount_due = :gross, authorization_number = :auth,
                            patient_pay_amount = :patientPay, ingredient_cost_paid = :ingredientPaid,
                            dispensing_fee_paid = :feePaid, plan_paid_amount = :planPaid, channel = :channel,
                            patient_pay_collected = :collected
                        WHERE id = :id""")
                .bind("written", c.dateWritten()).bind("grp", c.groupId()).bind("cardholder", c.cardholderId())
                .bind("personCode", c.personCode()).bind("relationship", c.relationshipCode())
                .bind("prescriber", c.prescriberId()).bind("qty", c.quantity()).bind("days", c.daysSupply())
                .bind("daw", c.daw()).bind("scc", c.sccCodes()).bind("occ", c.otherCoverageCode())
                .bind("ingredient", amount(c.ingredientCostSubmitted())).bind("fee", amount(c.dispensingFeeSubmitted()))
                .bind("uc", amount(c.usualAndCustomary())).bind("gross", amount(c.grossAmountDue()))
                .bind("auth", c.authorizationNumber()).bind("patientPay", amount(c.patientPay()))
                .bind("ingredientPaid", amount(c.ingredientCostPaid())).bind("feePaid", amount(c.dispensingFeePaid()))
                .bind("planPaid", amount(c.planPaid())).bind("channel", c.channel().name())
                .bind("collected", c.patientPayCollected()).bind("id", c.id())
                .execute();
    }

    @Override
    public void setLifecycle(long id, Lifecycle lifecycle) {
        handle.createUpdate("UPDATE claim SET lifecycle = :l WHERE id = :id")
                .bind("l", lifecycle.name()).bind("id", id).execute();
    }

    @Override
    public List<ClaimSummary> summaries(IdentifierMask mask) {
        return handle.createQuery("SELECT " + ClaimSummarySql.COLUMNS + "\n" + ClaimSummarySql.FROM
                        + "\nORDER BY c.date_of_service DESC, c.id DESC")
                .setFetchSize(2000)
                .map(ClaimSummarySql.mapper(mask))
                .list();
    }

    @Override
    public List<Claim> all() {
        return handle.createQuery("SELECT * FROM claim ORDER BY id").setFetchSize(2000).map(CLAIM).list();
    }

    @Override
    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM claim").mapTo(Long.class).one();
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : Money.of(v);
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        String rejects = rs.getString("reject_codes");
        return new Claim(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("rx_number"),
                rs.getInt("fill_number"),
                rs.getObject("date_of_service", LocalDate.class),
                rs.getObject("date_written", LocalDate.class),
                rs.getString("transaction_code"),
                rs.getLong("patient_id"),
                rs.getLong("plan_id"),
                rs.getString("bin"),
                rs.getString("pcn"),
                rs.getString("group_id"),
                rs.getString("cardholder_id"),
                rs.getString("person_code"),
                rs.getString("relationship_code"),
                rs.getLong("prescriber_id"),
                rs.getLong("drug_id"),
                rs.getString("ndc"),
                rs.getBigDecimal("quantity"),
                rs.getInt("days_supply"),
                rs.getString("daw"),
                rs.getString("scc_codes"),
                rs.getString("other_coverage_code"),
                money(rs, "ingredient_cost_submitted"),
                money(rs, "dispensing_fee_submitted"),
                money(rs, "usual_and_customary"),
                money(rs, "gross_amount_due"),
                ResponseStatus.fromCode(rs.getString("response_status")),
                rejects == null || rejects.isEmpty() ? List.of() : Arrays.asList(rejects.split(",")),
                rs.getString("authorization_number"),
                money(rs, "patient_pay_amount"),
                money(rs, "ingredient_cost_paid"),
                money(rs, "dispensing_fee_paid"),
                money(rs, "plan_paid_amount"),
                Channel.valueOf(rs.getString("channel")),
                rs.getBoolean("patient_pay_collected"),
                Lifecycle.valueOf(rs.getString("lifecycle")),
                JdbiLedgerRepository.nullableLong(rs, "replaces_claim_id"),
                ClaimSource.valueOf(rs.getString("source")),
                rs.getObject("adjudicated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
