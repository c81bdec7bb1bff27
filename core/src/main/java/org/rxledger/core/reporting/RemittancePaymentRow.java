package org.rxledger.core.reporting;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One 835 payment (BPR/TRN) with the sums of its claims and PLB items: BPR02 = Σ CLP04 − Σ PLB
 * (835 TR3 balancing), shown side by side so a reader sees that each payment balances.
 */
public record RemittancePaymentRow(long paymentId, String fileName, String payerName, String payerIdentifier,
                                   String traceNumber, LocalDate paymentDate, String method, Money amount,
                                   int claimCount, Money claimsPaid, Money providerAdjustments, String payeeNpi,
                                   String status) {
}
