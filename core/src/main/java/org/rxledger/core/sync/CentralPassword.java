package org.rxledger.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.rxledger.core.security.PrivateFiles;

/**
 * Where the central password comes from (ADR 0021): the environment variable {@link CentralSettings#PASSWORD_ENV}
 * if set, else a file only the workstation's operating-system user can read ({@code <data dir>/secrets/central.password}).
 * It is never in the database, the settings, the journal or a log.
 */
public final class CentralPassword {

    private CentralPassword() {
    }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("secrets").resolve("central.password");
    }

    public static Optional<String> resolve(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(CentralSettings.PASSWORD_ENV);
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        Path file = fileIn(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the central password file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the password to the owner-only file: made private before the password is written into it. */
    public static void store(Path dataDir, String password) {
        Path file = fileIn(dataDir);
        try {
            Files.createDirectories(file.getParent());
            PrivateFiles.restrict(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "central", ".part");
            PrivateFiles.restrict(temp);
            Files.writeString(temp, password, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the central password could not be kept in " + file + ": " + e.getMessage(), e);
        }
    }
}
