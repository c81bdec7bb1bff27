package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.reference.ReferenceRepository;

/**
 * Use cases of patient accounts (issue 18): balances and aging summed from the ledger, payments applied oldest
 * first or to chosen fills, refunds of credits, holds, and the statement cycle. Each change is one transaction with
 * its ledger batch, journal event and audit record, and names the signed-in person who made it.
 */
public final class PatientAccountService {

    public static final String SOURCE_PAYMENT = "PATIENT_PAYMENT";
    public static final String SOURCE_REFUND = "PATIENT_REFUND";
    public static final String EVENT_PAYMENT = "patient_account.payment";
    public static final String EVENT_REFUND = "patient_account.refund";
    public static final String EVENT_HOLD = "patient_account.hold";
    public static final String EVENT_STATEMENTS = "patient_account.statements";
    public static final String EVENT_SETTING = "collections.setting";

    /** 13 to 19 digits in a row, spaces or dashes allowed between them: what a card number looks like. */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?:\\d[ -]?){12,18}\\d");

    private final Transactions transactions;
    private final Authorizer authorizer;

    public PatientAccountService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.authorizer = new Authorizer(transactions);
    }

    /** A payment received on an account; {@code claimIds} empty applies it oldest first. */
    public record Payment(String accountKey, Money amount, PaymentMethod method, String reference, LocalDate receivedOn,
                          List<Long> claimIds) {
        public Payment {
            Objects.requireNonNull(accountKey, "accountKey");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(receivedOn, "receivedOn");
            if (!amount.isPositive()) {
                throw new RxLedgerException("PAYMENT_AMOUNT", "A payment must be more than 0.00; " + amount + " was given.");
            }
            reference = reference == null ? "" : reference.strip();
            if (CARD_NUMBER.matcher(reference).find()) {
                throw new RxLedgerException("CARD_NUMBER_REFUSED", "The reference looks like a card number. Only the "
                        + "card processor's token or approval reference is kept, never the card number.");
            }
            if (method == PaymentMethod.CARD && reference.isEmpty()) {
                throw new RxLedgerException("CARD_TOKEN_MISSING", "A card payment needs the processor's token reference.");
            }
            if (reference.length() > 60) {
                throw new RxLedgerException("PAYMENT_REFERENCE", "The reference has " + reference.length()
                        + " characters; at most 60 are kept.");
            }
            claimIds = claimIds == null ? List.of() : List.copyOf(claimIds);
        }
    }

    /** How a payment or refund was applied: amount per fill. */
    public record Applied(long paymentId, String accountKey, Money amount, Map<String, Money> byFill) {
    }

    /** The payment plans of the same office, for a caller that was given this service only (a screen). */
    public PaymentPlanService paymentPlans() {
        return new PaymentPlanService(transactions);
    }

    /** Agency referrals of the same office, for a caller that was given this service only (a screen). */
    public AgencyReferralService agencyReferrals() {
        return new AgencyReferralService(transactions);
    }

    public CollectionSettings settings() {
        return transactions.read(tx -> CollectionSettings.from(tx.port(CollectionsRepository.class).settings()));
    }

    public List<PatientAccount> accounts(LocalDate asOf) {
        return transactions.read(tx -> accounts(tx, null, asOf));
    }

    public AccountDetail account(String accountKey, LocalDate asOf) {
        String key = AccountKey.parse(accountKey);
        return transactions.read(tx -> {
            List<PatientAccount> found = accounts(tx, key, asOf);
            String name = tx.port(CollectionsRepository.class).accountName(key).orElseThrow(() -> unknown(key));
            PatientAccount summary = found.isEmpty()
                    ? new PatientAccount(key, name, Money.ZERO, emptyAging(), List.copyOf(tx.port(CollectionsRepository.class).activeHolds()
                    .getOrDefault(key, Set.of())), tx.port(CollectionsRepository.class).statements().getOrDefault(key, List.of()).size(), null,
                    tx.port(CollectionsRepository.class).lastPayments().get(key), 0, false)
                    : found.get(0);
            return new AccountDetail(summary, tx.port(CollectionsRepository.class).openItems(key, asOf), tx.port(CollectionsRepository.class).activity(key),
                    tx.port(CollectionsRepository.class).statements().getOrDefault(key, List.of()));
        });
    }

    static List<PatientAccount> accounts(Tx tx, String key, LocalDate asOf) {
        CollectionsRepository repo = tx.port(CollectionsRepository.class);
        Map<String, List<AccountItem>> byAccount = new LinkedHashMap<>();
        repo.openItems(key, asOf).forEach(i -> byAccount.computeIfAbsent(i.accountKey(), k -> new ArrayList<>()).add(i));
        Map<String, Set<HoldKind>> holds = repo.activeHolds();
        Map<String, List<Statement>> statements = repo.statements();
        Map<String, LocalDate> payments = repo.lastPayments();
        List<PatientAccount> out = new ArrayList<>();
        byAccount.forEach((k, items) -> {
            Map<AgingBucket, Money> aging = emptyAging();
            items.forEach(i -> aging.merge(AgingBucket.of(i.ageDays(asOf)), i.balance(), Money::plus));
            List<Statement> sent = statements.getOrDefault(k, List.of());
            out.add(new PatientAccount(k, items.get(0).accountName(), Money.sum(items.stream().map(AccountItem::balance).toList()),
                    aging, List.copyOf(holds.getOrDefault(k, Set.of())), sent.size(),
                    sent.isEmpty() ? null : sent.get(sent.size() - 1).sentOn(), payments.get(k), items.size(),
                    items.stream().anyMatch(AccountItem::federalProgram)));
        });
        return out;
    }

    private static Map<AgingBucket, Money> emptyAging() {
        Map<AgingBucket, Money> aging = new EnumMap<>(AgingBucket.class);
        for (AgingBucket b : AgingBucket.values()) {
            aging.put(b, Money.ZERO);
        }
        return aging;
    }

    /** Posts a payment: PATIENT_CASH up, PATIENT_RECEIVABLE down on each fill it pays, oldest first unless chosen. */
    public Applied pay(Session by, Payment p) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, "post patient payments");
        String key = AccountKey.parse(p.accountKey());
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            List<AccountItem> open = tx.port(CollectionsRepository.class).openItems(key, LocalDate.now(tx.clock()).plusYears(100));
            if (open.isEmpty() && tx.port(CollectionsRepository.class).accountName(key).isEmpty()) {
                throw unknown(key);
            }
            List<AccountItem> targets = new ArrayList<>();
            if (p.claimIds().isEmpty()) {
                open.stream().filter(i -> i.balance().isPositive()).forEach(targets::add);
            } else {
                for (long id : p.claimIds()) {
                    targets.add(open.stream().filter(i -> i.claimId() == id && i.balance().isPositive()).findFirst()
                            .orElseThrow(() -> new RxLedgerException("PAYMENT_ITEM", "Claim " + id + " has no balance "
                                    + "owed on account " + key + "; choose among its open fills.")));
                }
            }
            Money owed = Money.sum(targets.stream().map(AccountItem::balance).toList());
            if (owed.isZero()) {
                throw new RxLedgerException("NOTHING_OWED", "Account " + key + " owes nothing. If this pays a balance "
                        + "that was written off, reverse the write-off first (rxledger writeoffs reverse --id N --reason …).");
            }
            if (p.amount().isGreaterThan(owed)) {
                throw new RxLedgerException("PAYMENT_TOO_LARGE", "The payment " + p.amount() + " is more than the "
                        + owed + " owed on " + (p.claimIds().isEmpty() ? "account " + key : "the chosen fills")
                        + "; take what is owed.");
            }
            LedgerBatch batch = new LedgerBatch(SOURCE_PAYMENT, key, p.receivedOn(), tx.clock().instant(), by.user());
            Map<String, Money> byFill = new LinkedHashMap<>();
            Money left = p.amount();
            for (AccountItem i : targets) {
                if (left.isZero()) {
                    break;
                }
                Money part = left.isLessThan(i.balance()) ? left : i.balance();
                batch.add(LedgerAccount.PATIENT_RECEIVABLE, part.negate(), i.claimId(), i.patientId(), null,
                        p.method().name().toLowerCase(java.util.Locale.ROOT) + " payment Rx " + i.rxFill());
                batch.add(LedgerAccount.PATIENT_CASH, part, i.claimId(), i.patientId(), null,
                        p.method().name().toLowerCase(java.util.Locale.ROOT) + " payment Rx " + i.rxFill());
                byFill.put(i.rxFill(), part);
                left = left.minus(part);
            }
            tx.port(LedgerRepository.class).append(batch);
            long id = tx.port(CollectionsRepository.class).insertPayment(key, "PAYMENT", p.method(), p.amount(), p.reference(), p.receivedOn(),
                    batch.batchId(), by.user());
            record(tx, EVENT_PAYMENT, "PATIENT_PAYMENT_POSTED", key, by, Map.of("payment", id, "amount", p.amount().toString(),
                    "method", p.method().name(), "fills", byFill.size(), "batch", batch.batchId().toString()));
            return new Applied(id, key, p.amount(), byFill);
        });
    }

    /** Pays back a credit on the account (PATIENT_RECEIVABLE up to zero, PATIENT_CASH down). */
    public Applied refund(Session by, String accountKey, Money amount, PaymentMethod method, String reference, LocalDate on) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, "refund patient credits");
        Payment checked = new Payment(accountKey, amount, method, reference, on, List.of());
        String key = AccountKey.parse(accountKey);
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            List<AccountItem> credits = tx.port(CollectionsRepository.class).openItems(key, LocalDate.now(tx.clock()).plusYears(100)).stream()
                    .filter(i -> i.balance().isNegative()).toList();
            Money credit = Money.sum(credits.stream().map(AccountItem::balance).toList()).negate();
            if (amount.isGreaterThan(credit)) {
                throw new RxLedgerException("REFUND_TOO_LARGE", "Account " + key + " holds a credit of " + credit
                        + "; a refund of " + amount + " is more than that.");
            }
            LedgerBatch batch = new LedgerBatch(SOURCE_REFUND, key, on, tx.clock().instant(), by.user());
            Map<String, Money> byFill = new LinkedHashMap<>();
            Money left = amount;
            for (AccountItem i : credits) {
                if (left.isZero()) {
                    break;
                }
                Money part = left.isLessThan(i.balance().negate()) ? left : i.balance().negate();
                batch.add(LedgerAccount.PATIENT_RECEIVABLE, part, i.claimId(), i.patientId(), null, "refund Rx " + i.rxFill());
                batch.add(LedgerAccount.PATIENT_CASH, part.negate(), i.claimId(), i.patientId(), null, "refund Rx " + i.rxFill());
                byFill.put(i.rxFill(), part);
                left = left.minus(part);
            }
            tx.port(LedgerRepository.class).append(batch);
            long id = tx.port(CollectionsRepository.class).insertPayment(key, "REFUND", checked.method(), amount, checked.reference(), on,
                    batch.batchId(), by.user());
            record(tx, EVENT_REFUND, "PATIENT_REFUND_POSTED", key, by, Map.of("refund", id, "amount", amount.toString(),
                    "method", method.name(), "batch", batch.batchId().toString()));
            return new Applied(id, key, amount, byFill);
        });
    }

    /** Places a hold; bankruptcy, deceased and the others all stop statements and the collection rules at once. */
    public void placeHold(Session by, String accountKey, HoldKind kind, String note, LocalDate on) {
        changeHold(by, accountKey, kind, true, note, on);
    }

    public void releaseHold(Session by, String accountKey, HoldKind kind, String note, LocalDate on) {
        changeHold(by, accountKey, kind, false, note, on);
    }

    private void changeHold(Session by, String accountKey, HoldKind kind, boolean place, String note, LocalDate on) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, place ? "place holds on accounts" : "release holds");
        String key = AccountKey.parse(accountKey);
        String text = note == null ? "" : note.strip();
        if (text.length() > 200) {
            throw new RxLedgerException("HOLD_NOTE", "The note has " + text.length() + " characters; at most 200 are kept.");
        }
        transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            if (tx.port(CollectionsRepository.class).accountName(key).isEmpty()) {
                throw unknown(key);
            }
            boolean active = tx.port(CollectionsRepository.class).activeHolds().getOrDefault(key, Set.of()).contains(kind);
            if (active == place) {
                throw new RxLedgerException("HOLD_STATE", "Account " + key + (place ? " is already on hold: " : " has no hold: ")
                        + kind.cliName() + ".");
            }
            tx.port(CollectionsRepository.class).insertHoldEvent(key, kind, place, text, on, by.user());
            record(tx, EVENT_HOLD, place ? "ACCOUNT_HOLD_PLACED" : "ACCOUNT_HOLD_RELEASED", key, by,
                    Map.of("hold", kind.name(), "on", on.toString()));
            return null;
        });
    }

    /**
     * Sends the statements due on {@code date} (DOMAIN.md §6.1): an account with a balance and no hold gets its
     * first statement, then the next one every interval, up to the final notice; accounts on hold get none, and
     * accounts keeping a payment plan are not escalated.
     */
    public List<Statement> runStatements(Session by, LocalDate date) {
        return statementRun(by, date).statements();
    }

    /**
     * Sends the statements due on {@code date}, as {@link #runStatements}, and returns each with what it prints:
     * open fills, payments since the previous statement, aging, the dunning step, and the office to remit to.
     */
    public StatementRun statementRun(Session by, LocalDate date) {
        authorizer.require(by, Permission.PATIENT_ACCOUNT_WORK, "run statements");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            CollectionsRepository repo = tx.port(CollectionsRepository.class);
            CollectionSettings s = CollectionSettings.from(repo.settings());
            Map<String, Set<HoldKind>> holds = repo.activeHolds();
            Map<String, List<Statement>> sent = repo.statements();
            Map<String, PaymentPlan.Status> plans = PaymentPlanService.statuses(tx, date);
            List<StatementNotice> due = new ArrayList<>();
            int onPlan = 0;
            for (PatientAccount a : accounts(tx, null, date)) {
                List<Statement> earlier = sent.getOrDefault(a.key(), List.of());
                if (!a.balance().isPositive() || holds.containsKey(a.key()) || earlier.size() >= s.finalNoticeNumber()) {
                    continue;
                }
                if (plans.containsKey(a.key()) && plans.get(a.key()).kept()) {
                    onPlan++; // a kept plan is no reason to escalate; a missed instalment resumes the cycle
                    continue;
                }
                LocalDate previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).sentOn();
                if (previous == null || !previous.plusDays(s.statementIntervalDays()).isAfter(date)) {
                    Statement st = new Statement(a.key(), earlier.size() + 1, date, a.balance());
                    repo.insertStatement(st, by.user());
                    List<AccountActivity> payments = repo.activity(a.key()).stream()
                            .filter(x -> SOURCE_PAYMENT.equals(x.sourceType()) || SOURCE_REFUND.equals(x.sourceType()))
                            .filter(x -> !x.date().isAfter(date) && (previous == null || x.date().isAfter(previous)))
                            .toList();
                    due.add(new StatementNotice(st, a.name(), DunningStep.of(st.number(), s.finalNoticeNumber()),
                            repo.openItems(a.key(), date), payments, a.aging()));
                }
            }
            if (!due.isEmpty()) {
                record(tx, EVENT_STATEMENTS, "STATEMENTS_SENT", date.toString(), by, Map.of("statements", due.size()));
            }
            return new StatementRun(date, tx.port(ReferenceRepository.class).pharmacy().orElse(null), due, onPlan);
        });
    }

    /** Changes one collection setting (an office setting: thresholds and approval limits). */
    public CollectionSettings changeSetting(Session by, String name, String value) {
        authorizer.require(by, Permission.SETTINGS_EDIT, "change collection settings");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            Map<String, String> stored = new LinkedHashMap<>(tx.port(CollectionsRepository.class).settings());
            stored.put(name, value.strip());
            CollectionSettings checked;
            try {
                checked = CollectionSettings.from(stored);
            } catch (IllegalArgumentException | RxLedgerException e) {
                throw new RxLedgerException("SETTING_INVALID", "Collection setting " + name + " = '" + value.strip()
                        + "' refused: " + e.getMessage());
            }
            tx.port(CollectionsRepository.class).putSetting(name, value.strip());
            record(tx, EVENT_SETTING, "COLLECTION_SETTING_CHANGED", name, by, Map.of("value", value.strip()));
            return checked;
        });
    }

    /** Marks a plan as a federal program's (program null: not one); its patients' copays are never waived routinely. */
    public void markFederalProgram(Session by, long planId, String program) {
        authorizer.require(by, Permission.PAYER_DIRECTORY_EDIT, "mark federal-program plans");
        transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            tx.port(CollectionsRepository.class).setFederalProgram(planId, program == null ? null : program.strip().toUpperCase(java.util.Locale.ROOT));
            record(tx, EVENT_SETTING, "FEDERAL_PROGRAM_PLAN_SET", "plan " + planId, by,
                    Map.of("program", program == null ? "none" : program));
            return null;
        });
    }

    static void record(Tx tx, String event, String action, String entityId, Session by, Map<String, ?> detail) {
        Map<String, Object> payload = new LinkedHashMap<>(detail);
        payload.put("entity", entityId);
        payload.put("by", by.user());
        tx.port(Journal.class).append(event, payload);
        tx.port(AuditTrail.class).record(action, "patient_account", entityId, payload);
    }

    static RxLedgerException unknown(String key) {
        return new RxLedgerException("ACCOUNT_UNKNOWN", "There is no account " + key + ".");
    }
}
