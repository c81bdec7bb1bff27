package org.rxledger.app.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar shows about background work: whether anything runs, the latest job's
 * message and its progress ({@code -1} = indeterminate). Changed only on the FX thread (or the
 * test thread, for the synchronous runner).
 */
public final class JobStatus {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private int active;
    private JobHandle latest = JobHandle.DONE;

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Cancels the job the status bar is showing. */
    public void cancelLatest() {
        latest.cancel();
    }

    void started(JobHandle handle, String title) {
        active++;
        latest = handle;
        running.set(true);
        message.set(title + "…");
        progress.set(-1);
    }

    void update(String text, double fraction) {
        if (text != null && !text.isBlank()) {
            message.set(text);
        }
        progress.set(fraction);
    }

    void finished(String outcome) {
        active = Math.max(0, active - 1);
        if (active == 0) {
            running.set(false);
            progress.set(0);
            message.set(outcome);
            latest = JobHandle.DONE;
        }
    }
}
