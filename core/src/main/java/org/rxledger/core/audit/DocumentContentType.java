package org.rxledger.core.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a packet can embed, recognised by their first bytes ("magic numbers"), never by
 * the file name: a renamed Word file must not slip into a PBM packet as a "PDF".
 */
public enum DocumentContentType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Bytes needed to recognise every type. */
    public static final int MAGIC_LENGTH = 8;

    private final String mimeType;
    private final String extension;
    private final byte[] magic;

    DocumentContentType(String mimeType, String extension, byte[] magic) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose signature starts {@code head}, if any. */
    public static Optional<DocumentContentType> detect(byte[] head) {
        return Arrays.stream(values()).filter(t -> startsWith(head, t.magic)).findFirst();
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
