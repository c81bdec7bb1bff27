package org.rxledger.reports.pdf;

/**
 * Progress and cancellation for long PDF writes. The UI's task runner adapts its own progress
 * property and cancel flag to this; the CLI passes {@link #NONE}. Kept local to reports so it does
 * not depend on the shared task package being merged.
 */
public interface PacketProgress {

    PacketProgress NONE = new PacketProgress() {
        @Override
        public void progress(int done, int total, String step) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps are finished; {@code step} says what comes next (no PHI). */
    void progress(int done, int total, String step);

    /** Polled between steps; when true the writer stops, deletes its temporary file and throws. */
    boolean cancelled();
}
