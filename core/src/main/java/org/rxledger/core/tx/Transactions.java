package org.rxledger.core.tx;

/** Port: runs a unit of work in one database transaction. */
public interface Transactions {

    /** Runs {@code work} in a read-write transaction; any exception rolls everything back. */
    <T> T inTransaction(Work<T> work);

    /** Runs read-only work (no journal or audit expected). */
    <T> T read(Work<T> work);

    /** A unit of work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx);
    }
}
