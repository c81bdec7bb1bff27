package org.rxledger.app.task;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar shows about background work: whether anything runs, the message and
 * progress ({@code -1} = indeterminate) of the most recently started job that is still running,
 * and, once everything has ended, how the last job ended ("Import: failed"; empty after success).
 * Cancel reaches the job shown. Changed only on the FX thread (or the test thread, for the
 * synchronous runner).
 */
public final class JobStatus {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    /** Running jobs and their titles, in the order they started. */
    private final Map<JobHandle, String> active = new LinkedHashMap<>();

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Cancels the job the status bar is showing: the most recently started one still running. */
    public void cancelLatest() {
        shown().cancel();
    }

    void started(JobHandle handle, String title) {
        active.put(handle, title);
        running.set(true);
        message.set(title + "…");
        progress.set(-1);
    }

    /** Progress of {@code handle}; ignored unless it is the job the status bar shows. */
    void update(JobHandle handle, String text, double fraction) {
        if (handle != shown()) {
            return;
        }
        if (text != null && !text.isBlank()) {
            message.set(text);
        }
        progress.set(fraction);
    }

    void finished(JobHandle handle, String outcome) {
        boolean wasShown = handle == shown();
        active.remove(handle);
        if (active.isEmpty()) {
            running.set(false);
            progress.set(0);
            message.set(outcome);
        } else if (wasShown) {
            // the bar goes back to a job that is still running, so Cancel and the text agree
            message.set(active.get(shown()) + "…");
            progress.set(-1);
        }
    }

    private JobHandle shown() {
        JobHandle last = JobHandle.DONE;
        for (JobHandle h : active.keySet()) {
            last = h;
        }
        return last;
    }
}
