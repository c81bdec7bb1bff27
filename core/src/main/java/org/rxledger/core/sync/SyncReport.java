package org.rxledger.core.sync;

/** What one {@link SyncService#run()} did. */
public record SyncReport(Outcome outcome, int pushed, int pulled, int applied, int duplicates, int skipped, int parked,
                         String message) {

    public enum Outcome {
        /** Everything local is on the central server and everything there has been seen here. */
        CAUGHT_UP,
        /** The central server could not be reached; nothing was lost, the next run sends it. */
        UNREACHABLE,
        /** Stopped by an error; what was acknowledged stays acknowledged, the rest is sent again. */
        FAILED
    }
}
