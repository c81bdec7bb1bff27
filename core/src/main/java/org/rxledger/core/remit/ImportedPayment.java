package org.rxledger.core.remit;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** A stored payment (table payment): what lists and duplicate checks need. */
public record ImportedPayment(long id, long fileId, int seq, String payerName, String payerIdentifier,
                              String traceNumber, Money amount, String method, String handlingCode,
                              LocalDate paymentDate, String payeeNpi, String payeeNcpdp, int claimCount,
                              PaymentStatus status) {
}
