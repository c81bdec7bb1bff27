package org.rxledger.core.claim;

/** Where a claim row came from. */
public enum ClaimSource {
    DEMO, CSV_IMPORT, CHARGE_ENTRY
}
