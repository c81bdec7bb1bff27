package org.rxledger.core.deposit;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** An imported 835 payment as the bank should see it: BPR02 signed by BPR03, trace TRN02, BPR16 date. */
public record RemittedPayment(long paymentId, String payerName, String traceNumber, Money amount, String method,
                              LocalDate paymentDate) {
}
