package org.rxledger.core.audit;

import java.time.Instant;

/**
 * A document on file for one requested line. {@code storedPath} is relative to the data folder
 * ({@code documents/<sha256>.<ext>}); {@code sha256} lets the packet prove the file is unchanged.
 * {@code originalName} is what the clerk picked and may carry PHI: show it, never log it.
 */
public record AuditDocument(long id, long caseId, int lineNo, DocumentKind kind, DocumentContentType contentType,
                            String sha256, String storedPath, String originalName, long sizeBytes, Instant attachedAt,
                            String attachedBy) {
}
