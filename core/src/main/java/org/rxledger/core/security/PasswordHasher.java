package org.rxledger.core.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes (ADR 0016): PBKDF2 with HMAC-SHA-256 from the JDK, a random 16-byte salt per
 * password, a 32-byte key and {@value #DEFAULT_ITERATIONS} iterations (OWASP's 2023 figure for this
 * algorithm). The stored form carries its own algorithm and work factor —
 * {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>} — so raising the default later leaves old
 * hashes readable, and {@link #needsRehash} says when to re-hash at the next sign-in.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** Fewer iterations only for tests: they would otherwise spend most of their time hashing. */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Constant-time comparison; false (never an exception) for a malformed stored hash. */
    public boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** True when the stored hash uses a weaker work factor than this hasher's. */
    public boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        try {
            return parts.length != 4 || !ALGORITHM.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * A key derived from the password for other uses than sign-in (wrapping the database key), with
     * its own salt, so it is never equal to the stored sign-in hash.
     */
    public static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }
}
