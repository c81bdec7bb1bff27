package org.rxledger.core.collections;

import org.rxledger.core.error.RxLedgerException;

/** How a patient paid on an account. A card payment keeps only the processor's token reference, never a card number. */
public enum PaymentMethod {
    COUNTER, PHONE, MAIL, CARD;

    public static PaymentMethod parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RxLedgerException.invalid("unknown payment method '" + text.strip()
                    + "'; expected counter, phone, mail or card");
        }
    }
}
