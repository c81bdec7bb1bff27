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
     * trace number and amount, and same payer identifier or, failing that, same payer name.
     */
    Optional<ImportedPayment> findSamePayment(String payerIdentifier, String payerName, String traceNumber, Money amount);

    long insertFile(NewFile file);

    void finishFile(long fileId, int paymentCount, long claimCount);

    /** Inserts the payment header; {@code seq} is its 1-based position in the file. Returns the new id. */
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
    int matchedClaimCount(long paymentId);

    /**
     * Records the outcome of matching a remittance claim (the matching area owns the decision and its
     * explanation; this only stores the link). {@code claimId} is null for UNMATCHED and NEEDS_REVIEW.
     */
    void recordMatch(long remitClaimId, Long claimId, MatchStatus status);
}
