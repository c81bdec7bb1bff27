package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;

/**
 * A payment plan on an account (issue 18): {@code amount} due on {@code dayOfMonth} of every month after
 * {@code startsOn}. Whether it is kept is computed, never stored: by each due date that has passed, the payments
 * received since the start must add up to one instalment per due date passed. A kept plan stops dunning escalation.
 */
public record PaymentPlan(String accountKey, Money amount, int dayOfMonth, LocalDate startsOn, String by) {

    public PaymentPlan {
        if (amount == null || !amount.isPositive()) {
            throw new RxLedgerException("PLAN_AMOUNT", "A payment plan's instalment must be more than 0.00; "
                    + amount + " was given.");
        }
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new RxLedgerException("PLAN_DAY", "A payment plan's day of the month must be 1 to 28 (every month has "
                    + "it); " + dayOfMonth + " was given.");
        }
    }

    /** A payment received on the account. */
    public record Received(LocalDate on, Money amount) {
    }

    /**
     * Where a plan stands on a date. {@code missed} is true when less has been paid since the start than the
     * instalments of the due dates already passed (before {@code asOf}); paying what is behind clears it.
     */
    public record Status(PaymentPlan plan, int instalmentsDue, Money due, Money paid, LocalDate nextDue, boolean missed) {

        public boolean kept() {
            return !missed;
        }
    }

    /** The first due date: {@code dayOfMonth} of the month after the start, or of the start's month if later in it. */
    LocalDate firstDue() {
        LocalDate inMonth = startsOn.withDayOfMonth(dayOfMonth);
        return inMonth.isAfter(startsOn) ? inMonth : inMonth.plusMonths(1);
    }

    /** The plan on {@code asOf}, given the account's payments (any order). */
    public Status status(List<Received> payments, LocalDate asOf) {
        int passed = 0;
        LocalDate due = firstDue();
        while (due.isBefore(asOf)) {
            passed++;
            due = due.plusMonths(1);
        }
        Money paid = Money.sum(payments.stream().filter(p -> !p.on().isBefore(startsOn) && !p.on().isAfter(asOf))
                .map(Received::amount).toList());
        Money owedByLastDue = Money.ofCents(amount.cents() * passed);
        return new Status(this, passed, owedByLastDue, paid, due, paid.isLessThan(owedByLastDue));
    }
}
