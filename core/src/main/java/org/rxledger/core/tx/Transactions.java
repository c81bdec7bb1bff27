package org.rxledger.core.tx;

import java.time.Clock;
import java.util.Optional;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;

/** Port: runs a unit of work in one database transaction. */
public interface Transactions {

    /** Runs {@code work} in a read-write transaction; any exception rolls everything back. */
    <T> T inTransaction(Work<T> work);

    /**
     * The one door of a use case that changes data (issue 16, docs/adr/0020-sign-in-and-enforcement.md): the
     * signed-in person must hold {@code needed} (the security area's Authorizer); a refusal is audited on its own
     * and thrown as {@link org.rxledger.core.access.PermissionDenied} before {@code work} runs, so nothing
     * of it is written. Use cases call this one; the plain {@link #inTransaction(Work)} is kept for the
     * store, sign-in and the setting-up of an office, which an architecture test holds to.
     *
     * @param action what is attempted, completing "may not …" ("unpost a payment")
     */
    <T> T inTransaction(Permission needed, String action, Work<T> work);

    /** The person signed in here (the workstation or a command), if anyone is. */
    default Optional<Session> session() {
        return Optional.empty();
    }

    /**
     * From now on, transactions act as {@code session}'s person ({@link Tx#actor()}: journal, audit trail,
     * ledger) and guarded use cases check its roles.
     */
    default void signIn(Session session) {
        throw new UnsupportedOperationException("this store has no sign-in");
    }

    /** Nobody is signed in any more: guarded use cases refuse until someone signs in. */
    default void signOut() {
    }

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
