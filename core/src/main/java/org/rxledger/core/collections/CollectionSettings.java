package org.rxledger.core.collections;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;

/**
 * The office's collection thresholds (DOMAIN.md §6.2, "configurable; examples, not regulation"). Defaults are
 * issue 18's; an office changes them with {@code rxledger patient-accounts settings --set NAME=VALUE}.
 *
 * @param statementIntervalDays days between statements of the cycle
 * @param finalNoticeNumber     the statement that is the final notice (statements 1, 2, 3 "past due", 4 final)
 * @param denialFinalDays       days after a denying remittance before the denial is final (the appeal window)
 * @param shortPayResidueMax    the largest short-pay written off as a residue rather than disputed
 * @param shortPayResidueDays   days after the short payment before its residue is written off
 * @param neverPaidDays         days after the date of service before a claim nothing was remitted on is given up
 */
public record CollectionSettings(Money smallBalanceUnder, int smallBalanceStatements, int badDebtDays,
                                 int badDebtStatements, int noPaymentDays, int statementIntervalDays,
                                 int finalNoticeNumber, Money clerkLimit, Money supervisorLimit, Money managerLimit,
                                 int denialFinalDays, Money shortPayResidueMax, int shortPayResidueDays,
                                 int neverPaidDays) {

    public static final CollectionSettings DEFAULTS = new CollectionSettings(Money.parse("5.00"), 2, 120, 4, 90, 30, 4,
            Money.parse("25.00"), Money.parse("250.00"), Money.parse("1000.00"), 90, Money.parse("1.00"), 60, 180);

    /** The settings by their stored names, for printing. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("small_balance_under", smallBalanceUnder.toString());
        m.put("small_balance_statements", String.valueOf(smallBalanceStatements));
        m.put("bad_debt_days", String.valueOf(badDebtDays));
        m.put("bad_debt_statements", String.valueOf(badDebtStatements));
        m.put("no_payment_days", String.valueOf(noPaymentDays));
        m.put("statement_interval_days", String.valueOf(statementIntervalDays));
        m.put("final_notice_number", String.valueOf(finalNoticeNumber));
        m.put("clerk_limit", clerkLimit.toString());
        m.put("supervisor_limit", supervisorLimit.toString());
        m.put("manager_limit", managerLimit.toString());
        m.put("denial_final_days", String.valueOf(denialFinalDays));
        m.put("short_pay_residue_max", shortPayResidueMax.toString());
        m.put("short_pay_residue_days", String.valueOf(shortPayResidueDays));
        m.put("never_paid_days", String.valueOf(neverPaidDays));
        return m;
    }

    /** The defaults overridden by stored values; an unknown name or a bad value is refused naming both. */
    public static CollectionSettings from(Map<String, String> stored) {
        Map<String, String> m = DEFAULTS.asMap();
        stored.forEach((k, v) -> {
            if (!m.containsKey(k)) {
                throw RxLedgerException.invalid("unknown collection setting '" + k + "'; expected one of "
                        + String.join(", ", m.keySet()));
            }
            m.put(k, v);
        });
        try {
            CollectionSettings s = new CollectionSettings(Money.parse(m.get("small_balance_under")),
                    Integer.parseInt(m.get("small_balance_statements")), Integer.parseInt(m.get("bad_debt_days")),
                    Integer.parseInt(m.get("bad_debt_statements")), Integer.parseInt(m.get("no_payment_days")),
                    Integer.parseInt(m.get("statement_interval_days")), Integer.parseInt(m.get("final_notice_number")),
                    Money.parse(m.get("clerk_limit")), Money.parse(m.get("supervisor_limit")), Money.parse(m.get("manager_limit")),
                    Integer.parseInt(m.get("denial_final_days")), Money.parse(m.get("short_pay_residue_max")),
                    Integer.parseInt(m.get("short_pay_residue_days")), Integer.parseInt(m.get("never_paid_days")));
            if (s.clerkLimit.isGreaterThan(s.supervisorLimit) || s.supervisorLimit.isGreaterThan(s.managerLimit)) {
                throw RxLedgerException.invalid("approval limits must rise: clerk_limit " + s.clerkLimit
                        + " ≤ supervisor_limit " + s.supervisorLimit + " ≤ manager_limit " + s.managerLimit);
            }
            if (s.statementIntervalDays < 1 || s.finalNoticeNumber < 1) {
                throw RxLedgerException.invalid("statement_interval_days and final_notice_number must be 1 or more");
            }
            return s;
        } catch (NumberFormatException e) {
            throw new RxLedgerException(RxLedgerException.INVALID, "a collection setting is not a whole number: " + e.getMessage(), e);
        }
    }
}
