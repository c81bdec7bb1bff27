package org.rxledger.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the mailbox settings and every mailbox file seen here, by remote name + size + SHA-256, with its outcome. */
public interface MailboxStore {

    enum Outcome { IMPORTED, DUPLICATE, REJECTED }

    record SeenFile(String remoteName, long size, String sha256, Outcome outcome, String message, Instant fetchedAt) {
    }

    Optional<MailboxSettings> settings();

    void saveSettings(MailboxSettings settings, Instant at);

    /** A file of this name and size was fetched before (its bytes are not fetched again). */
    boolean seen(String remoteName, long size);

    boolean seen(String remoteName, long size, String sha256);

    void remember(SeenFile file);

    List<SeenFile> files();

    /** A claims-feed file as remembered here (ADR 0034): what became of it and how many claims it brought. */
    record ClaimsFile(String remoteName, long size, String sha256, Outcome outcome, int imported, int skipped, String message,
                      Instant fetchedAt) {
    }

    /** The claims file of this name and size seen before ({@code sha256} null: whatever its bytes were). */
    Optional<ClaimsFile> claimsFile(String remoteName, long size, String sha256);

    /** A claims file with these bytes imported before, under whatever name. */
    Optional<ClaimsFile> importedClaimsFile(String sha256);

    void remember(ClaimsFile file);
}
