package org.rxledger.app.task;

/**
 * A copy of an exception chain with the messages removed and the stack traces kept, for the log:
 * database and parser messages can quote patient names or SQL arguments, and the log must hold
 * ids only. The user sees the plain-words message; support gets the trace.
 */
final class Redacted extends RuntimeException {

    private Redacted(Throwable original) {
        super(original.getClass().getName() + " (message withheld from the log: may contain patient data)",
                original.getCause() == null || original.getCause() == original ? null : new Redacted(original.getCause()),
                false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        return original == null ? null : new Redacted(original);
    }
}
