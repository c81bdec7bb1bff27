package org.rxledger.core.mfp;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** One MTF claim payment recorded against a fill: the payment's trace, its kind, amount and date. */
public record RefundReceipt(long id, long claimId, long remitClaimId, String trace, RefundKind kind, Money amount,
                            LocalDate paidOn) {
}
