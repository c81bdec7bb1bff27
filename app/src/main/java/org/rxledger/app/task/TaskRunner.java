package org.rxledger.app.task;

import java.util.function.Consumer;

/**
 * The one threading seam of the workstation (ARCHITECTURE.md "Inside app"): work runs in the
 * background, reports progress to {@link #status()}, can be cancelled, and its result or failure
 * comes back on the FX thread. {@link FxTaskRunner} is the real one; {@link SynchronousTaskRunner}
 * runs everything at once on the calling thread, for ViewModel tests.
 *
 * <p>A failure is logged once by the runner (with the job title only: no patient data) and then
 * handed to {@code onFailure}, which shows it in plain words; callers never log it again.
 */
public interface TaskRunner {

    /**
     * @param title     what the job does, in a clerk's words ("Loading claims"); shown in the status bar
     * @param onSuccess called on the FX thread with the result
     * @param onFailure called on the FX thread; {@link java.util.concurrent.CancellationException} when cancelled
     */
    <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    JobStatus status();
}
