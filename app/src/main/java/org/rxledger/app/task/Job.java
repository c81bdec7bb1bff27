package org.rxledger.app.task;

import org.rxledger.core.task.ProgressListener;

/** A unit of background work: runs off the FX thread, reports through {@code progress}. */
@FunctionalInterface
public interface Job<T> {

    T run(ProgressListener progress) throws Exception;
}
