package org.rxledger.core.task;

/**
 * How long-running core work (imports, demo office, reconciliation) reports progress and learns
 * that the user pressed Cancel, without knowing anything about a user interface.
 *
 * <p>Implementations must be cheap and thread-safe: core calls {@link #progress} from its worker
 * thread as often as it likes (the workstation coalesces updates onto the FX thread). Work that
 * sees {@link #isCancelled()} return {@code true} should stop at the next safe point and throw
 * {@link java.util.concurrent.CancellationException}, so its transaction rolls back.
 */
public interface ProgressListener {

    /** Ignores progress and never cancels: for the command line and tests. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units finished so far
     * @param total   units in all, or a value {@code <= 0} when unknown (indeterminate)
     * @param message what is happening, in a clerk's words (no patient data)
     */
    void progress(long done, long total, String message);

    /** True once the user asked to stop; polled by the work between units. */
    default boolean isCancelled() {
        return false;
    }
}
