package org.rxledger.core.remit;

/**
 * Progress of a long import, reported from the importing thread (the app's TaskRunner marshals it to
 * the screen). Called at most every 256 KiB read, so it may do a little work.
 */
@FunctionalInterface
public interface ProgressListener {

    /** What the import is doing: checking the whole file first, then storing it. */
    enum Phase { CHECKING, STORING }

    ProgressListener NONE = (phase, done, total) -> { };

    /** {@code bytesDone} of {@code bytesTotal} bytes of the file have been read in {@code phase}. */
    void progress(Phase phase, long bytesDone, long bytesTotal);
}
