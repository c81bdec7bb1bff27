package org.rxledger.core.claim;

/** Where an adjudication stands: active, reversed (B2), or replaced by a rebill (B3). */
public enum Lifecycle {
    ACTIVE, REVERSED, REBILLED
}
