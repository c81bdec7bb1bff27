package org.rxledger.core.exceptions;

import java.util.Locale;

/**
 * Why a remittance line, claim or PLB item needs a person (DOMAIN.md §4.3). The name is part of an
 * item's key ({@code SHORT_PAID:C42}) and is stored in {@code exception_action.item_key}; never rename.
 */
public enum ExceptionCategory {
    /** A claim payment that matched no stored claim (payment with no adjudication). */
    UNMATCHED("Unmatched", 'R'),
    /** A claim payment with several close candidates or only a weak one: a person must choose. */
    AMBIGUOUS("Ambiguous match", 'R'),
    /** Net paid less than expected (509-F9). */
    SHORT_PAID("Short-paid", 'C'),
    /** Net paid more than expected, not by a second payment. */
    OVER_PAID("Over-paid", 'C'),
    /** Denied on the remittance, nothing paid. */
    DENIED("Denied", 'C'),
    /** Payments reversed to zero (CLP02 22) and not repaid. */
    REVERSED("Reversed, not repaid", 'C'),
    /** A second payment of a claim already paid in full. */
    PAID_TWICE("Paid twice", 'C'),
    /** A PLB takeback (WO/WU) not attributed to a claim. */
    PLB_UNATTRIBUTED("PLB takeback not attributed", 'P'),
    /** CLP05 patient responsibility differs from the adjudicated patient pay (505-F5). */
    PATIENT_PAY("Patient-pay mismatch", 'R'),
    /** Net paid below what the claim's contract says the plan pays, by more than the tolerance (docs/contracts.md). */
    UNDERPAID_CONTRACT("Underpaid vs contract", 'C'),
    /** Net paid plus patient pay below the acquisition cost of the quantity dispensed. */
    BELOW_COST("Below cost", 'C');

    private final String label;
    private final char subject;

    ExceptionCategory(String label, char subject) {
        this.label = label;
        this.subject = subject;
    }

    public String label() {
        return label;
    }

    /** The key of this category's item about one row: R = remit claim, C = claim, P = PLB item. */
    public String key(long id) {
        return name() + ":" + subject + id;
    }

    /** Reads a category typed by a person: the name or the label, any case, blanks or dashes for underscores. */
    public static ExceptionCategory parse(String text) {
        String t = normal(text);
        for (ExceptionCategory c : values()) {
            if (c.name().equals(t) || normal(c.label).equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown exception category '" + text + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList()));
    }

    private static String normal(String text) {
        return (text == null ? "" : text).strip().toUpperCase(Locale.ROOT).replace(",", "").replace('-', '_')
                .replace(' ', '_');
    }
}
