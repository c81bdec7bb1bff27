package org.rxledger.app.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.rxledger.core.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a small pool of daemon threads as JavaFX {@link Task}s: progress updates are
 * coalesced onto the FX thread by {@code Task} itself, callbacks arrive on the FX thread.
 * Must be used from the FX thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    private final JobStatus status = new JobStatus();

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        // two workers: a long job (demo office, import) must not block a claim detail load
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rxledger-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        JobTask<T> task = new JobTask<>(job);
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                // cooperative: the job polls isCancelled(); do not interrupt a JDBC call mid-flight
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
        status.started(handle, title);
        task.messageProperty().addListener((o, was, now) -> status.update(handle, now, task.getProgress()));
        task.progressProperty().addListener((o, was, now) -> status.update(handle, task.getMessage(), now.doubleValue()));
        task.setOnSucceeded(e -> {
            status.finished(handle, "");
            onSuccess.accept(task.getValue());
        });
        task.setOnCancelled(e -> {
            status.finished(handle, title + ": cancelled");
            onFailure.accept(new CancellationException(title + " was cancelled"));
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            if (failure instanceof CancellationException) {
                status.finished(handle, title + ": cancelled");
            } else {
                LOG.error("background job '{}' failed", title, Redacted.of(failure));
                status.finished(handle, title + ": failed");
            }
            onFailure.accept(failure);
        });
        executor.execute(task);
        return handle;
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class JobTask<T> extends Task<T> {

        private final Job<T> job;

        JobTask(Job<T> job) {
            this.job = job;
        }

        @Override
        protected T call() throws Exception {
            return job.run(new ProgressListener() {
                @Override
                public void progress(long done, long total, String message) {
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                    updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                    return JobTask.this.isCancelled();
                }
            });
        }
    }
}
