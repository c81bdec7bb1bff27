package org.rxledger.core.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * A write-off recommendation and where it stands. Rows are never changed: the status is the last decision
 * (approved, rejected, or an approval later reversed), each with who and why.
 */
public record WriteOff(long id, String accountKey, String accountName, WriteOffKind kind, Money amount, ApprovalTier tier,
                       String explanation, LocalDate asOf, Instant proposedAt, String proposedBy, Status status,
                       String decidedBy, String decisionReason, List<Item> items) {

    public enum Status { PENDING, APPROVED, REJECTED, REVERSED }

    /** One fill written off and how much of it. */
    public record Item(long claimId, Money amount) {
    }
}
