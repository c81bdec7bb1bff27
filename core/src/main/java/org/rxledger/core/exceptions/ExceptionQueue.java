package org.rxledger.core.exceptions;

import org.rxledger.core.error.RxLedgerException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rxledger.core.recon.ClaimReconciliation;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.tx.Tx;

/**
 * The exceptions work queue (DOMAIN.md §4.3): every item derived afresh from the remittance, matching and
 * ledger tables (a handful of set-based queries), joined with what people did to it (assign, resolve with
 * a note, reopen — append-only, so the work survives recomputation). An item whose cause disappears, e.g.
 * a line that got matched, leaves the queue by itself.
 */
public final class ExceptionQueue {

    public static final String EVENT_ASSIGNED = "exception.assigned";
    public static final String EVENT_RESOLVED = "exception.resolved";
    public static final String EVENT_REOPENED = "exception.reopened";

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionQueue.class);

    private final Transactions transactions;

    public ExceptionQueue(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Who works the queue now (the signed-in person's name): "mine" in the queue means owned by them. */
    public String currentUser() {
        return transactions.read(tx -> tx.actor().user());
    }

    /** Every current item, oldest first within category order. */
    public List<ExceptionItem> items() {
        long start = System.nanoTime();
        List<ExceptionItem> items = transactions.read(ExceptionQueue::derive);
        LOG.info("exceptions queue: derived {} items in {} ms", items.size(), (System.nanoTime() - start) / 1_000_000);
        return items;
    }

    /** The current items the filter lets through. */
    public List<ExceptionItem> items(ExceptionFilter filter) {
        return items().stream().filter(filter::test).toList();
    }

    public Optional<ExceptionItem> find(String key) {
        return transactions.read(tx -> find(tx, key));
    }

    /** Open items per category (every category present, zero where none). */
    public static Map<ExceptionCategory, Integer> counts(List<ExceptionItem> items) {
        Map<ExceptionCategory, Integer> counts = new EnumMap<>(ExceptionCategory.class);
        for (ExceptionCategory c : ExceptionCategory.values()) {
            counts.put(c, 0);
        }
        items.forEach(i -> counts.merge(i.category(), 1, Integer::sum));
        return counts;
    }

    /** Makes {@code owner} the item's owner. */
    public ExceptionItem assign(String key, String owner) {
        String o = owner == null ? "" : owner.strip();
        if (o.isEmpty()) {
            throw RxLedgerException.invalid("Say who owns exception " + key);
        }
        if (o.length() > 60) {
            throw RxLedgerException.invalid("The owner name is longer than 60 characters");
        }
        return act(key, ExceptionRepository.Action.ASSIGN, o, null, EVENT_ASSIGNED, "EXCEPTION_ASSIGNED");
    }

    /** Assigns the item to the signed-in user. */
    public ExceptionItem assignToMe(String key) {
        return assign(key, transactions.read(tx -> tx.actor().user()));
    }

    /** Resolves an open item with a note saying what was done. */
    public ExceptionItem resolve(String key, String note) {
        String n = note == null ? "" : note.strip();
        if (n.isEmpty()) {
            throw RxLedgerException.invalid("Say how exception " + key + " was resolved (a note is required)");
        }
        if (n.length() > 2000) {
            throw RxLedgerException.invalid("The note is longer than 2,000 characters");
        }
        return act(key, ExceptionRepository.Action.RESOLVE, null, n, EVENT_RESOLVED, "EXCEPTION_RESOLVED");
    }

    /** Opens a resolved item again; the note (optional) says why. */
    public ExceptionItem reopen(String key, String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        return act(key, ExceptionRepository.Action.REOPEN, null, n, EVENT_REOPENED, "EXCEPTION_REOPENED");
    }

    private ExceptionItem act(String key, String action, String owner, String note, String event, String audit) {
        return transactions.inTransaction(Permission.EXCEPTION_WORK, "work an exception", tx -> {
            ExceptionItem item = find(tx, key).orElseThrow(() -> RxLedgerException.notFound(
                    "There is no current exception " + key + " (it may have been cleared by a match or a payment)"));
            if (action.equals(ExceptionRepository.Action.RESOLVE) && !item.open()) {
                throw RxLedgerException.refused("Exception " + key + " is already resolved (" + item.note() + ")");
            }
            if (action.equals(ExceptionRepository.Action.REOPEN) && item.open()) {
                throw RxLedgerException.refused("Exception " + key + " is open already");
            }
            Instant at = tx.clock().instant();
            tx.port(ExceptionRepository.class).append(new ExceptionRepository.Action(item.key(), action, owner, note, at, tx.actor().user()));
            // no PHI: the key names ids only; notes are the clerk's own words about the work
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("item_key", item.key());
            payload.put("category", item.category().name());
            if (owner != null) {
                payload.put("owner", owner);
            }
            if (note != null) {
                payload.put("note", note);
            }
            tx.port(Journal.class).append(event, payload);
            tx.port(AuditTrail.class).record(audit, "exception", item.key(), payload);
            return find(tx, key).orElseThrow();
        });
    }

    /**
     * One item by key, derived from its own row only (the key names the category and the row), so that
     * acting on an item costs a few indexed queries however large the office.
     */
    private static Optional<ExceptionItem> find(Tx tx, String key) {
        String k = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
        int colon = k.indexOf(':');
        if (colon < 0 || k.length() < colon + 3) {
            throw RxLedgerException.invalid("'" + key + "' is not an exception key; expected e.g. SHORT_PAID:C42");
        }
        ExceptionCategory category = ExceptionCategory.parse(k.substring(0, colon));
        long id;
        try {
            id = Long.parseLong(k.substring(colon + 2));
        } catch (NumberFormatException e) {
            throw RxLedgerException.invalid("'" + key + "' is not an exception key; expected e.g. SHORT_PAID:C42");
        }
        return derive(tx, category, id).stream().filter(i -> i.key().equals(k)).findFirst();
    }

    static List<ExceptionItem> derive(Tx tx) {
        return derive(tx, null, null);
    }

    /** Every item, or (with {@code only}) the items about one row of the category's kind. */
    private static List<ExceptionItem> derive(Tx tx, ExceptionCategory scope, Long only) {
        LocalDate today = LocalDate.now(tx.clock());
        ExceptionRepository repo = tx.port(ExceptionRepository.class);
        Map<Long, LocalDate> importedOn = new HashMap<>();
        for (RemittanceListRow p : tx.port(RemittanceRepository.class).paymentList()) {
            importedOn.put(p.paymentId(), LocalDate.ofInstant(p.importedAt(), tx.clock().getZone()));
        }
        ExceptionRules rules = new ExceptionRules(today, importedOn, tx.identifierMask());
        List<ExceptionItem> items = new ArrayList<>();
        boolean all = scope == null;
        if (all || scope == ExceptionCategory.UNMATCHED || scope == ExceptionCategory.AMBIGUOUS) {
            repo.looseLines(only, l -> items.add(rules.loose(l)));
        }
        boolean claims = all || EnumSet.of(ExceptionCategory.SHORT_PAID, ExceptionCategory.OVER_PAID,
                ExceptionCategory.DENIED, ExceptionCategory.REVERSED, ExceptionCategory.PAID_TWICE).contains(scope);

        boolean contract = all || scope == ExceptionCategory.UNDERPAID_CONTRACT || scope == ExceptionCategory.BELOW_COST;

        Map<Long, List<ExceptionRepository.ClaimCode>> codes = new HashMap<>();
        List<ExceptionRepository.ClaimLine> flagged = new ArrayList<>();
        Map<Long, ExceptionRepository.ClaimLine> lineOf = new HashMap<>();
        if (claims || contract) {
            repo.claimLines(only, c -> {
                if (contract) {
                    lineOf.put(c.claimId(), c);
                }
                ReconStatus s = ClaimReconciliation.status(c.expected(), c.paid(), c.lines(), c.reversals() > 0,
                        c.denials() > 0);
                if (claims && s != ReconStatus.PAID && s != ReconStatus.UNPAID) {
                    flagged.add(c);
                }
            });
        }
        if (!flagged.isEmpty()) {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            flagged.forEach(c -> ids.add(c.claimId()));
            repo.claimCodes(only, c -> {
                if (ids.contains(c.claimId())) {
                    codes.computeIfAbsent(c.claimId(), k -> new ArrayList<>()).add(c);
                }
            });
        }
        for (ExceptionRepository.ClaimLine c : flagged) {
            rules.claim(c, codes.getOrDefault(c.claimId(), List.of())).ifPresent(items::add);
        }
        if (contract) {
            for (ContractCheck k : ContractService.checks(tx, null, null, only)) {
                ExceptionRepository.ClaimLine line = lineOf.get(k.claim().claimId());
                if ((all || scope == ExceptionCategory.UNDERPAID_CONTRACT) && k.underpaid(ContractService.DEFAULT_TOLERANCE)) {
                    items.add(rules.underpaid(k, line));
                }
                if ((all || scope == ExceptionCategory.BELOW_COST) && k.belowCost()) {
                    items.add(rules.belowCost(k, line));
                }
            }
        }
        if (all || scope == ExceptionCategory.PATIENT_PAY) {
            repo.patientPayMismatches(only, p -> items.add(rules.patientPay(p)));
        }
        if (all || scope == ExceptionCategory.PLB_UNATTRIBUTED) {
            repo.loosePlbs(only, p -> items.add(rules.plb(p)));
        }

        Map<String, ExceptionItem.WorkState> states = fold(all ? repo.actions() : repo.actions(scope.key(only)));
        List<ExceptionItem> result = new ArrayList<>(items.size());
        for (ExceptionItem i : items) {
            result.add(i.withState(states.getOrDefault(i.key(), ExceptionItem.WorkState.NEW)));
        }
        result.sort(Comparator.comparing(ExceptionItem::category).thenComparing(ExceptionItem::arose)
                .thenComparing(ExceptionItem::key));
        return result;
    }

    /** Latest owner (ASSIGN), latest status (RESOLVE/REOPEN) and its note, per key. */
    static Map<String, ExceptionItem.WorkState> fold(List<ExceptionRepository.Action> actions) {
        Map<String, ExceptionItem.WorkState> states = new HashMap<>();
        for (ExceptionRepository.Action a : actions) {
            ExceptionItem.WorkState s = states.getOrDefault(a.itemKey(), ExceptionItem.WorkState.NEW);
            states.put(a.itemKey(), switch (a.action()) {
                case ExceptionRepository.Action.ASSIGN -> new ExceptionItem.WorkState(a.owner(), s.status(), s.note());
                case ExceptionRepository.Action.RESOLVE -> new ExceptionItem.WorkState(s.owner(), ExceptionStatus.RESOLVED, a.note());
                case ExceptionRepository.Action.REOPEN -> new ExceptionItem.WorkState(s.owner(), ExceptionStatus.OPEN, a.note());
                default -> s;
            });
        }
        return states;
    }

    static long age(LocalDate arose, LocalDate today) {
        return arose == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(arose, today));
    }

    static Money nz(Money m) {
        return m == null ? Money.ZERO : m;
    }
}
