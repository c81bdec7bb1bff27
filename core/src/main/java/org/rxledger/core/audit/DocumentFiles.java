package org.rxledger.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rxledger.core.security.PrivateFiles;

/**
 * The audit documents folder: {@code <data>/documents/<sha256>.<ext>}. Files are named by their
 * content hash, so attaching the same scan twice stores it once and a stored file can be checked
 * against the hash kept in the database (HIPAA integrity, DOMAIN.md §9.1).
 */
public final class DocumentFiles {

    public static final String FOLDER = PrivateFiles.DOCUMENTS_FOLDER;

    /** A file copied into the folder. {@code relativePath} is relative to the data folder. */
    public record Stored(String sha256, DocumentContentType contentType, String relativePath, long sizeBytes) {
    }

    private final Path dataDir;

    public DocumentFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** The SHA-256 of a file as lower-case hex, or empty when it is missing or unreadable. */
    public static java.util.Optional<String> sha256Of(Path file) {
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The absolute path of a stored document. */
    public Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }

    /**
     * Checks the content type by magic bytes, then copies {@code source} under its SHA-256. Refuses
     * anything that is not PDF, PNG or JPEG, whatever its name says.
     */
    public Stored store(Path source) {
        byte[] head;
        try (InputStream in = Files.newInputStream(source)) {
            head = in.readNBytes(DocumentContentType.MAGIC_LENGTH);
        } catch (NoSuchFileException e) {
            throw new AuditCaseException("The file " + source.getFileName() + " does not exist.", e);
        } catch (IOException e) {
            throw new AuditCaseException("The file " + source.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        DocumentContentType type = DocumentContentType.detect(head).orElseThrow(() -> new AuditCaseException(
                "The file " + source.getFileName() + " is not a PDF, PNG or JPEG image. Scan or save the document "
                        + "in one of those formats and attach it again."));
        try {
            Path folder = dataDir.resolve(FOLDER);
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".incoming", ".tmp");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size;
                try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
                    size = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                String relative = FOLDER + "/" + sha + "." + type.extension();
                Path target = dataDir.resolve(relative);
                if (!Files.exists(target)) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, target);
                    }
                }
                return new Stored(sha, type, relative, size);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the document into " + dataDir.resolve(FOLDER), e);
        }
    }
}
