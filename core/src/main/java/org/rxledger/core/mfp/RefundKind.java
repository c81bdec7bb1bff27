package org.rxledger.core.mfp;

/**
 * What an MTF claim payment does to a fill's refund, after the MTF transaction codes 001 original, 002 adjustment
 * and 003 reversal (docs/mfp.md): the first payment is the original, a later one an adjustment, and a claim
 * payment with CLP02 = 22 (reversal of previous payment) or a negative amount a reversal.
 */
public enum RefundKind {
    ORIGINAL, ADJUSTMENT, REVERSAL
}
