package org.rxledger.core.store;

import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;

/**
 * The claims browser's row, read the same way by the browser and the claims register: one column list and one
 * mapper, which applies the reader's {@link IdentifierMask} as the row is made, so no list row ever carries an
 * identifier its reader may not see.
 */
final class ClaimSummarySql {

    /** Selected from {@code claim c} joined to {@code patient p}, {@code plan pl}, {@code payer y}, {@code drug d}. */
    static final String COLUMNS = """
            c.id, c.rx_number, c.fill_number, c.date_of_service,
                   p.last_name || ', ' || p.first_name AS patient_name, %s AS payer_name,
                   pl.name AS plan_name, c.bin, c.ndc, d.name || ' ' || d.strength AS drug_name, c.quantity,
                   c.days_supply, c.response_status, c.lifecycle, c.reject_codes, c.gross_amount_due,
                   c.plan_paid_amount, c.patient_pay_amount, c.authorization_number, c.channel,
                   c.cardholder_id, p.date_of_birth""".formatted(PayerSql.claimPayer("c", "y.name"));

    static final String FROM = """
            FROM claim c
            JOIN patient p ON p.id = c.patient_id
            JOIN plan pl ON pl.id = c.plan_id
            JOIN payer y ON y.id = pl.payer_id
            JOIN drug d ON d.id = c.drug_id""";

    private ClaimSummarySql() {
    }

    static RowMapper<ClaimSummary> mapper(IdentifierMask mask) {
        return (rs, ctx) -> new ClaimSummary(rs.getLong("id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                rs.getObject("date_of_service", LocalDate.class), rs.getString("patient_name"),
                rs.getString("payer_name"), rs.getString("plan_name"), rs.getString("bin"), rs.getString("ndc"),
                rs.getString("drug_name"), rs.getBigDecimal("quantity"), rs.getInt("days_supply"),
                ClaimStatus.of(ResponseStatus.fromCode(rs.getString("response_status")),
                        Lifecycle.valueOf(rs.getString("lifecycle"))),
                rs.getString("reject_codes"), JdbiMatchRepository.money(rs, "gross_amount_due"),
                JdbiMatchRepository.money(rs, "plan_paid_amount"), JdbiMatchRepository.money(rs, "patient_pay_amount"),
                rs.getString("authorization_number"), Channel.valueOf(rs.getString("channel")),
                mask.cardholderId(rs.getString("cardholder_id")),
                mask.dateOfBirth(rs.getObject("date_of_birth", LocalDate.class)));
    }
}
