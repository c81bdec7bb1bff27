package org.rxledger.core.mfp;

/** A dispute's step: opened here, submitted to the MTF's complaint and dispute intake, then closed. */
public enum DisputeStatus {
    OPEN, SUBMITTED, RESOLVED, WITHDRAWN;

    public boolean closed() {
        return this == RESOLVED || this == WITHDRAWN;
    }
}
