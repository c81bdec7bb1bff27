package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;

/**
 * Write-off recommendations and their approval (issue 18, DOMAIN.md §6.2): {@link WriteOffPolicy} proposes with
 * its reasons; a person of the recommendation's tier — never the proposer — approves (posting a balanced ledger
 * batch to the kind's account) or rejects with a reason; an approval is undone by a reversing batch, never by
 * editing. Every step is in the journal and the audit trail with the person's name.
 */
public final class WriteOffService {

    public static final String SOURCE_WRITE_OFF = "WRITE_OFF";
    public static final String SOURCE_WRITE_OFF_REVERSAL = "WRITE_OFF_REVERSAL";
    /** Batch source of a claim write-off taken back because a posting moved the claim ({@link #recoverClaims}). */
    public static final String SOURCE_WRITE_OFF_RECOVERY = "WRITE_OFF_RECOVERY";
    public static final String EVENT_RECOMMENDED = "writeoff.recommended";
    public static final String EVENT_DECIDED = "writeoff.decided";

    private final Transactions transactions;
    private final Authorizer authorizer;

    public WriteOffService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.authorizer = new Authorizer(transactions);
    }

    /** What a run of the rules made, and what the rules refused to recommend (with why). */
    public record Recommendations(List<WriteOff> created, List<WriteOffPolicy.Finding> refused) {
    }

    public List<WriteOff> list() {
        return transactions.read(tx -> tx.port(CollectionsRepository.class).writeOffs());
    }

    public WriteOff get(long id) {
        return transactions.read(tx -> find(tx, id));
    }

    /**
     * Runs the rules over every account as of {@code asOf} and records a recommendation for each that fires;
     * an account with a recommendation still waiting for a decision gets no second one.
     */
    public Recommendations recommend(Session by, LocalDate asOf) {
        authorizer.require(by, Permission.WRITEOFF_PROPOSE, "propose write-offs");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            CollectionsRepository repo = tx.port(CollectionsRepository.class);
            WriteOffPolicy policy = new WriteOffPolicy(CollectionSettings.from(repo.settings()));
            List<WriteOff> earlier = repo.writeOffs();
            Set<String> waiting = earlier.stream().filter(w -> w.status() == WriteOff.Status.PENDING)
                    .map(WriteOff::accountKey).collect(Collectors.toSet());
            Map<String, List<AccountItem>> byAccount = new LinkedHashMap<>();
            repo.openItems(null, asOf).forEach(i -> byAccount.computeIfAbsent(i.accountKey(), k -> new ArrayList<>()).add(i));
            Map<String, Set<HoldKind>> holds = repo.activeHolds();
            Map<String, List<Statement>> statements = repo.statements();
            Map<String, LocalDate> payments = repo.lastPayments();
            List<WriteOff> created = new ArrayList<>();
            List<WriteOffPolicy.Finding> refused = new ArrayList<>();
            byAccount.forEach((key, items) -> {
                if (waiting.contains(key)) {
                    return;
                }
                List<Statement> sent = statements.getOrDefault(key, List.of());
                WriteOffPolicy.Facts facts = new WriteOffPolicy.Facts(key, items, holds.getOrDefault(key, Set.of()),
                        sent.size(), sent.isEmpty() ? null : sent.get(0).sentOn(), payments.get(key));
                policy.evaluate(facts, asOf).ifPresent(f -> {
                    if (f.refused()) {
                        refused.add(f);
                    } else {
                        long id = repo.insertRecommendation(f, asOf, by.user());
                        created.add(repo.writeOff(id).orElseThrow());
                    }
                });
            });
            // a claim written off and not taken back is decided: a second write-off of it would count it twice
            Set<String> decided = earlier.stream().filter(w -> w.kind().claimScope()
                    && w.status() == WriteOff.Status.APPROVED).map(WriteOff::accountKey).collect(Collectors.toSet());
            decided.addAll(waiting);
            claimWriteOffs(tx, CollectionSettings.from(repo.settings()), decided, asOf).forEach(f -> {
                long id = repo.insertRecommendation(f, asOf, by.user());
                created.add(repo.writeOff(id).orElseThrow());
            });
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("as_of", asOf.toString());
            payload.put("created", created.stream().map(WriteOff::id).toList());
            payload.put("refused", refused.stream().map(WriteOffPolicy.Finding::accountKey).toList());
            payload.put("by", by.user());
            tx.port(Journal.class).append(EVENT_RECOMMENDED, payload);
            tx.port(AuditTrail.class).record("WRITE_OFFS_RECOMMENDED", "write_off", "as of " + asOf, payload);
            return new Recommendations(created, refused);
        });
    }

    /** The third-party rules over every claim a plan still owes on, with what the remittances said of each. */
    private static List<WriteOffPolicy.Finding> claimWriteOffs(Tx tx, CollectionSettings settings, Set<String> waiting,
                                                               LocalDate asOf) {
        Map<Long, ThirdPartyWriteOffPolicy.Remitted> remitted = tx.port(CollectionsRepository.class).remitted();
        ThirdPartyWriteOffPolicy policy = new ThirdPartyWriteOffPolicy(settings);
        List<WriteOffPolicy.Finding> found = new ArrayList<>();
        for (ClaimReceivable c : tx.port(CollectionsRepository.class).claimReceivables(null, asOf)) {
            if (!waiting.contains(ThirdPartyWriteOffPolicy.key(c.claimId()))) {
                policy.evaluate(c, remitted.getOrDefault(c.claimId(), ThirdPartyWriteOffPolicy.Remitted.NOTHING), asOf)
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Approves a waiting recommendation: the approver must hold the tier's permission and must not be its proposer,
     * and the fills must still owe what was recommended (else recommend again). Posts the kind's receivable
     * (PATIENT_RECEIVABLE, or THIRD_PARTY_RECEIVABLE for a claim) down and its write-off account up, per fill.
     */
    public WriteOff approve(Session by, long id) {
        WriteOff w = get(id);
        authorizer.require(by, w.tier().permission(), "approve a " + w.tier().jsonName() + "-tier write-off");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            WriteOff now = pending(tx, id);
            if (now.proposedBy().equals(by.user())) {
                throw new RxLedgerException("WRITEOFF_OWN_PROPOSAL", "Write-off " + id + " was proposed by " + by.user()
                        + "; another person must approve it.");
            }
            if (now.kind().claimScope()) {
                return approveClaim(tx, now, by);
            }
            Map<Long, AccountItem> open = new LinkedHashMap<>();
            tx.port(CollectionsRepository.class).openItems(now.accountKey(), LocalDate.now(tx.clock()).plusYears(100))
                    .forEach(i -> open.put(i.claimId(), i));
            for (WriteOff.Item item : now.items()) {
                AccountItem current = open.get(item.claimId());
                if (current == null || !current.balance().equals(item.amount()) || current.thirdPartyOpen()) {
                    throw new RxLedgerException("WRITEOFF_STALE", "Account " + now.accountKey() + " changed since write-off "
                            + id + " was recommended (a payment, credit or open third-party claim); reject it and "
                            + "recommend again.");
                }
            }
            LedgerBatch batch = new LedgerBatch(SOURCE_WRITE_OFF, String.valueOf(id), LocalDate.now(tx.clock()),
                    tx.clock().instant(), by.user());
            LedgerAccount target = now.kind().account();
            for (WriteOff.Item item : now.items()) {
                AccountItem i = open.get(item.claimId());
                String memo = now.kind().name().toLowerCase(java.util.Locale.ROOT) + " write-off " + id + " Rx " + i.rxFill();
                batch.add(LedgerAccount.PATIENT_RECEIVABLE, item.amount().negate(), i.claimId(), i.patientId(), null, memo);
                batch.add(target, item.amount(), i.claimId(), i.patientId(), null, memo);
            }
            return posted(tx, now, batch, by);
        });
    }

    /**
     * A claim's write-off: the plan must still owe at least the amount (a payment or a posted remittance since makes
     * it stale), and the receivable goes down by it onto the contractual adjustments account.
     */
    private static WriteOff approveClaim(Tx tx, WriteOff w, Session by) {
        WriteOff.Item item = w.items().get(0);
        ClaimReceivable c = tx.port(CollectionsRepository.class)
                .claimReceivables(item.claimId(), LocalDate.now(tx.clock()).plusYears(100)).stream().findFirst()
                .filter(r -> !r.balance().isLessThan(item.amount()))
                .orElseThrow(() -> new RxLedgerException("WRITEOFF_STALE", "Claim Rx " + w.rxFill() + " changed since "
                        + "write-off " + w.id() + " was recommended (a payment or a posted remittance); reject it and "
                        + "recommend again."));
        LedgerBatch batch = new LedgerBatch(SOURCE_WRITE_OFF, String.valueOf(w.id()), LocalDate.now(tx.clock()),
                tx.clock().instant(), by.user());
        String memo = w.kind().name().toLowerCase(java.util.Locale.ROOT) + " write-off " + w.id() + " Rx " + c.rxFill();
        batch.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, item.amount().negate(), c.claimId(), c.patientId(), c.payerId(), memo);
        batch.add(w.kind().account(), item.amount(), c.claimId(), c.patientId(), c.payerId(), memo);
        return posted(tx, w, batch, by);
    }

    private static WriteOff posted(Tx tx, WriteOff w, LedgerBatch batch, Session by) {
        tx.port(LedgerRepository.class).append(batch);
        tx.port(CollectionsRepository.class).insertDecision(w.id(), WriteOff.Status.APPROVED, "", batch.batchId(), by.user());
        decided(tx, w, "WRITE_OFF_APPROVED", by.user(), "", batch.batchId());
        return find(tx, w.id());
    }

    public WriteOff reject(Session by, long id, String reason) {
        String why = requireReason(reason, "rejecting");
        WriteOff w = get(id);
        authorizer.require(by, w.tier().permission(), "decide a " + w.tier().jsonName() + "-tier write-off");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            WriteOff now = pending(tx, id);
            tx.port(CollectionsRepository.class).insertDecision(id, WriteOff.Status.REJECTED, why, null, by.user());
            decided(tx, now, "WRITE_OFF_REJECTED", by.user(), why, null);
            return find(tx, id);
        });
    }

    /** Undoes an approved write-off with a batch of reversing entries (a recovery, or an approval made in error). */
    public WriteOff reverse(Session by, long id, String reason) {
        String why = requireReason(reason, "reversing");
        WriteOff w = get(id);
        authorizer.require(by, w.tier().permission(), "reverse a " + w.tier().jsonName() + "-tier write-off");
        return transactions.inTransaction(Permission.PATIENT_ACCOUNT_WORK, "work patient accounts", tx -> {
            WriteOff now = find(tx, id);
            if (now.status() != WriteOff.Status.APPROVED) {
                throw new RxLedgerException("WRITEOFF_NOT_APPROVED", "Write-off " + id + " is " + now.status().name()
                        .toLowerCase(java.util.Locale.ROOT) + "; only an approved write-off can be reversed.");
            }
            return undo(tx, now, SOURCE_WRITE_OFF_REVERSAL, "WRITE_OFF_REVERSED", why, by.user());
        });
    }

    /**
     * Takes every approved claim write-off on these claims back onto the third-party receivable, inside the caller's
     * transaction, just before a remittance posting, an unpost, a re-match or a counter reversal moves the same
     * receivable (docs/adr/0035-claim-write-offs-give-way-to-postings.md). The posting then books the claim as if it
     * had never been written off, so nothing is counted twice and the receivable never goes below zero; what the
     * posting leaves owed is recommended again and decided again by a person.
     *
     * @param cause what moved the claim, for the decision row and the audit trail (trace number, never PHI)
     * @return the write-offs taken back, as they stand now (reversed)
     */
    public static List<WriteOff> recoverClaims(Tx tx, Collection<Long> claimIds, String cause) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        List<WriteOff> recovered = new ArrayList<>();
        for (long id : tx.port(CollectionsRepository.class).approvedClaimWriteOffs(claimIds)) {
            recovered.add(undo(tx, find(tx, id), SOURCE_WRITE_OFF_RECOVERY, "WRITE_OFF_RECOVERED", "recovered: " + cause,
                    tx.actor().user()));
        }
        return recovered;
    }

    /** The negation of the approval's batch, and the REVERSED decision naming its batch. */
    private static WriteOff undo(Tx tx, WriteOff w, String source, String action, String why, String user) {
        UUID approved = tx.port(CollectionsRepository.class).approvalBatch(w.id()).orElseThrow();
        LedgerBatch batch = new LedgerBatch(source, String.valueOf(w.id()), LocalDate.now(tx.clock()),
                tx.clock().instant(), user);
        for (LedgerEntry e : tx.port(CollectionsRepository.class).entriesOfBatch(approved)) {
            batch.reverse(e);
        }
        tx.port(LedgerRepository.class).append(batch);
        tx.port(CollectionsRepository.class).insertDecision(w.id(), WriteOff.Status.REVERSED, why, batch.batchId(), user);
        decided(tx, w, action, user, why, batch.batchId());
        return find(tx, w.id());
    }

    private static String requireReason(String reason, String doing) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new RxLedgerException("REASON_REQUIRED", "A reason is required for " + doing + " a write-off; it is kept "
                    + "in the audit trail.");
        }
        if (why.length() > 500) {
            throw new RxLedgerException("REASON_TOO_LONG", "The reason has " + why.length() + " characters; at most 500 are kept.");
        }
        return why;
    }

    private static WriteOff find(Tx tx, long id) {
        return tx.port(CollectionsRepository.class).writeOff(id).orElseThrow(() -> new RxLedgerException("WRITEOFF_UNKNOWN",
                "There is no write-off recommendation " + id + "."));
    }

    private static WriteOff pending(Tx tx, long id) {
        WriteOff w = find(tx, id);
        if (w.status() != WriteOff.Status.PENDING) {
            throw new RxLedgerException("WRITEOFF_DECIDED", "Write-off " + id + " is already "
                    + w.status().name().toLowerCase(java.util.Locale.ROOT) + " (by " + w.decidedBy() + ").");
        }
        return w;
    }

    private static void decided(Tx tx, WriteOff w, String action, String by, String reason, UUID batch) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("write_off", w.id());
        payload.put("account", w.accountKey());
        payload.put("kind", w.kind().name());
        payload.put("amount", w.amount().toString());
        payload.put("tier", w.tier().name());
        payload.put("by", by);
        payload.put("reason", reason);
        payload.put("batch", batch == null ? null : batch.toString());
        tx.port(Journal.class).append(EVENT_DECIDED, payload);
        tx.port(AuditTrail.class).record(action, "write_off", String.valueOf(w.id()), payload);
    }

    /** Sum of what was written off and not reversed, by kind (for totals on the review screen). */
    public static Map<WriteOffKind, Money> totals(List<WriteOff> writeOffs, WriteOff.Status status) {
        Map<WriteOffKind, Money> m = new LinkedHashMap<>();
        writeOffs.stream().filter(w -> w.status() == status).forEach(w -> m.merge(w.kind(), w.amount(), Money::plus));
        return m;
    }
}
