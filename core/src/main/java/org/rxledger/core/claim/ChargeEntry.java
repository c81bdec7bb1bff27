package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.money.Money;

/**
 * Charge entry (issue 3): a clerk enters an adjudicated prescription charge, corrects a saved one, reverses it
 * (B2) or rebills it (B3). Every method is one use case in one transaction — claim rows, ledger entries,
 * journal event and audit record together (ARCHITECTURE.md rule 3) — and every value is checked by the one
 * rule set, {@link ClaimRules}, that also guards the claims CSV import.
 *
 * <ul>
 *   <li>{@link #save}: a new B1 adjudication; its receivables go to the ledger ({@link ClaimPostings}); a
 *       rejected one opens a follow-up in the {@link RejectQueue}.</li>
 *   <li>{@link #reverse}: B2 — lifecycle REVERSED and reversing entries ({@link ClaimReversals}).</li>
 *   <li>{@link #rebill}: B3 — posted as two events (DOMAIN.md §1.8): the old adjudication becomes REBILLED with
 *       its receivables reversed, and a new adjudication (transaction code B3) names the one it replaces; a
 *       reject follow-up of the old claim is resolved by the new one.</li>
 *   <li>{@link #correct}: changed billing data of a saved claim, audited field by field with before and after;
 *       when the amounts that make its receivables change, they are reversed and posted again
 *       (docs/adr/0008-claim-corrections.md). The keys a payer matches a claim by cannot be corrected: that
 *       is a rebill.</li>
 * </ul>
 */
public final class ChargeEntry {

    public static final String EVENT_CLAIM_REBILLED = "claim.rebilled";
    public static final String EVENT_CLAIM_CORRECTED = "claim.corrected";

    /**
     * What a correction cannot change: the keys a payer matches a B2 by (Rx, fill, DOS, BIN/PCN/group, NDC —
     * DOMAIN.md §1.8), who was billed, who prescribed, and the payer's answer. Changing any of them is a rebill.
     */
    public static final Set<ClaimField> KEY_FIELDS = EnumSet.of(ClaimField.RX_NUMBER, ClaimField.FILL_NUMBER,
            ClaimField.DATE_OF_SERVICE, ClaimField.BIN, ClaimField.PCN, ClaimField.GROUP_ID, ClaimField.NDC,
            ClaimField.PATIENT_FIRST_NAME, ClaimField.PATIENT_LAST_NAME, ClaimField.PATIENT_DOB,
            ClaimField.PRESCRIBER_NPI, ClaimField.PRESCRIBER_LAST_NAME, ClaimField.RESPONSE_STATUS,
            ClaimField.REJECT_CODES);

    /**
     * A charge as entered: the field values (patient names/DOB and prescriber NPI are taken from the chosen
     * records) and the chosen patient, plan, prescriber and drug. {@code collectedAtCounter}: the patient paid
     * the patient-pay amount at pick-up, so it goes to counter cash instead of the patient's account.
     */
    public record NewCharge(Map<ClaimField, String> values, long patientId, long planId, long prescriberId, long drugId,
                            boolean collectedAtCounter) {

        public NewCharge {
            values = Map.copyOf(values);
        }
    }

    /** A saved claim as a pre-filled form: for a rebill or a correction. */
    public record Draft(Claim claim, Map<ClaimField, String> values, Patient patient, Plan plan, Prescriber prescriber,
                        Drug drug) {
    }

    /** The plan and card a returning patient was last billed on: what picking the patient fills in. */
    public record Coverage(Plan plan, String cardholderId, String personCode, String relationshipCode) {
    }

    private final Transactions transactions;
    private final ClaimRules rules;

    public ChargeEntry(Transactions transactions, ClaimRules rules) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ClaimRules rules() {
        return rules;
    }

    /**
     * Saves a new adjudicated charge.
     *
     * @throws ChargeProblems when a field or a cross-field rule fails, or the fill is already billed to the plan
     */
    public Claim save(NewCharge charge) {
        return transactions.inTransaction(Permission.CLAIM_ENTER, "enter a charge", tx -> {
            Prepared p = prepare(tx, charge);
            refuseDuplicate(tx, p.valid());
            return recordWithCounterPayment(tx, p, "B1", null, charge);
        });
    }

    /**
     * Records the claim and what of its patient pay was paid at the counter, as a claims file does (issue 18): an
     * amount typed in "patient paid at the counter" decides (all of it: collected; less: the rest goes to the
     * account), else the "collected" box; a charge account bills the fill to that house-charge account.
     */
    private static Claim recordWithCounterPayment(Tx tx, Prepared p, String code, Long replaces, NewCharge charge) {
        Money paidAtPos = p.valid().patientPaidAtPos();
        boolean collected = paidAtPos == null ? charge.collectedAtCounter()
                : PatientPayAtCounter.allCollected(p.valid().patientPay(), paidAtPos);
        Claim stored = ClaimRecorder.record(tx, p.toClaim(tx, code, replaces, collected), p.plan().payerId());
        PatientPayAtCounter.book(tx, stored, paidAtPos, p.valid().chargeAccount());
        return stored;
    }

    /** B2: see {@link ClaimReversals#reverse}. */
    public Claim reverse(long claimId, LocalDate effectiveDate, String reason) {
        return transactions.inTransaction(Permission.CLAIM_CORRECT, "reverse a claim", tx -> ClaimReversals.reverse(tx, claimId, effectiveDate, reason));
    }

    /**
     * B3: replaces an active claim by a corrected adjudication of the same Rx and fill.
     *
     * @return the new claim
     * @throws ChargeProblems         when the corrected charge breaks a rule or changes the Rx number or fill
     * @throws IllegalStateException  when the old claim is not active
     */
    public Claim rebill(long claimId, NewCharge corrected, LocalDate effectiveDate) {
        return transactions.inTransaction(Permission.CLAIM_CORRECT, "rebill a claim", tx -> {
            Claim old = active(tx, claimId, "rebilled");
            Prepared p = prepare(tx, corrected);
            if (!p.valid().rxNumber().equals(old.rxNumber()) || p.valid().fillNumber() != old.fillNumber()) {
                throw new ChargeProblems(List.of(new ClaimRules.Problem(ClaimField.RX_NUMBER, "A rebill keeps the Rx number and fill of "
                        + "the claim it replaces (Rx " + old.rxFill() + "); enter a new charge for another prescription or fill")));
            }
            tx.port(ClaimRepository.class).setLifecycle(claimId, Lifecycle.REBILLED);
            ClaimReversals.reversingBatch(tx, claimId, ClaimPostings.SOURCE_CLAIM_REBILL, effectiveDate).ifPresent(tx.port(LedgerRepository.class)::append);
            refuseDuplicate(tx, p.valid());
            Claim stored = recordWithCounterPayment(tx, p, "B3", claimId, corrected);
            RejectQueue.resolveByRebill(tx, claimId, stored.id());

            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimUuid", old.uuid());
            payload.put("claimId", claimId);
            payload.put("newClaimUuid", stored.uuid());
            payload.put("newClaimId", stored.id());
            payload.put("rx", old.rxNumber());
            payload.put("fill", old.fillNumber());
            payload.put("effectiveDate", effectiveDate);
            tx.port(Journal.class).append(EVENT_CLAIM_REBILLED, payload);
            tx.port(AuditTrail.class).record("CLAIM_REBILLED", "claim", String.valueOf(claimId),
                    Map.of("rx", old.rxFill(), "newClaimId", stored.id(), "from", old.lifecycle().name()));
            return stored;
        });
    }

    /**
     * Corrects billing data of an active claim. {@code changes} holds only the fields that change (blank =
     * clear); {@code collectedAtCounter} null keeps the flag. Returns the claim as stored (unchanged when
     * nothing differs: no audit line is written for a no-op).
     *
     * @throws ChargeProblems when a changed value breaks a rule or a key field would change
     */
    public Claim correct(long claimId, Map<ClaimField, String> changes, Boolean collectedAtCounter) {
        return transactions.inTransaction(Permission.CLAIM_CORRECT, "correct a claim", tx -> {
            Claim old = active(tx, claimId, "corrected");
            Patient patient = tx.port(ReferenceRepository.class).patient(old.patientId()).orElseThrow();
            Prescriber prescriber = tx.port(ReferenceRepository.class).prescriber(old.prescriberId()).orElseThrow();
            Map<ClaimField, String> before = ClaimValues.of(old, patient, prescriber);
            List<ClaimRules.Problem> problems = new ArrayList<>();
            for (Map.Entry<ClaimField, String> change : changes.entrySet()) {
                String now = change.getValue() == null ? "" : change.getValue().strip();
                if (KEY_FIELDS.contains(change.getKey()) && !now.equalsIgnoreCase(before.get(change.getKey()))) {
                    problems.add(new ClaimRules.Problem(change.getKey(), change.getKey().label() + " cannot be corrected on a saved "
                            + "claim: rebill it (B3) to change the Rx, fill, date of service, plan routing, NDC, patient, "
                            + "prescriber or the payer's response"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ChargeProblems(problems);
            }
            Map<ClaimField, String> values = new EnumMap<>(before);
            values.putAll(changes);
            if (!changes.containsKey(ClaimField.GROSS_AMOUNT_DUE)) {
                values.put(ClaimField.GROSS_AMOUNT_DUE, ""); // derived again from the (maybe corrected) components
            }
            ClaimRules.ValidClaim v = validOrThrow(values);
            boolean collected = collectedAtCounter == null ? old.patientPayCollected() : collectedAtCounter;
            Claim corrected = new Claim(old.id(), old.uuid(), old.rxNumber(), old.fillNumber(), old.dateOfService(),
                    v.dateWritten(), old.transactionCode(), old.patientId(), old.planId(), old.bin(), old.pcn(), old.groupId(),
                    v.cardholderId(), v.personCode(), v.relationshipCode(), old.prescriberId(), old.drugId(), old.ndc(),
                    v.quantity(), v.daysSupply(), v.daw(), v.sccCodes(), v.otherCoverageCode(), v.ingredientCostSubmitted(),
                    v.dispensingFeeSubmitted(), v.usualAndCustomary(), v.grossAmountDue(), old.responseStatus(),
                    old.rejectCodes(), v.authorizationNumber(), v.patientPay(), v.ingredientCostPaid(), v.dispensingFeePaid(),
                    v.planPaid(), v.channel(), collected && old.responseStatus().createsReceivable(), old.lifecycle(),
                    old.replacesClaimId(), old.source(), old.adjudicatedAt(), old.createdAt(), old.createdBy());

            Map<ClaimField, String> after = ClaimValues.of(corrected, patient, prescriber);
            Map<String, Object> diff = new LinkedHashMap<>();
            for (ClaimField f : ClaimField.values()) {
                if (!Objects.equals(before.get(f), after.get(f))) {
                    diff.put(f.column(), change(before.get(f), after.get(f)));
                }
            }
            if (old.patientPayCollected() != corrected.patientPayCollected()) {
                diff.put("patient_pay_collected", change(String.valueOf(old.patientPayCollected()),
                        String.valueOf(corrected.patientPayCollected())));
            }
            if (diff.isEmpty()) {
                return old;
            }
            tx.port(ClaimRepository.class).updateBillingData(corrected);
            boolean repost = old.responseStatus().createsReceivable()
                    && (!old.planPaid().equals(corrected.planPaid()) || !old.patientPay().equals(corrected.patientPay())
                    || old.patientPayCollected() != corrected.patientPayCollected());
            if (repost) {
                LocalDate today = LocalDate.now(tx.clock());
                long payerId = tx.port(ReferenceRepository.class).plan(old.planId()).orElseThrow().payerId();
                ClaimReversals.reversingBatch(tx, claimId, ClaimPostings.SOURCE_CLAIM_CORRECTION, today).ifPresent(tx.port(LedgerRepository.class)::append);
                ClaimPostings.adjudicationBatch(tx, corrected, payerId, today).ifPresent(tx.port(LedgerRepository.class)::append);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("rx", old.rxFill());
            detail.put("changes", diff);
            detail.put("ledgerReposted", repost);
            tx.port(AuditTrail.class).record("CLAIM_CORRECTED", "claim", String.valueOf(claimId), detail);
            Map<String, Object> payload = new LinkedHashMap<>(detail);
            payload.put("claimUuid", old.uuid());
            payload.put("claimId", claimId);
            tx.port(Journal.class).append(EVENT_CLAIM_CORRECTED, payload);
            return tx.port(ClaimRepository.class).find(claimId).orElseThrow();
        });
    }

    /**
     * Marks a claim as billed on paper (UCF): channel PAPER and no NCPDP authorization number (DOMAIN.md §7.3).
     * It stays in A/R and is matched later like any claim. Audited as a correction.
     */
    public Claim markPaper(long claimId) {
        Map<ClaimField, String> changes = new EnumMap<>(ClaimField.class);
        changes.put(ClaimField.CHANNEL, Channel.PAPER.name());
        changes.put(ClaimField.AUTHORIZATION_NUMBER, "");
        return correct(claimId, changes, null);
    }

    /** The saved claim as a form, for a rebill or a correction. */
    public Draft draft(long claimId) {
        return transactions.read(tx -> {
            Claim c = tx.port(ClaimRepository.class).find(claimId).orElseThrow(() -> RxLedgerException.notFound("Claim " + claimId + " does not exist"));
            Patient patient = tx.port(ReferenceRepository.class).patient(c.patientId()).orElseThrow();
            Prescriber prescriber = tx.port(ReferenceRepository.class).prescriber(c.prescriberId()).orElseThrow();
            return new Draft(c, ClaimValues.of(c, patient, prescriber), patient, tx.port(ReferenceRepository.class).plan(c.planId()).orElseThrow(),
                    prescriber, tx.port(ReferenceRepository.class).drug(c.drugId()).orElseThrow());
        });
    }

    /** The patient's card from their latest claim the payer accepted (else their latest), or empty for a new patient. */
    public Optional<Coverage> lastCoverage(long patientId) {
        return transactions.read(tx -> tx.port(ClaimRepository.class).latestForPatient(patientId).map(c -> new Coverage(
                tx.port(ReferenceRepository.class).plan(c.planId()).orElseThrow(), c.cardholderId(), c.personCode(), c.relationshipCode())));
    }

    /** Billed → reversed → rebilled: every step of the claim's fill, oldest first. */
    public List<FillHistory.Step> history(long claimId) {
        return transactions.read(tx -> FillHistory.of(tx, claimId));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> change(String before, String after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before);
        m.put("after", after);
        return m;
    }

    private static Claim active(Tx tx, long claimId, String verb) {
        Claim claim = tx.port(ClaimRepository.class).find(claimId)
                .orElseThrow(() -> RxLedgerException.notFound("Claim " + claimId + " does not exist"));
        if (claim.lifecycle() != Lifecycle.ACTIVE) {
            throw RxLedgerException.refused("Claim Rx " + claim.rxFill() + " is already " + claim.lifecycle().name().toLowerCase(Locale.ROOT)
                    + "; only an active claim can be " + verb);
        }
        return claim;
    }

    private ClaimRules.ValidClaim validOrThrow(Map<ClaimField, String> values) {
        ClaimRules.Validation validation = rules.validate(values);
        if (!validation.isValid()) {
            throw new ChargeProblems(validation.problems());
        }
        return validation.claim().orElseThrow();
    }

    private static void refuseDuplicate(Tx tx, ClaimRules.ValidClaim v) {
        tx.port(ClaimRepository.class).findActive(v.key()).ifPresent(existing -> {
            throw new ChargeProblems(List.of(new ClaimRules.Problem(ClaimField.RX_NUMBER, v.key() + " is already billed (claim #"
                    + existing.id() + ", " + existing.status().label().toLowerCase(Locale.ROOT) + "); reverse or rebill that claim instead")));
        });
    }

    private Prepared prepare(Tx tx, NewCharge charge) {
        List<ClaimRules.Problem> problems = new ArrayList<>();
        Patient patient = tx.port(ReferenceRepository.class).patient(charge.patientId()).orElse(null);
        Plan plan = tx.port(ReferenceRepository.class).plan(charge.planId()).orElse(null);
        Prescriber prescriber = tx.port(ReferenceRepository.class).prescriber(charge.prescriberId()).orElse(null);
        Drug drug = tx.port(ReferenceRepository.class).drug(charge.drugId()).orElse(null);
        Map<ClaimField, String> values = new EnumMap<>(ClaimField.class);
        values.putAll(charge.values());
        if (patient == null) {
            problems.add(new ClaimRules.Problem(ClaimField.PATIENT_LAST_NAME, "Choose the patient (type a name and pick one, or create the patient)"));
        } else {
            values.put(ClaimField.PATIENT_FIRST_NAME, patient.firstName());
            values.put(ClaimField.PATIENT_LAST_NAME, patient.lastName());
            values.put(ClaimField.PATIENT_DOB, patient.dateOfBirth().toString());
        }
        if (prescriber == null) {
            problems.add(new ClaimRules.Problem(ClaimField.PRESCRIBER_NPI, "Choose the prescriber (type a name or NPI and pick one, or create the prescriber)"));
        } else {
            values.put(ClaimField.PRESCRIBER_NPI, prescriber.npi());
            values.put(ClaimField.PRESCRIBER_LAST_NAME, prescriber.lastName());
        }
        if (plan == null) {
            problems.add(new ClaimRules.Problem(ClaimField.BIN, "Choose the plan (type its name or BIN and pick one)"));
        }
        if (drug == null) {
            problems.add(new ClaimRules.Problem(ClaimField.NDC, "Choose the drug (type a name or an NDC and pick one, or create the drug)"));
        }
        ClaimRules.Validation validation = rules.validate(values);
        problems.addAll(validation.problems());
        if (!problems.isEmpty()) {
            throw new ChargeProblems(problems);
        }
        ClaimRules.ValidClaim v = validation.claim().orElseThrow();
        if (!plan.bin().equals(v.bin()) || !plan.pcn().equals(v.pcn()) || !plan.groupId().equals(v.groupId())) {
            problems.add(new ClaimRules.Problem(ClaimField.BIN, "BIN/PCN/group " + v.bin() + " / " + v.pcn() + " / " + v.groupId()
                    + " is not the routing of plan " + plan.name() + " (" + plan.routing() + ")"));
        }
        if (!drug.ndc().equals(v.ndc().billing())) {
            problems.add(new ClaimRules.Problem(ClaimField.NDC, "NDC " + v.ndc().billing() + " is not the NDC of " + drug.label().strip()
                    + " (" + drug.ndc() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ChargeProblems(problems);
        }
        return new Prepared(v, patient, plan, prescriber, drug);
    }

    private record Prepared(ClaimRules.ValidClaim valid, Patient patient, Plan plan, Prescriber prescriber, Drug drug) {

        Claim toClaim(Tx tx, String transactionCode, Long replaces, boolean collected) {
            ClaimRules.ValidClaim v = valid;
            Instant now = tx.clock().instant();
            return new Claim(0, Uuids.timeOrdered(), v.rxNumber(), v.fillNumber(), v.dateOfService(), v.dateWritten(),
                    transactionCode, patient.id(), plan.id(), v.bin(), v.pcn(), v.groupId(), v.cardholderId(), v.personCode(),
                    v.relationshipCode(), prescriber.id(), drug.id(), v.ndc().billing(), v.quantity(), v.daysSupply(), v.daw(),
                    v.sccCodes(), v.otherCoverageCode(), v.ingredientCostSubmitted(), v.dispensingFeeSubmitted(),
                    v.usualAndCustomary(), v.grossAmountDue(), v.responseStatus(), v.rejectCodes(), v.authorizationNumber(),
                    v.patientPay(), v.ingredientCostPaid(), v.dispensingFeePaid(), v.planPaid(), v.channel(),
                    collected && v.responseStatus().createsReceivable(), Lifecycle.ACTIVE, replaces, ClaimSource.CHARGE_ENTRY,
                    now, now, tx.actor().user());
        }
    }
}
