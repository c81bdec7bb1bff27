package org.rxledger.core.remit;

/**
 * Port: the record of each import attempt that makes an 835 import crash-consistent
 * (docs/adr/0015-crash-consistent-imports.md). {@link #begin} is committed on its own before the
 * import's transaction, {@link #recordManifest} runs inside it, {@link #publish} or {@link #abandon}
 * after it. A row left RUNNING by a killed process is what the store checks on the next open.
 */
public interface ImportPublications {

    /** Registers an attempt and remembers the highest row id of every table an import writes. */
    long begin(String sha256, String fileName);

    /** Counts and sums what the import wrote for {@code remitFileId}, in the import's own transaction. */
    void recordManifest(long importId, long remitFileId);

    /** The import's transaction is committed and on disk: the file is part of the books. */
    void publish(long importId);

    /** The attempt stored nothing (duplicate, rejected, cancelled, failed). */
    void abandon(long importId, String why);
}
