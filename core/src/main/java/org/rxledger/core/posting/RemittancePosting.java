package org.rxledger.core.posting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.collections.WriteOffService;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.ClaimFacts;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PaymentMatching;
import org.rxledger.core.matching.RxFill;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Tx;

/**
 * Posts a stored 835 payment to the ledger: one {@link LedgerBatch} per posting, inside the caller's
 * transaction, checked afterwards so that Σ PAYER_CASH of the payment's postings = BPR02 (or 0 once
 * unposted). The ledger model — which account is debited and credited for what — is ADR 0007
 * (docs/adr/0007-posting-model.md); in short, per claim payment matched to a claim (amounts as sent,
 * so a reversal's are negative; s = −1 for CLP02 = 22, else 1):
 * <pre>
 *   PAYER_CASH              +CLP04                         THIRD_PARTY_RECEIVABLE  −CLP04
 *   PATIENT_RECEIVABLE      +d, d = PR − s·(505-F5)        THIRD_PARTY_RECEIVABLE  −d
 *   PAYER_REDUCTION         +Σ PI
 *   OTHER_ADJUSTMENT        +Σ OA (and any other group)
 *   CONTRACTUAL_ADJUSTMENT  +(v − PI − OA)                 THIRD_PARTY_RECEIVABLE  −v,  v = s·(509-F9) − CLP04 − d
 * </pre>
 * Unmatched (or not yet reviewed) claim payments: PAYER_CASH +CLP04, UNAPPLIED_CASH −CLP04. PLB items:
 * the PLB account of the code +amount, PAYER_CASH −amount, the claim attributed when the reference names one
 * or a person attributed the item ({@link #attributePlb}, kept in plb_attribution so a re-post keeps it).
 */
public final class RemittancePosting {

    /** Batch source: the payment. Entries carry their own source (below). */
    public static final String SOURCE_PAYMENT = "REMIT_PAYMENT";
    public static final String SOURCE_CLAIM = "REMIT_CLAIM";
    public static final String SOURCE_PLB = "REMIT_PLB";

    public static final String EVENT_POSTED = "remittance.posted";
    public static final String EVENT_UNPOSTED = "remittance.unposted";
    public static final String EVENT_ADJUSTED = "remittance.claim.reposted";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemittancePosting.class);

    private RemittancePosting() {
    }

    /** The batch {@link #post} would write, unwritten. */
    public static PostingPreview preview(Tx tx, long paymentId) {
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        Built built = build(tx, h);
        List<LedgerEntry> entries = built.batch.entries();
        Map<LedgerAccount, Money> totals = new EnumMap<>(LedgerAccount.class);
        for (LedgerEntry e : entries) {
            totals.merge(e.account(), e.amount(), Money::plus);
        }
        return new PostingPreview(h.paymentId(), h.payerName(), h.traceNumber(), h.amount(),
                totals.getOrDefault(LedgerAccount.PAYER_CASH, Money.ZERO), built.claims, built.matched,
                built.claims - built.matched, built.unapplied, built.plbItems, built.unattributedPlb, totals, entries);
    }

    /** Posts the whole payment. Refuses a payment that is already posted. */
    public static PostingResult post(Tx tx, long paymentId) {
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        if (h.status() == PaymentStatus.POSTED) {
            throw RxLedgerException.refused("Payment " + h.traceNumber() + " is already posted; unpost it first to post it again");
        }
        long t0 = System.nanoTime();
        Built built = build(tx, h);
        List<LedgerEntry> entries = built.batch.entries();
        long t1 = System.nanoTime();
        recoverWriteOffs(tx, entries, "payment trace " + h.traceNumber() + " posted");
        tx.port(LedgerRepository.class).append(built.batch);
        long t2 = System.nanoTime();
        Money cash = cash(entries);
        tx.port(PostingRepository.class).recordPosting(paymentId, built.batch.batchId(), PostingKind.POST, cash, null,
                tx.clock().instant(), tx.actor().user());
        tx.port(PostingRepository.class).setStatus(paymentId, PaymentStatus.POSTED);
        Money posted = verifyCash(tx, h, true);
        LOG.debug("payment {}: batch built in {} ms, {} entries appended in {} ms, checked in {} ms", paymentId,
                (t1 - t0) / 1_000_000, entries.size(), (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("trace", h.traceNumber());
        payload.put("batchId", built.batch.batchId().toString());
        payload.put("entries", entries.size());
        payload.put("cash", cash);
        payload.put("matchedClaims", built.matched);
        payload.put("unappliedClaims", built.claims - built.matched);
        payload.put("unattributedPlb", built.unattributedPlb);
        tx.port(Journal.class).append(EVENT_POSTED, payload);
        tx.port(AuditTrail.class).record("REMIT_POSTED", "payment", String.valueOf(paymentId), payload);
        return new PostingResult(paymentId, built.batch.batchId(), PostingKind.POST, entries.size(), cash, posted);
    }

    /** Unposts the whole payment: one batch negating everything still on the ledger for it. */
    public static PostingResult unpost(Tx tx, long paymentId, String reason) {
        requireReason(reason);
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        if (h.status() != PaymentStatus.POSTED) {
            throw RxLedgerException.refused("Payment " + h.traceNumber() + " is not posted, so there is nothing to unpost");
        }
        LedgerBatch batch = newBatch(tx, h);
        for (PostingRepository.NetEntry n : tx.port(PostingRepository.class).netEntries(paymentId)) {
            batch.add(n.account(), n.amount().negate(), n.claimId(), n.patientId(), n.payerId(), n.sourceType(),
                    n.sourceId(), "Unpost trace " + h.traceNumber());
        }
        List<LedgerEntry> entries = batch.entries();
        recoverWriteOffs(tx, entries, "payment trace " + h.traceNumber() + " unposted");
        tx.port(LedgerRepository.class).append(batch);
        Money cash = cash(entries);
        tx.port(PostingRepository.class).recordPosting(paymentId, batch.batchId(), PostingKind.UNPOST, cash, reason,
                tx.clock().instant(), tx.actor().user());
        tx.port(PostingRepository.class).setStatus(paymentId, PaymentStatus.IMPORTED);
        Money posted = verifyCash(tx, h, false);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("trace", h.traceNumber());
        payload.put("batchId", batch.batchId().toString());
        payload.put("entries", entries.size());
        payload.put("reason", reason);
        tx.port(Journal.class).append(EVENT_UNPOSTED, payload);
        tx.port(AuditTrail.class).record("REMIT_UNPOSTED", "payment", String.valueOf(paymentId), payload);
        return new PostingResult(paymentId, batch.batchId(), PostingKind.UNPOST, entries.size(), cash, posted);
    }

    /**
     * After a claim payment's match changed on a posted payment: negates what is on the ledger for that
     * claim payment and posts it again under its current match, in one batch. No-op when the payment is
     * not posted (its next post will use the current match) or nothing changes.
     */
    public static Optional<PostingResult> repostClaim(Tx tx, long remitClaimId, String reason) {
        PostingRepository.ClaimLine line = tx.port(PostingRepository.class).claimLine(remitClaimId)
                .orElseThrow(() -> RxLedgerException.notFound("There is no remittance claim " + remitClaimId));
        long paymentId = paymentOf(tx, remitClaimId);
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        if (h.status() != PaymentStatus.POSTED) {
            return Optional.empty();
        }
        LedgerBatch batch = newBatch(tx, h);
        String source = String.valueOf(remitClaimId);
        List<PostingRepository.NetEntry> own = tx.port(PostingRepository.class).netEntries(paymentId).stream()
                .filter(n -> SOURCE_CLAIM.equals(n.sourceType()) && source.equals(n.sourceId())).toList();
        Set<Long> claimIds = new HashSet<>();
        own.forEach(n -> {
            if (n.claimId() != null) {
                claimIds.add(n.claimId());
            }
        });
        if (line.claimId() != null) {
            claimIds.add(line.claimId());
        }
        Poster poster = new Poster(batch, tx.port(PostingRepository.class).remitClaimNets(claimIds));
        for (PostingRepository.NetEntry n : own) {
            poster.add(n.account(), n.amount().negate(), n.claimId(), n.patientId(), n.payerId(), n.sourceType(),
                    n.sourceId(), "Re-post: undo " + line.patientControlNumber());
        }
        Long payerId = tx.port(PostingRepository.class).payerId(h.payerName(), h.payerIdentifier()).orElse(null);
        claimEntries(poster, h, line, payerId);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = batch.entries();
        recoverWriteOffs(tx, entries, "payment trace " + h.traceNumber() + " re-posted after a match changed");
        tx.port(LedgerRepository.class).append(batch);
        Money cash = cash(entries);
        tx.port(PostingRepository.class).recordPosting(paymentId, batch.batchId(), PostingKind.ADJUST, cash, reason,
                tx.clock().instant(), tx.actor().user());
        Money posted = verifyCash(tx, h, true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("remitClaimId", remitClaimId);
        payload.put("batchId", batch.batchId().toString());
        payload.put("entries", entries.size());
        tx.port(Journal.class).append(EVENT_ADJUSTED, payload);
        tx.port(AuditTrail.class).record("REMIT_CLAIM_REPOSTED", "remit_claim", source, payload);
        return Optional.of(new PostingResult(paymentId, batch.batchId(), PostingKind.ADJUST, entries.size(), cash, posted));
    }

    /** Journal event of a person attributing a PLB item to a claim. */
    public static final String EVENT_PLB_ATTRIBUTED = "remittance.plb.attributed";

    /**
     * A person attributes a PLB item of a posted payment to a claim: one ADJUST batch reverses what is on
     * the ledger for the item and posts the same amounts again with the claim. Re-attribution to another
     * claim reverses the previous attribution the same way. Ledger rows are never updated.
     */
    public static PostingResult attributePlb(Tx tx, long plbId, long claimId, String reason) {
        requireReason(reason);
        long paymentId = tx.port(PostingRepository.class).plbPayment(plbId).orElseThrow(
                () -> RxLedgerException.notFound("There is no PLB item " + plbId));
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        if (h.status() != PaymentStatus.POSTED) {
            throw RxLedgerException.refused("Payment " + h.traceNumber() + " is not posted; post it before attributing its PLB items");
        }
        if (tx.port(ClaimRepository.class).find(claimId).isEmpty()) {
            throw RxLedgerException.notFound("There is no claim " + claimId);
        }
        String source = String.valueOf(plbId);
        List<PostingRepository.NetEntry> own = tx.port(PostingRepository.class).netEntries(paymentId).stream()
                .filter(n -> SOURCE_PLB.equals(n.sourceType()) && source.equals(n.sourceId()) && !n.amount().isZero())
                .toList();
        for (PostingRepository.NetEntry n : own) {
            if (n.claimId() != null && n.claimId() == claimId) {
                throw RxLedgerException.refused("PLB item " + plbId + " is already attributed to claim " + claimId);
            }
        }
        LedgerBatch batch = newBatch(tx, h);
        for (PostingRepository.NetEntry n : own) {
            batch.add(n.account(), n.amount().negate(), n.claimId(), n.patientId(), n.payerId(), n.sourceType(),
                    n.sourceId(), "PLB attribution: undo");
            boolean claimSide = n.account() != LedgerAccount.PAYER_CASH;
            batch.add(n.account(), n.amount(), claimSide ? Long.valueOf(claimId) : n.claimId(), n.patientId(), n.payerId(),
                    n.sourceType(), n.sourceId(), "PLB attributed to claim " + claimId);
        }
        List<LedgerEntry> entries = batch.entries();
        tx.port(LedgerRepository.class).append(batch);
        Money cash = cash(entries);
        tx.port(PostingRepository.class).recordPosting(paymentId, batch.batchId(), PostingKind.ADJUST, cash, reason,
                tx.clock().instant(), tx.actor().user());
        // the decision itself, so that posting the payment again (after an unpost) attributes the item the same way
        tx.port(PostingRepository.class).recordPlbAttribution(plbId, claimId, reason, tx.clock().instant(), tx.actor().user());
        Money posted = verifyCash(tx, h, true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("plbId", plbId);
        payload.put("claimId", claimId);
        payload.put("batchId", batch.batchId().toString());
        payload.put("reason", reason);
        tx.port(Journal.class).append(EVENT_PLB_ATTRIBUTED, payload);
        tx.port(AuditTrail.class).record("REMIT_PLB_ATTRIBUTED", "plb_item", source, payload);
        return new PostingResult(paymentId, batch.batchId(), PostingKind.ADJUST, entries.size(), cash, posted);
    }

    /**
     * The claim each PLB item of the payment is attributed to on the ledger now (automatically or by hand), by
     * PLB item id: the claim of its non-zero net REMIT_PLB entries on the PLB account. Items not on the ledger
     * (payment not posted) or not tied to a claim are absent — the same rule the exceptions queue uses.
     */
    public static Map<Long, Long> attributedClaims(Tx tx, long paymentId) {
        Map<Long, Long> result = new HashMap<>();
        for (PostingRepository.NetEntry n : tx.port(PostingRepository.class).netEntries(paymentId)) {
            if (SOURCE_PLB.equals(n.sourceType()) && n.account() != LedgerAccount.PAYER_CASH && n.claimId() != null
                    && !n.amount().isZero()) {
                result.put(Long.valueOf(n.sourceId()), n.claimId());
            }
        }
        return result;
    }

    /**
     * The check after every posting: Σ PAYER_CASH over the payment's postings must be BPR02 while posted
     * and zero once unposted (835 TR3 balancing: BPR02 = Σ CLP04 − Σ PLB). Throws, rolling the
     * transaction back, when it is not.
     */
    public static Money verifyCash(Tx tx, long paymentId) {
        PostingRepository.PaymentHeader h = header(tx, paymentId);
        return verifyCash(tx, h, h.status() == PaymentStatus.POSTED);
    }

    private static Money verifyCash(Tx tx, PostingRepository.PaymentHeader h, boolean posted) {
        Money cash = tx.port(PostingRepository.class).postedCash(h.paymentId());
        Money expected = posted ? h.amount() : Money.ZERO;
        if (!cash.equals(expected)) {
            throw new IllegalStateException("Posting of payment " + h.traceNumber() + " does not balance: payer cash on the "
                    + "ledger is " + cash + " but the payment (BPR02) is " + expected + "; nothing was posted");
        }
        return cash;
    }

    private static long paymentOf(Tx tx, long remitClaimId) {
        return tx.port(MatchRepository.class).remitClaim(remitClaimId).map(MatchRepository.RemitClaimToMatch::paymentId)
                .orElseThrow(() -> RxLedgerException.notFound("There is no remittance claim " + remitClaimId));
    }

    private static PostingRepository.PaymentHeader header(Tx tx, long paymentId) {
        return tx.port(PostingRepository.class).payment(paymentId)
                .orElseThrow(() -> RxLedgerException.notFound("There is no stored payment " + paymentId));
    }

    private static LedgerBatch newBatch(Tx tx, PostingRepository.PaymentHeader h) {
        return new LedgerBatch(SOURCE_PAYMENT, String.valueOf(h.paymentId()), h.paymentDate(), tx.clock().instant(),
                tx.actor().user());
    }

    private static Money cash(List<LedgerEntry> entries) {
        return Money.sum(entries.stream().filter(e -> e.account() == LedgerAccount.PAYER_CASH).map(LedgerEntry::amount).toList());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RxLedgerException.invalid("A reason is required");
        }
    }

    private record Built(LedgerBatch batch, int claims, int matched, Money unapplied, int plbItems, int unattributedPlb) {
    }

    private static Built build(Tx tx, PostingRepository.PaymentHeader h) {
        LedgerBatch batch = newBatch(tx, h);
        Long payerId = tx.port(PostingRepository.class).payerId(h.payerName(), h.payerIdentifier()).orElse(null);
        long t0 = System.nanoTime();
        List<PostingRepository.ClaimLine> lines = tx.port(PostingRepository.class).claimLines(h.paymentId());
        LOG.debug("payment {}: {} claim lines read in {} ms", h.paymentId(), lines.size(), (System.nanoTime() - t0) / 1_000_000);
        Set<Long> claimIds = new HashSet<>();
        lines.forEach(l -> {
            if (l.claimId() != null) {
                claimIds.add(l.claimId());
            }
        });
        Poster poster = new Poster(batch, tx.port(PostingRepository.class).remitClaimNets(claimIds));
        int matched = 0;
        Money unapplied = Money.ZERO;
        for (PostingRepository.ClaimLine line : lines) {
            if (claimEntries(poster, h, line, payerId)) {
                matched++;
            } else {
                unapplied = unapplied.plus(line.paid());
            }
        }
        List<PostingRepository.PlbLine> plbs = tx.port(PostingRepository.class).plbLines(h.paymentId());
        Map<Long, Long> attributed = new HashMap<>(attribute(tx, h.payerName(), plbs));
        // a person's attribution (plb_attribution, V014) outranks the automatic one and survives unpost/re-post
        Map<Long, PostingRepository.PlbAttribution> byHand = plbs.isEmpty() ? Map.of()
                : tx.port(PostingRepository.class).plbAttributions(h.paymentId());
        byHand.forEach((plbId, a) -> attributed.put(plbId, a.claimId()));
        int unattributed = 0;
        for (PostingRepository.PlbLine plb : plbs) {
            Long claimId = attributed.get(plb.plbId());
            if (claimId == null) {
                unattributed++;
            }
            String memo = "PLB " + plb.reasonCode() + (plb.reference() == null ? "" : " " + plb.reference())
                    + " trace " + h.traceNumber() + (byHand.containsKey(plb.plbId()) ? " (attributed by hand)" : "");
            batch.add(plbAccount(plb.reasonCode()), plb.amount(), claimId, null, payerId, SOURCE_PLB,
                    String.valueOf(plb.plbId()), memo);
            batch.add(LedgerAccount.PAYER_CASH, plb.amount().negate(), null, null, payerId, SOURCE_PLB,
                    String.valueOf(plb.plbId()), memo);
        }
        return new Built(batch, lines.size(), matched, unapplied, plbs.size(), unattributed);
    }

    /**
     * The batch being built plus what the ledger already holds per claim from remittances (set-based, one
     * chunked query), kept current as entries are added — so a reversal can negate exactly the payment it
     * reverses, and a later payment of an already-paid claim is recognised, even within one payment.
     */
    static final class Poster {
        private record Key(LedgerAccount account, Long patientId, Long payerId) {
        }

        final LedgerBatch batch;
        private final Map<Long, Map<String, Map<Key, Money>>> bySource = new HashMap<>();

        Poster(LedgerBatch batch, List<PostingRepository.SourceNet> nets) {
            this.batch = batch;
            for (PostingRepository.SourceNet n : nets) {
                track(n.claimId(), n.sourceId(), new Key(n.account(), n.patientId(), n.payerId()), n.amount());
            }
        }

        void add(LedgerAccount account, Money amount, Long claimId, Long patientId, Long payerId, String sourceType,
                 String sourceId, String memo) {
            batch.add(account, amount, claimId, patientId, payerId, sourceType, sourceId, memo);
            if (claimId != null && SOURCE_CLAIM.equals(sourceType) && !amount.isZero()) {
                track(claimId, sourceId, new Key(account, patientId, payerId), amount);
            }
        }

        private void track(long claimId, String sourceId, Key key, Money amount) {
            bySource.computeIfAbsent(claimId, k -> new HashMap<>()).computeIfAbsent(sourceId, k -> new LinkedHashMap<>())
                    .merge(key, amount, Money::plus);
        }

        private Money sum(long claimId, Set<LedgerAccount> accounts) {
            Money total = Money.ZERO;
            for (Map<Key, Money> source : bySource.getOrDefault(claimId, Map.of()).values()) {
                for (var e : source.entrySet()) {
                    if (accounts.contains(e.getKey().account())) {
                        total = total.plus(e.getValue());
                    }
                }
            }
            return total;
        }

        /** Net payer cash already applied to the claim by remittances. */
        Money cash(long claimId) {
            return sum(claimId, Set.of(LedgerAccount.PAYER_CASH));
        }

        /** Net CO/PI/OA written off on the claim by remittances. */
        Money writtenOff(long claimId) {
            return sum(claimId, Set.of(LedgerAccount.CONTRACTUAL_ADJUSTMENT, LedgerAccount.PAYER_REDUCTION,
                    LedgerAccount.OTHER_ADJUSTMENT));
        }

        Map<Key, Money> source(long claimId, String sourceId) {
            return bySource.getOrDefault(claimId, Map.of()).getOrDefault(sourceId, Map.of());
        }
    }

    /** Adds one claim payment's entries; true when it was applied to a claim, false when to unapplied cash. */
    static boolean claimEntries(Poster poster, PostingRepository.PaymentHeader h, PostingRepository.ClaimLine line,
                                Long paymentPayerId) {
        String source = String.valueOf(line.remitClaimId());
        Money paid = line.paid();
        if (line.claimId() == null || line.planPaid() == null) {
            String memo = "Unapplied CLP01 " + line.patientControlNumber() + " trace " + h.traceNumber();
            poster.add(LedgerAccount.PAYER_CASH, paid, null, null, paymentPayerId, SOURCE_CLAIM, source, memo);
            poster.add(LedgerAccount.UNAPPLIED_CASH, paid.negate(), null, null, paymentPayerId, SOURCE_CLAIM, source, memo);
            return false;
        }
        long claimId = line.claimId();
        Long patientId = line.patientId();
        Long payerId = line.claimPayerId() != null ? line.claimPayerId() : paymentPayerId;
        boolean reversal = line.reversal();
        String rx = "Rx " + line.rx() + "-" + String.format(Locale.ROOT, "%02d", line.fill());
        String tail = " trace " + h.traceNumber();

        // a reversal linked to the payment it reverses posts exactly the negation of that payment's entries
        if (reversal && line.linkedRemitClaimId() != null && "REVERSES".equals(line.linkKind())) {
            Map<Poster.Key, Money> reversed = new LinkedHashMap<>(poster.source(claimId, String.valueOf(line.linkedRemitClaimId())));
            Money reversedCash = reversed.entrySet().stream().filter(e -> e.getKey().account() == LedgerAccount.PAYER_CASH)
                    .map(Map.Entry::getValue).reduce(Money.ZERO, Money::plus);
            if (!reversed.isEmpty() && reversedCash.negate().equals(paid)) {
                for (var e : reversed.entrySet()) {
                    poster.add(e.getKey().account(), e.getValue().negate(), claimId, e.getKey().patientId(),
                            e.getKey().payerId(), SOURCE_CLAIM, source, rx + " reversal of remittance claim "
                                    + line.linkedRemitClaimId() + tail);
                }
                return true;
            }
        }

        poster.add(LedgerAccount.PAYER_CASH, paid, claimId, patientId, payerId, SOURCE_CLAIM, source, rx + " payment"
                + (reversal ? " reversal" : "") + tail);
        poster.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, paid.negate(), claimId, patientId, payerId, SOURCE_CLAIM, source,
                rx + " payment" + (reversal ? " reversal" : "") + tail);

        Money alreadyPaid = poster.cash(claimId).minus(paid);
        if (!reversal && !alreadyPaid.isZero()) {
            // a further payment of a claim already paid: its adjustments were settled by the first payment;
            // money now received first recovers what that payment wrote off, the rest is a credit (paid twice)
            Money writtenOff = poster.writtenOff(claimId);
            Money recovered = paid.isPositive() && writtenOff.isPositive()
                    ? (paid.isLessThan(writtenOff) ? paid : writtenOff) : Money.ZERO;
            poster.add(LedgerAccount.CONTRACTUAL_ADJUSTMENT, recovered.negate(), claimId, patientId, payerId, SOURCE_CLAIM,
                    source, rx + " later payment recovers earlier adjustments" + tail);
            poster.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, recovered, claimId, patientId, payerId, SOURCE_CLAIM, source,
                    rx + " later payment recovers earlier adjustments" + tail);
            return true;
        }

        Money expected = reversal ? line.planPaid().negate() : line.planPaid();
        Money adjudicatedPatientPay = reversal ? line.patientPay().negate() : line.patientPay();
        // CLP05 when sent, else the PR adjustments; when the payer sends neither, the adjudicated share stands
        Money pr = line.patientResponsibility() != null ? line.patientResponsibility()
                : !line.pr().isZero() ? line.pr() : adjudicatedPatientPay;
        Money shift = pr.minus(adjudicatedPatientPay);
        Money variance = expected.minus(paid).minus(shift);
        Money pi = line.pi();
        Money oa = line.oa();
        Money co = variance.minus(pi).minus(oa);
        String what = reversal ? " reversal" : "";
        poster.add(LedgerAccount.PATIENT_RECEIVABLE, shift, claimId, patientId, payerId, SOURCE_CLAIM, source,
                rx + " patient share (PR) differs from adjudication" + what + tail);
        poster.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, shift.negate(), claimId, patientId, payerId, SOURCE_CLAIM, source,
                rx + " patient share (PR) differs from adjudication" + what + tail);
        poster.add(LedgerAccount.PAYER_REDUCTION, pi, claimId, patientId, payerId, SOURCE_CLAIM, source, rx + " PI adjustments" + what + tail);
        poster.add(LedgerAccount.OTHER_ADJUSTMENT, oa, claimId, patientId, payerId, SOURCE_CLAIM, source, rx + " OA adjustments" + what + tail);
        poster.add(LedgerAccount.CONTRACTUAL_ADJUSTMENT, co, claimId, patientId, payerId, SOURCE_CLAIM, source,
                rx + " CO adjustments beyond adjudicated price" + what + tail);
        poster.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, variance.negate(), claimId, patientId, payerId, SOURCE_CLAIM, source,
                rx + " adjustments" + what + tail);
        return true;
    }

    /**
     * A posting that moves the third-party receivable of a claim written off by a person (a claim write-off of issue
     * 18) first takes that write-off back, so the posting books the claim as ADR 0007 says and nothing is counted
     * twice (docs/adr/0035-claim-write-offs-give-way-to-postings.md).
     */
    private static void recoverWriteOffs(Tx tx, List<LedgerEntry> entries, String cause) {
        Set<Long> claims = new TreeSet<>();
        for (LedgerEntry e : entries) {
            if (e.account() == LedgerAccount.THIRD_PARTY_RECEIVABLE && e.claimId() != null && !e.amount().isZero()) {
                claims.add(e.claimId());
            }
        }
        WriteOffService.recoverClaims(tx, claims, cause);
    }

    /** The PLB account of a reason code (DOMAIN.md §2.5). */
    public static LedgerAccount plbAccount(String code) {
        return switch (code == null ? "" : code.strip().toUpperCase(Locale.ROOT)) {
            case "WO" -> LedgerAccount.PLB_RECOUPMENT;
            case "FB" -> LedgerAccount.PLB_FORWARD_BALANCE;
            case "L6" -> LedgerAccount.PLB_INTEREST;
            case "CS" -> LedgerAccount.PLB_FEES;
            case "72" -> LedgerAccount.PLB_RETURNS;
            default -> LedgerAccount.PLB_OTHER;
        };
    }

    private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z][0-9A-Za-z/-]*");

    /**
     * PLB references that name exactly one claim: an earlier claim payment's CLP01 or CLP07, a stored
     * authorization number, or an Rx number (with fill or date when given) read with the payer's CLP01 patterns.
     * References naming no claim or several are left for a person to attribute.
     */
    static Map<Long, Long> attribute(Tx tx, String payerName, List<PostingRepository.PlbLine> plbs) {
        Map<Long, List<String>> tokens = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (PostingRepository.PlbLine plb : plbs) {
            if (plb.reference() == null || plb.reference().isBlank()) {
                continue;
            }
            List<String> list = new ArrayList<>();
            list.add(plb.reference().strip());
            Matcher m = TOKEN.matcher(plb.reference());
            while (m.find()) {
                list.add(m.group());
            }
            tokens.put(plb.plbId(), list);
            all.addAll(list);
        }
        if (all.isEmpty()) {
            return Map.of();
        }
        Clp01Patterns patterns = PaymentMatching.patternsFor(tx, payerName);
        Set<String> rx = new HashSet<>();
        for (String t : all) {
            patterns.decode(payerName, t).forEach(r -> rx.add(r.rx()));
        }
        MatchRepository repo = tx.port(MatchRepository.class);
        List<ClaimFacts> facts = repo.claimFacts(rx, all);
        List<MatchRepository.PriorPayment> priors = repo.priorPayments(all, all, List.of(), -1);
        Map<Long, Long> result = new HashMap<>();
        for (var e : tokens.entrySet()) {
            Set<Long> found = new LinkedHashSet<>();
            for (String t : e.getValue()) {
                for (MatchRepository.PriorPayment p : priors) {
                    if (t.equalsIgnoreCase(p.patientControlNumber().strip())
                            || (p.payerClaimControlNumber() != null && t.equalsIgnoreCase(p.payerClaimControlNumber().strip()))) {
                        found.add(p.claimId());
                    }
                }
                for (ClaimFacts f : facts) {
                    if (f.authorizationNumber() != null && t.equalsIgnoreCase(f.authorizationNumber().strip())) {
                        found.add(f.claimId());
                    }
                }
                if (found.isEmpty()) {
                    for (RxFill r : patterns.decode(payerName, t)) {
                        for (ClaimFacts f : facts) {
                            if (stripZeros(f.rx()).equals(r.rx()) && (r.fill() == null || r.fill() == f.fill())
                                    && (r.dateOfService() == null || r.dateOfService().equals(f.dateOfService()))) {
                                found.add(f.claimId());
                            }
                        }
                        if (!found.isEmpty()) {
                            break; // most specific reading first
                        }
                    }
                }
                if (!found.isEmpty()) {
                    break;
                }
            }
            if (found.size() == 1) {
                result.put(e.getKey(), found.iterator().next());
            }
        }
        return result;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
