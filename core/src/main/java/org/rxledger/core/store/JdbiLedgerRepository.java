package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;

/** Append-only: this class has INSERT and SELECT statements only, by design. */
final class JdbiLedgerRepository implements LedgerRepository {

    private static final String COLUMNS = "entry_id, batch_id, account, amount, claim_id, patient_id, payer_id, "
            + "source_type, source_id, memo, reverses_entry_id, effective_date, created_at, created_by";

    private final Handle handle;

    JdbiLedgerRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void append(LedgerBatch batch) {
        appendAll(List.of(batch));
    }

    @Override
    public void appendAll(List<LedgerBatch> batches) {
        // plain JDBC batches: Jdbi's per-value binding was most of the cost of posting a 100k-claim remittance
        String sql = "INSERT INTO ledger_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = handle.getConnection().prepareStatement(sql)) {
            int pending = 0;
            for (LedgerBatch batch : batches) {
                for (LedgerEntry e : batch.entries()) {
                    int i = 1;
                    insert.setObject(i++, e.entryId());
                    insert.setObject(i++, e.batchId());
                    insert.setString(i++, e.account().name());
                    insert.setBigDecimal(i++, e.amount().amount());
                    insert.setObject(i++, e.claimId(), Types.BIGINT);
                    insert.setObject(i++, e.patientId(), Types.BIGINT);
                    insert.setObject(i++, e.payerId(), Types.BIGINT);
                    insert.setString(i++, e.sourceType());
                    insert.setString(i++, e.sourceId());
                    insert.setString(i++, e.memo());
                    insert.setObject(i++, e.reversesEntryId());
                    insert.setObject(i++, e.effectiveDate());
                    insert.setObject(i++, OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
                    insert.setString(i, e.createdBy());
                    insert.addBatch();
                    if (++pending == 2_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not append ledger entries", ex);
        }
    }

    @Override
    public List<LedgerEntry> forClaim(long claimId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ledger_entry WHERE claim_id = :id ORDER BY seq")
                .bind("id", claimId)
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    @Override
    public Money balance(LedgerAccount account) {
        BigDecimal sum = handle.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account = :a")
                .bind("a", account.name()).mapTo(BigDecimal.class).one();
        return Money.of(sum);
    }

    @Override
    public Money claimBalance(long claimId, LedgerAccount account) {
        BigDecimal sum = handle.createQuery(
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE claim_id = :c AND account = :a")
                .bind("c", claimId).bind("a", account.name()).mapTo(BigDecimal.class).one();
        return Money.of(sum);
    }

    @Override
    public Map<LedgerAccount, Money> trialBalance() {
        Map<LedgerAccount, Money> balances = new EnumMap<>(LedgerAccount.class);
        handle.createQuery("SELECT account, SUM(amount) AS total FROM ledger_entry GROUP BY account")
                .map((rs, ctx) -> Map.entry(LedgerAccount.valueOf(rs.getString("account")), Money.of(rs.getBigDecimal("total"))))
                .forEach(e -> balances.put(e.getKey(), e.getValue()));
        return balances;
    }

    @Override
    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM ledger_entry").mapTo(Long.class).one();
    }

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getObject("entry_id", UUID.class), rs.getObject("batch_id", UUID.class),
                LedgerAccount.valueOf(rs.getString("account")), Money.of(rs.getBigDecimal("amount")),
                nullableLong(rs, "claim_id"), nullableLong(rs, "patient_id"), nullableLong(rs, "payer_id"),
                rs.getString("source_type"), rs.getString("source_id"), rs.getString("memo"),
                rs.getObject("reverses_entry_id", UUID.class), rs.getObject("effective_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
