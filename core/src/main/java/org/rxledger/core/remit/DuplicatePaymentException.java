package org.rxledger.core.remit;

import org.rxledger.core.money.Money;

/**
 * The database refused a payment as one already stored (unique index of migration V017): the same payer,
 * trace and amount came in through another import that committed after this one's duplicate check. The
 * import translates it into the same {@link ImportOutcome.Duplicate} as the check would have given.
 * Carries the payment's key only (no patient data).
 */
public final class DuplicatePaymentException extends RuntimeException {

    private final String payerIdentifier;
    private final String payerName;
    private final String traceNumber;
    private final Money amount;

    public DuplicatePaymentException(Payment payment, Throwable cause) {
        super("payment with trace " + payment.traceNumber() + " of " + payment.amount() + " is already stored", cause);
        this.payerIdentifier = payment.payerIdentifier();
        this.payerName = payment.payer().name() == null ? "" : payment.payer().name();
        this.traceNumber = payment.traceNumber();
        this.amount = payment.amount();
    }

    public String payerIdentifier() {
        return payerIdentifier;
    }

    public String payerName() {
        return payerName;
    }

    public String traceNumber() {
        return traceNumber;
    }

    public Money amount() {
        return amount;
    }
}
