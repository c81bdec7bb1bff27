package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Payment plans on patient accounts (issue 18): start one (instalment and day of the month), end it, and see each
 * plan with its missed-payment flag as of a date. An account whose plan is kept gets no dunning escalation.
 */
public final class PaymentPlanService {

    public static final String EVENT_PLAN = "patient_account.payment_plan";

    private final Transactions transactions;
    private final Authorizer authorizer;

    public PaymentPlanService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.authorizer = new Authorizer(transactions);
    }

    /** Starts a plan; an account has one plan at a time (end the old one first) and must owe something. */
    public PaymentPlan start(Session by, String accountKey, Money amount, int dayOfMonth, LocalDate startsOn, String note) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, "set up payment plans");
        String key = AccountKey.parse(accountKey);
        PaymentPlan plan = new PaymentPlan(key, amount, dayOfMonth, startsOn, by.user());
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            CollectionsRepository repo = tx.port(CollectionsRepository.class);
            if (repo.activePlans().containsKey(key)) {
                throw new RxLedgerException("PLAN_EXISTS", "Account " + key + " already has a payment plan; end it first.");
            }
            List<PatientAccount> found = PatientAccountService.accounts(tx, key, startsOn);
            if (found.isEmpty() || !found.get(0).balance().isPositive()) {
                throw new RxLedgerException("PLAN_NOTHING_OWED", "Account " + key + " owes nothing on " + startsOn
                        + "; a payment plan needs a balance.");
            }
            repo.insertPlanEvent(key, true, plan, startsOn, note, by.user());
            PatientAccountService.record(tx, EVENT_PLAN, "PAYMENT_PLAN_STARTED", key, by, Map.of("amount",
                    amount.toString(), "day", dayOfMonth, "starts_on", startsOn.toString()));
            return plan;
        });
    }

    public void end(Session by, String accountKey, LocalDate on, String note) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, "end payment plans");
        String key = AccountKey.parse(accountKey);
        transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            CollectionsRepository repo = tx.port(CollectionsRepository.class);
            if (!repo.activePlans().containsKey(key)) {
                throw new RxLedgerException("PLAN_NONE", "Account " + key + " has no payment plan.");
            }
            repo.insertPlanEvent(key, false, null, on, note, by.user());
            PatientAccountService.record(tx, EVENT_PLAN, "PAYMENT_PLAN_ENDED", key, by, Map.of("on", on.toString()));
            return null;
        });
    }

    /** Every active plan with its standing on {@code asOf}. */
    public List<PaymentPlan.Status> plans(LocalDate asOf) {
        return transactions.read(tx -> new ArrayList<>(statuses(tx, asOf).values()));
    }

    static Map<String, PaymentPlan.Status> statuses(Tx tx, LocalDate asOf) {
        CollectionsRepository repo = tx.port(CollectionsRepository.class);
        Map<String, List<PaymentPlan.Received>> paid = repo.paymentsReceived();
        Map<String, PaymentPlan.Status> out = new java.util.TreeMap<>();
        repo.activePlans().forEach((k, p) -> out.put(k, p.status(paid.getOrDefault(k, List.of()), asOf)));
        return out;
    }
}
