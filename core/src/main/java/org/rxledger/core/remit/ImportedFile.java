package org.rxledger.core.remit;

import java.time.Instant;

/** A stored remittance file (table remit_file). */
public record ImportedFile(long id, String sha256, String fileName, long sizeBytes, String archivedPath,
                           int paymentCount, long claimCount, Instant importedAt, String importedBy) {
}
