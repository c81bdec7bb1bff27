package org.rxledger.core.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * A write-off recommendation and where it stands. Rows are never changed: the status is the last decision
 * (approved, rejected, or an approval later reversed), each with who and why. A third-party (scope "claim")
 * write-off's account is {@code C:<claim id>}, its account name the payer and {@code rxFill} the claim's Rx-fill.
 */
public record WriteOff(long id, String accountKey, String accountName, WriteOffKind kind, Money amount, ApprovalTier tier,
                       String explanation, LocalDate asOf, Instant proposedAt, String proposedBy, Status status,
                       String decidedBy, String decisionReason, List<Item> items, String rxFill) {

    public enum Status { PENDING, APPROVED, REJECTED, REVERSED }

    /** "claim" for a third-party kind, else "patient", as {@code writeoffs … --json} prints it. */
    public String scope() {
        return kind.claimScope() ? "claim" : "patient";
    }

    /** One fill written off and how much of it. */
    public record Item(long claimId, Money amount) {
    }
}
