package org.rxledger.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain that makes the audit trail tamper-evident (issue 16, DOMAIN.md §9 "integrity"):
 * each record stores the SHA-256 of its predecessor's hash followed by its own content, so editing,
 * removing or inserting a record anywhere breaks every link after it, and
 * {@link AuditTrailVerification} names the first broken one. The append-only triggers stop a
 * careless statement; the chain shows a deliberate one (a trigger dropped by the database owner).
 *
 * <p>Pure functions: the same content always gives the same hash, on every workstation.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** Separates fields in the hashed text; it cannot occur in JSON or in our identifiers. */
    private static final char SEPARATOR = '\u001F';

    private AuditChain() {
    }

    /**
     * The instant as stored: the database keeps microseconds, so the hash is computed on the same
     * precision or a record read back would not verify.
     */
    public static Instant storedPrecision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash of one record that follows the record whose hash is {@code previous}. */
    public static String hash(String previous, Instant occurredAt, String user, String workstation, String action,
                              String entityType, String entityId, String detail) {
        String text = String.join(String.valueOf(SEPARATOR), previous, storedPrecision(occurredAt).toString(), user,
                workstation, action, entityType, entityId, detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hash {@code record} should carry when it follows {@code previous}. */
    public static String hash(String previous, AuditRecord record) {
        return hash(previous, record.occurredAt(), record.user(), record.workstation(), record.action(),
                record.entityType(), record.entityId(), record.detail());
    }
}
