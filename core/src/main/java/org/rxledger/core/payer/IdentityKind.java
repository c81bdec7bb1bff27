package org.rxledger.core.payer;

/**
 * How an 835 names its payer (DOMAIN.md §2.2), in the order a payment is resolved: TRN03 (the payer's
 * originating company id, often "1" + EIN), then N1*PR N104 or REF*2U, then the N1*PR name as sent.
 */
public enum IdentityKind {
    TRN03, N104, NAME
}
