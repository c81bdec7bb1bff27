package org.rxledger.core.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.deposit.RemittedPayment;
import org.rxledger.core.money.Money;
import org.rxledger.core.access.Actor;

/** Deposits in H2 (V010__deposits.sql); payments read from the 835 tables (V002). */
final class JdbiDepositRepository implements DepositRepository {

    private static final String SELECT = """
            SELECT d.*, v.reason AS void_reason FROM deposit d LEFT JOIN deposit_void v ON v.deposit_id = d.id
            """;

    private static final RowMapper<Deposit> DEPOSIT = (rs, ctx) -> new Deposit(rs.getLong("id"),
            rs.getObject("deposit_date", LocalDate.class), Money.of(rs.getBigDecimal("amount")),
            rs.getString("trace_number"), DepositMethod.valueOf(rs.getString("method")), rs.getString("bank_reference"),
            rs.getString("note"), rs.getString("source"), rs.getObject("entered_at", OffsetDateTime.class).toInstant(),
            rs.getString("entered_by"), rs.getString("void_reason"));

    private static final RowMapper<RemittedPayment> PAYMENT = (rs, ctx) -> new RemittedPayment(rs.getLong("id"),
            rs.getString("payer_name"), rs.getString("trace_number"), Money.of(rs.getBigDecimal("signed_amount")),
            rs.getString("method"), rs.getObject("payment_date", LocalDate.class));

    private final Handle handle;
    private final Actor actor;
    private final Clock clock;

    JdbiDepositRepository(Handle handle, Actor actor, Clock clock) {
        this.handle = handle;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public long insert(NewDeposit d, String source) {
        return handle.createUpdate("""
                        INSERT INTO deposit (deposit_date, amount, trace_number, method, bank_reference, note, source,
                                             entered_at, entered_by)
                        VALUES (:date, :amount, :trace, :method, :bankReference, :note, :source, :at, :by)
                        """)
                .bind("date", d.depositDate()).bind("amount", d.amount().amount()).bind("trace", d.traceNumber())
                .bind("method", d.method().name()).bind("bankReference", d.bankReference()).bind("note", d.note())
                .bind("source", source).bind("at", now()).bind("by", actor.user())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void insertVoid(long depositId, String reason) {
        handle.createUpdate("INSERT INTO deposit_void (deposit_id, reason, voided_at, voided_by) VALUES (:id, :reason, :at, :by)")
                .bind("id", depositId).bind("reason", reason).bind("at", now()).bind("by", actor.user()).execute();
    }

    @Override
    public Optional<Deposit> find(long id) {
        return handle.createQuery(SELECT + " WHERE d.id = :id").bind("id", id).map(DEPOSIT).findOne();
    }

    @Override
    public List<Deposit> all() {
        return handle.createQuery(SELECT + " ORDER BY d.deposit_date DESC, d.id DESC").map(DEPOSIT).list();
    }

    @Override
    public boolean existsActive(NewDeposit d) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM deposit d LEFT JOIN deposit_void v ON v.deposit_id = d.id
                        WHERE v.deposit_id IS NULL AND d.deposit_date = :date AND d.trace_number = :trace AND d.amount = :amount
                        """)
                .bind("date", d.depositDate()).bind("trace", d.traceNumber()).bind("amount", d.amount().amount())
                .mapTo(Long.class).one() > 0;
    }

    @Override
    public List<RemittedPayment> payments() {
        return handle.createQuery("""
                        SELECT p.id, %s AS payer_name, p.trace_number, p.method, p.payment_date,
                               CASE WHEN p.credit_debit = 'D' THEN -p.amount ELSE p.amount END AS signed_amount
                        FROM payment p WHERE p.method <> 'NON' AND p.amount <> 0
                        ORDER BY p.payment_date, p.id
                        """.formatted(PayerSql.paymentPayer("p", "p.payer_name")))
                .map(PAYMENT).list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
