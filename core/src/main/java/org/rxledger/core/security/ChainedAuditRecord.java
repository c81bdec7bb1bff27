package org.rxledger.core.security;

/** An audit record with the two hashes of {@link AuditChain} as stored beside it. */
public record ChainedAuditRecord(AuditRecord record, String previousHash, String hash) {
}
