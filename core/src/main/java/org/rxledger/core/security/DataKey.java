package org.rxledger.core.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random 256-bit key an encrypted office's database file is encrypted with (docs/adr/0024-encryption-at-rest.md).
 * Never written in clear once an account holds a slot ({@link OfficeKeys}); {@link #toString()} does not show it.
 */
public final class DataKey {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private DataKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a data key has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static DataKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new DataKey(bytes);
    }

    static DataKey of(byte[] bytes) {
        return new DataKey(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** H2's file password ({@code CIPHER=AES}): the key in hex, so it never contains the space H2 splits at. */
    public String filePassword() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The key as an AES key (the archived 835s are sealed with it). */
    public SecretKey aesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DataKey[hidden]";
    }
}
