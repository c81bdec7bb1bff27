package org.rxledger.core.claim;

import org.rxledger.core.collections.WriteOffService;
import org.rxledger.core.error.RxLedgerException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Tx;

/**
 * Records an approved B2 reversal of a stored claim, inside the caller's transaction (DOMAIN.md §1.8,
 * §4.1: "A B2 with status A closes it"). Used by charge entry and by the demo office.
 *
 * <p>The claim row is not deleted: its lifecycle becomes {@link Lifecycle#REVERSED}, and every ledger entry
 * its adjudication wrote ({@link ClaimPostings#SOURCE_CLAIM}) is negated by a reversing entry in one
 * balanced batch (ARCHITECTURE.md rule 2: undo is a reversing entry), so the claim's receivables net to
 * zero. Entries written later by other sources (remittance postings) are left alone: money a payer already
 * paid on a reversed claim comes back as a takeback on a later 835 (CLP02 = 22, DOMAIN.md §2.7) and is
 * posted from there. Appends a {@value #EVENT_CLAIM_REVERSED} journal event and a CLAIM_REVERSED audit record.
 */
public final class ClaimReversals {

    public static final String EVENT_CLAIM_REVERSED = "claim.reversed";

    private ClaimReversals() {
    }

    /**
     * Reverses an active claim.
     *
     * @param effectiveDate the date the reversal was approved (ledger effective date)
     * @param reason        plain words for the audit trail, e.g. "return to stock"; no PHI
     * @throws IllegalArgumentException when there is no such claim
     * @throws IllegalStateException    when the claim is already reversed or rebilled
     */
    public static Claim reverse(Tx tx, long claimId, LocalDate effectiveDate, String reason) {
        Claim claim = tx.port(ClaimRepository.class).find(claimId)
                .orElseThrow(() -> RxLedgerException.notFound("Claim " + claimId + " does not exist"));
        if (claim.lifecycle() != Lifecycle.ACTIVE) {
            throw RxLedgerException.refused("Claim Rx " + claim.rxFill() + " is already " + claim.lifecycle().name().toLowerCase(Locale.ROOT)
                    + "; only an active claim can be reversed");
        }
        tx.port(ClaimRepository.class).setLifecycle(claimId, Lifecycle.REVERSED);
        reversingBatch(tx, claimId, ClaimPostings.SOURCE_CLAIM_REVERSAL, effectiveDate).ifPresent(tx.port(LedgerRepository.class)::append);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claimUuid", claim.uuid());
        payload.put("claimId", claimId);
        payload.put("rx", claim.rxNumber());
        payload.put("fill", claim.fillNumber());
        payload.put("dateOfService", claim.dateOfService());
        payload.put("effectiveDate", effectiveDate);
        payload.put("reason", reason);
        tx.port(Journal.class).append(EVENT_CLAIM_REVERSED, payload);
        tx.port(AuditTrail.class).record("CLAIM_REVERSED", "claim", String.valueOf(claimId),
                Map.of("rx", claim.rxFill(), "reason", reason, "from", claim.lifecycle().name()));
        return tx.port(ClaimRepository.class).find(claimId).orElseThrow();
    }

    /**
     * A batch negating every adjudication entry ({@link ClaimPostings#SOURCE_CLAIM}) of the claim not reversed
     * yet, or empty when there is none (a rejected claim moved no money). Shared by reversal, rebill and
     * correction, which differ only in the batch's source type. An approved write-off of the claim's receivable is
     * taken back here, in the caller's transaction, because every caller appends the batch.
     */
    static Optional<LedgerBatch> reversingBatch(Tx tx, long claimId, String sourceType, LocalDate effectiveDate) {
        List<LedgerEntry> entries = tx.port(LedgerRepository.class).forClaim(claimId);
        Set<UUID> alreadyReversed = entries.stream().map(LedgerEntry::reversesEntryId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        LedgerBatch batch = new LedgerBatch(sourceType, String.valueOf(claimId), effectiveDate,
                tx.clock().instant(), tx.actor().user());
        entries.stream()
                .filter(e -> ClaimPostings.SOURCE_CLAIM.equals(e.sourceType()))
                .filter(e -> !alreadyReversed.contains(e.entryId()))
                .forEach(batch::reverse);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        // the claim no longer owes what a person wrote off on it: take that write-off back first (ADR 0035)
        WriteOffService.recoverClaims(tx, Set.of(claimId), "claim reversed at the pharmacy (" + sourceType + ")");
        return Optional.of(batch);
    }
}
