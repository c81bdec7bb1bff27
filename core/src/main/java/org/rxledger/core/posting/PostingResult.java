package org.rxledger.core.posting;

import java.util.UUID;
import org.rxledger.core.money.Money;

/** A posting batch written for a payment; {@code postedCash} is Σ PAYER_CASH of all its postings afterwards. */
public record PostingResult(long paymentId, UUID batchId, PostingKind kind, int entries, Money batchCash,
                            Money postedCash) {
}
