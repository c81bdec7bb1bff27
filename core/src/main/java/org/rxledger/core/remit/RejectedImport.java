package org.rxledger.core.remit;

import java.time.Instant;

/**
 * A refused 835 file (table remit_rejection).
 *
 * @param sha256 null when the file could not be read at all
 * @param source where it came from: CLI, CHOOSER, DROP, INBOX
 * @param problems the clerk-readable reasons, one per line
 */
public record RejectedImport(long id, String fileName, String sha256, Long sizeBytes, String source,
                             Instant attemptedAt, String attemptedBy, int problemCount, String problems) {
}
