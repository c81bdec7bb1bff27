package org.rxledger.app.task;

/** A submitted job: the caller may cancel it (the job sees {@code isCancelled()} and stops). */
public interface JobHandle {

    JobHandle DONE = new JobHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    void cancel();

    boolean isDone();
}
