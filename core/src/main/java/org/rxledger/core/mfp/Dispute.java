package org.rxledger.core.mfp;

import java.time.Instant;
import org.rxledger.core.money.Money;

/** A dispute of one fill's refund: why, the clerk's notes, where it stands, and the amount agreed when resolved. */
public record Dispute(long id, long claimId, String reason, String notes, DisputeStatus status, Money resolvedAmount,
                      Instant openedAt, String openedBy, Instant updatedAt) {
}
