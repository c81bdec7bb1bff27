package org.rxledger.core.remit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * Port: stored remittances. Writes are append-style (one import writes a file's rows once) and
 * batched: {@link #insertClaims} and {@link #insertProviderAdjustments} take chunks so an import of
 * 100k claims makes a few hundred round trips, not a million.
 */
public interface RemittanceRepository {

    /** A new remit_file row; counts are filled in by {@link #finishFile}. */
    record NewFile(String sha256, String fileName, long sizeBytes, String archivedPath, Instant importedAt,
                   String importedBy) {
    }

    Optional<ImportedFile> findFileBySha256(String sha256);

    Optional<ImportedFile> findFile(long id);

    /**
     * A stored payment that is the same payment as the one described (ARCHITECTURE.md rule 4): same
     * trace number (compared as {@link Trace#normalise}) and amount, and same payer identifier or,
     * failing that, same payer name.
     */
    Optional<ImportedPayment> findSamePayment(String payerIdentifier, String payerName, String traceNumber, Money amount);

    long insertFile(NewFile file);

    void finishFile(long fileId, int paymentCount, long claimCount);

    /**
     * Inserts the payment header; {@code seq} is its 1-based position in the file. Returns the new id.
     *
     * @throws DuplicatePaymentException when the same payment (payer identifier, trace compared as
     *         {@link Trace#normalise}, amount) is stored already: the store enforces it, not only
     *         {@link #findSamePayment}
     */
    long insertPayment(long fileId, int seq, Payment payment);

    void finishPayment(long paymentId, int claimCount);

    /** Inserts a chunk of claims with their lines, adjustments and remarks; {@code firstSeq} numbers them. */
    void insertClaims(long paymentId, int firstSeq, List<ClaimPayment> claims);

    void insertProviderAdjustments(long paymentId, int firstSeq, List<ProviderAdjustment> adjustments);

    List<ImportedFile> files();

    List<ImportedPayment> paymentsOfFile(long fileId);

    List<RemitClaimSummary> claimsOfPayment(long paymentId);

    /** The claim's raw segments as stored (one segment per line, "number: text"). PHI: show, never log. */
    String rawSegments(long remitClaimId);

    /** Claims of the payment with {@code matched_claim_id} set. */
    /** Why automatic posting left the payment for a clerk (see {@code AutoPostGuard}); null when it did not. */
    String postingHeldReason(long paymentId);

    /** How the payment's claim payments stand: matched automatically, by a person, waiting, unmatched. */
    MatchCounts matchCounts(long paymentId);

    /**
     * Records the outcome of matching a remittance claim (the matching area owns the decision and its
     * explanation; this only stores the link). {@code claimId} is null for UNMATCHED and NEEDS_REVIEW.
     */
    void recordMatch(long remitClaimId, Long claimId, MatchStatus status);
    // ---- review screens and `remit list` (set-based reads, one query each) ----

    /** Every imported payment with its file, matched count and the totals that prove it balances; newest first. */
    List<RemittanceListRow> paymentList();

    /** CAS triplets of a claim, claim level first then by service line, in file order. */
    List<StoredAdjustment> adjustmentsOfClaim(long remitClaimId);

    /** LQ remarks of the claim's service lines. */
    List<StoredRemark> remarksOfClaim(long remitClaimId);

    List<StoredServiceLine> serviceLinesOfClaim(long remitClaimId);

    /** PLB pairs of a payment in file order. */
    List<StoredProviderAdjustment> providerAdjustmentsOfPayment(long paymentId);

    /** A refused import attempt, for the review screen's "Rejected files" list. */
    record NewRejection(String fileName, String sha256, Long sizeBytes, String source, Instant attemptedAt,
                        String attemptedBy, List<String> problems) {
        public NewRejection {
            problems = List.copyOf(problems);
        }
    }

    long insertRejection(NewRejection rejection);

    /** Refused import attempts, newest first. */
    List<RejectedImport> rejections();
}
