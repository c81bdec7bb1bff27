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

    /** A unit of work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx);
    }
}
