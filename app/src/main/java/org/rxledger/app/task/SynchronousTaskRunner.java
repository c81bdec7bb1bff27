package org.rxledger.app.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.rxledger.core.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The test twin of {@link FxTaskRunner}: runs each job to completion before {@code run} returns. */
public final class SynchronousTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SynchronousTaskRunner.class);

    private final JobStatus status = new JobStatus();

    @Override
    public <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        boolean[] cancelled = {false};
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
        status.started(handle, title);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                status.update(handle, message, total > 0 ? (double) done / total : -1);
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        T result;
        try {
            result = job.run(listener);
        } catch (CancellationException e) {
            status.finished(handle, title + ": cancelled");
            onFailure.accept(e);
            return handle;
        } catch (Exception e) {
            LOG.error("background job '{}' failed", title, Redacted.of(e));
            status.finished(handle, title + ": failed");
            onFailure.accept(e);
            return handle;
        }
        status.finished(handle, "");
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public JobStatus status() {
        return status;
    }
}
