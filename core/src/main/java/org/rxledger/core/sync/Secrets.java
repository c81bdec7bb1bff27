package org.rxledger.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.rxledger.core.security.PrivateFiles;

/**
 * Where the central server's and the mailbox's passwords come from (ADR 0021): an environment variable if
 * set, else a file only the workstation's operating-system user can read, under {@code <data dir>/secrets}.
 * Never the database, the settings, the journal or a log.
 */
public final class Secrets {

    private Secrets() {
    }

    public static Path centralFileIn(Path dataDir) {
        return dataDir.resolve("secrets").resolve("central.password");
    }

    public static Path mailboxFileIn(Path dataDir) {
        return dataDir.resolve("secrets").resolve("mailbox.password");
    }

    /** @param fromEnvironment the environment variable's value, or null when it is not set (it then wins over the file) */
    public static Optional<String> resolve(Path file, String fromEnvironment) {
        if (fromEnvironment != null) {
            return Optional.of(fromEnvironment);
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the password file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the secret to an owner-only file: the file is made private before the secret is written into it. */
    public static void store(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            PrivateFiles.restrict(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "secret", ".part");
            PrivateFiles.restrict(temp);
            Files.writeString(temp, secret, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the password could not be kept in " + file + ": " + e.getMessage(), e);
        }
    }
}
