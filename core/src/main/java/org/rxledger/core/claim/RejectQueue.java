package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.reference.CodeTable;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * The reject follow-up work queue (DOMAIN.md §10.1): every rejected adjudication gets a follow-up when it is
 * recorded ({@link ClaimRecorder}); the queue groups them by the reject family of the claim's first reject
 * code, with the code's meaning, the typical fix, an owner, a due date and a status. A rebill of the
 * rejected claim ({@link ChargeEntry#rebill}) resolves its follow-up and names the new claim.
 *
 * <p>Default due dates: outages are retried the next day; everything else is due in
 * {@value #DAYS_TO_WORK} days (a clerk works a reject while the patient is still at the counter or due back).
 */
public final class RejectQueue {

    public static final String EVENT_FOLLOW_UP_CHANGED = "reject.followup.changed";
    static final int DAYS_TO_WORK = 3;
    private static final String FAMILY = "family";
    /** Queue order: the families a billing office works first (DOMAIN.md §10.1 table order). */
    private static final List<String> FAMILY_ORDER = List.of("ELIGIBILITY", "COB", "FORMULARY", "PRIOR_AUTH", "PLAN_LIMITS",
            "REFILL_TOO_SOON", "DUR", "PRESCRIBER", "BENEFIT_ROUTING", "TIMELY_FILING", "OUTAGE", "DATA_ENTRY");

    /** One line of the queue, with the reject explained. */
    public record WorkItem(RejectQueueRow row, String family, String primaryCode, String meaning, String fix,
                           boolean overdue) {

        public RejectFollowUp followUp() {
            return row.followUp();
        }

        /** "Prior auth", "Refill too soon", … */
        public String familyLabel() {
            return familyLabel(family);
        }

        public static String familyLabel(String family) {
            if (family.equals("DUR") || family.equals("COB")) {
                return family; // acronyms clerks say as letters
            }
            String s = family.replace('_', ' ').toLowerCase(Locale.ROOT);
            return s.isEmpty() ? "Unsorted" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    private final Transactions transactions;
    private final CodeTable rejectCodes;

    public RejectQueue(Transactions transactions) {
        this(transactions, CodeTables.standard());
    }

    public RejectQueue(Transactions transactions, CodeTables codes) {
        this.transactions = transactions;
        this.rejectCodes = codes.rejectCodes();
    }

    /** The queue, open items first, then by family (work order) and due date. */
    public List<WorkItem> items() {
        return transactions.read(tx -> {
            LocalDate today = LocalDate.now(tx.clock());
            List<WorkItem> items = new ArrayList<>();
            for (RejectQueueRow row : tx.port(RejectQueueRepository.class).rows()) {
                items.add(explain(row, today));
            }
            items.sort(Comparator.comparing((WorkItem i) -> i.followUp().status().isDone())
                    .thenComparing(i -> familyRank(i.family()))
                    .thenComparing(i -> i.followUp().dueDate())
                    .thenComparing(i -> i.followUp().id()));
            return items;
        });
    }

    /** Items grouped by family, in work order; within a family as {@link #items()} orders them. */
    public Map<String, List<WorkItem>> byFamily(List<WorkItem> items) {
        Map<String, List<WorkItem>> groups = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing((WorkItem i) -> familyRank(i.family())))
                .forEach(i -> groups.computeIfAbsent(i.family(), f -> new ArrayList<>()).add(i));
        return groups;
    }

    /** Assigns an owner (blank = unassigned) and a due date; an open item becomes in progress when assigned. */
    public RejectFollowUp assign(long followUpId, String owner, LocalDate dueDate) {
        Objects.requireNonNull(dueDate, "dueDate");
        String who = owner == null || owner.isBlank() ? null : owner.strip();
        if (who != null && who.length() > 60) {
            throw RxLedgerException.invalid("The owner name is longer than 60 characters");
        }
        return transactions.inTransaction(Permission.EXCEPTION_WORK, "assign a reject follow-up", tx -> {
            RejectFollowUp f = existing(tx, followUpId);
            FollowUpStatus status = f.status() == FollowUpStatus.OPEN && who != null ? FollowUpStatus.IN_PROGRESS : f.status();
            RejectFollowUp changed = new RejectFollowUp(f.id(), f.claimId(), who, dueDate, status, f.note(),
                    f.resolvedByClaimId(), f.createdAt(), tx.clock().instant(), tx.actor().user());
            save(tx, f, changed, "REJECT_ASSIGNED");
            return changed;
        });
    }

    /** Moves an item to open, in progress, waiting or closed; resolving happens only by a rebill. */
    public RejectFollowUp changeStatus(long followUpId, FollowUpStatus status, String note) {
        if (status == FollowUpStatus.RESOLVED) {
            throw RxLedgerException.invalid("A reject is resolved by rebilling the claim (Rebill on the claim or the queue)");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 400) {
            throw RxLedgerException.invalid("The note is longer than 400 characters");
        }
        return transactions.inTransaction(Permission.EXCEPTION_WORK, "change a reject follow-up", tx -> {
            RejectFollowUp f = existing(tx, followUpId);
            if (f.status() == FollowUpStatus.RESOLVED) {
                throw RxLedgerException.refused("This reject was resolved by rebill claim #" + f.resolvedByClaimId() + "; it cannot be reopened");
            }
            RejectFollowUp changed = new RejectFollowUp(f.id(), f.claimId(), f.owner(), f.dueDate(), status,
                    text.isEmpty() ? f.note() : text, f.resolvedByClaimId(), f.createdAt(), tx.clock().instant(), tx.actor().user());
            save(tx, f, changed, "REJECT_STATUS_CHANGED");
            return changed;
        });
    }

    // ------------------------------------------------------------- inside other use cases' transactions

    /** Opens follow-ups for the rejected claims among {@code stored}; called by {@link ClaimRecorder}. */
    static void openFor(Tx tx, List<Claim> stored) {
        List<Long> ids = new ArrayList<>();
        List<LocalDate> due = new ArrayList<>();
        LocalDate today = LocalDate.now(tx.clock());
        for (Claim c : stored) {
            if (c.responseStatus() == ResponseStatus.REJECTED) {
                ids.add(c.id());
                String family = familyOf(CodeTables.standard().rejectCodes(), c.rejectCodes());
                due.add(today.plusDays("OUTAGE".equals(family) ? 1 : DAYS_TO_WORK));
            }
        }
        if (!ids.isEmpty()) {
            tx.port(RejectQueueRepository.class).open(ids, due);
        }
    }

    /** Marks the follow-up of a rebilled claim resolved by the new claim (no-op when it had none). */
    static void resolveByRebill(Tx tx, long oldClaimId, long newClaimId) {
        tx.port(RejectQueueRepository.class).forClaim(oldClaimId).filter(f -> !f.status().isDone()).ifPresent(f -> {
            RejectFollowUp resolved = new RejectFollowUp(f.id(), f.claimId(), f.owner() == null ? tx.actor().user() : f.owner(),
                    f.dueDate(), FollowUpStatus.RESOLVED, f.note(), newClaimId, f.createdAt(), tx.clock().instant(), tx.actor().user());
            save(tx, f, resolved, "REJECT_RESOLVED");
        });
    }

    private static RejectFollowUp existing(Tx tx, long id) {
        return tx.port(RejectQueueRepository.class).find(id).orElseThrow(() -> RxLedgerException.notFound("Reject follow-up " + id + " does not exist"));
    }

    private static void save(Tx tx, RejectFollowUp before, RejectFollowUp after, String action) {
        tx.port(RejectQueueRepository.class).update(after);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("claimId", after.claimId());
        detail.put("owner", change(before.owner(), after.owner()));
        detail.put("dueDate", change(before.dueDate(), after.dueDate()));
        detail.put("status", change(before.status(), after.status()));
        if (after.resolvedByClaimId() != null) {
            detail.put("resolvedByClaimId", after.resolvedByClaimId());
        }
        tx.port(AuditTrail.class).record(action, "reject_followup", String.valueOf(after.id()), detail);
        Map<String, Object> payload = new LinkedHashMap<>(detail);
        payload.put("followUpId", after.id());
        tx.port(Journal.class).append(EVENT_FOLLOW_UP_CHANGED, payload);
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before == null ? null : before.toString());
        m.put("after", after == null ? null : after.toString());
        return m;
    }

    private WorkItem explain(RejectQueueRow row, LocalDate today) {
        String family = familyOf(rejectCodes, row.rejectCodes());
        String primary = row.rejectCodes().isEmpty() ? "" : row.rejectCodes().get(0);
        String meaning = primary.isEmpty() ? "" : rejectCodes.describe(primary);
        String fix = rejectCodes.find(primary).map(c -> c.attribute("fix")).orElse("");
        RejectFollowUp f = row.followUp();
        return new WorkItem(row, family, primary, meaning, fix, !f.status().isDone() && f.dueDate().isBefore(today));
    }

    /** The family of the first reject code (the payer's primary reason), or DATA_ENTRY when unknown. */
    static String familyOf(CodeTable table, List<String> codes) {
        if (codes.isEmpty()) {
            return "DATA_ENTRY";
        }
        String family = table.find(codes.get(0)).map(c -> c.attribute(FAMILY)).orElse("");
        return family.isEmpty() ? "DATA_ENTRY" : family;
    }

    private static int familyRank(String family) {
        int i = FAMILY_ORDER.indexOf(family);
        return i < 0 ? FAMILY_ORDER.size() : i;
    }
}
