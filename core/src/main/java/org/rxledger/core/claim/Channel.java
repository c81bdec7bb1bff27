package org.rxledger.core.claim;

/** How the claim reached the payer: real-time NCPDP, or paper (UCF) with no authorization number. */
public enum Channel {
    ELECTRONIC, PAPER
}
