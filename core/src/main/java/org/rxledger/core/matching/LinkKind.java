package org.rxledger.core.matching;

/** How a remittance claim relates to an earlier one for the same claim (DOMAIN.md §2.7, §4.3). */
public enum LinkKind {
    /** CLP02 = 22: reverses the linked payment. */
    REVERSES,
    /** REF*F8 names the linked payment's payer claim number: a corrected claim. */
    CORRECTS,
    /** A new payment after the linked reversal (reversal then repay). */
    REPAYS,
    /** The claim was already paid in full by the linked payment and not reversed: paid twice. */
    DUPLICATE_OF,
    /** A further payment of a claim the linked payment paid short (supplemental payment). */
    SUPPLEMENTS
}
