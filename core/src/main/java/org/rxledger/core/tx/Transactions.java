package org.rxledger.core.tx;

import java.time.Clock;

/** Port: runs a unit of work in one database transaction. */
public interface Transactions {

    /** Runs {@code work} in a read-write transaction; any exception rolls everything back. */
    <T> T inTransaction(Work<T> work);

    /** Runs read-only work (no journal or audit expected). */
    <T> T read(Work<T> work);

    /** The clock every transaction sees ({@link Tx#clock()}), without opening one. */
    Clock clock();

    /**
     * Writes everything committed so far to disk before returning (H2: CHECKPOINT), so that what is
     * committed after this call can never reach the disk without it (docs/adr/0015-crash-consistent-imports.md).
     */
    default void flushToDisk() {
    }

    /**
     * Stops the store's background writer until the returned pause is closed (H2: {@code SET WRITE_DELAY 0}),
     * so that a large commit reaches the disk only through stores made by the committing thread, which
     * are consistent across tables (docs/adr/0015-crash-consistent-imports.md). Pauses nest.
     */
    default Pause pauseBackgroundWrites() {
        return () -> { };
    }

    /** Closing it lets the background writer run again. */
    interface Pause extends AutoCloseable {
        @Override
        void close();
    }

    /** A unit of work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx);
    }
}
