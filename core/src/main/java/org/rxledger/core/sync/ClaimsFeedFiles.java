package org.rxledger.core.sync;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.rxledger.core.claim.ClaimImportError;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.tx.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: the claims feed as CSV files the pharmacy system drops in the mailbox's claims folder (issue 17 item 4,
 * ADR 0034). Each new file is imported exactly as {@code claims import} imports it — same columns, rules and errors by
 * line, all or nothing — and remembered by name + size + SHA-256 with its outcome: the files seen are the feed's
 * watermark. The same bytes under a new name are refused as a duplicate; a rejected file is not tried again until its
 * size changes (the pharmacy system sends a corrected file). A crash between an import and its remembering imports
 * the file again next time, finding every claim already here. Logs name files and counts only.
 */
public final class ClaimsFeedFiles {

    /** What became of one file. */
    public record Taken(String file, MailboxStore.Outcome outcome, int imported, int skipped, List<ClaimImportError> errors,
                        String message) {
    }

    /** One take: an outcome per new file, in name order, and how many files were seen before. */
    public record Report(List<Taken> files, int alreadySeen) {

        public boolean anyRejected() {
            return files.stream().anyMatch(f -> f.outcome() == MailboxStore.Outcome.REJECTED);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsFeedFiles.class);

    private final MailboxStore store;
    private final Supplier<RemitMailbox> claimsFolder;
    private final Transactions local;

    /** @param claimsFolder opens the mailbox listing its claims folder ({@link MailboxSettings#claimsFolder()}) */
    public ClaimsFeedFiles(MailboxStore store, Supplier<RemitMailbox> claimsFolder, Transactions local) {
        this.store = Objects.requireNonNull(store, "store");
        this.claimsFolder = Objects.requireNonNull(claimsFolder, "claimsFolder");
        this.local = Objects.requireNonNull(local, "local");
    }

    /** @throws MailboxUnreachableException when the mailbox cannot be reached; files taken before stay taken */
    public Report take() {
        List<Taken> taken = new ArrayList<>();
        int known = 0;
        Path temp = MailboxService.tempFolder();
        try (RemitMailbox m = claimsFolder.get()) {
            List<RemitMailbox.RemoteFile> files = new ArrayList<>(m.list());
            files.sort(Comparator.comparing(RemitMailbox.RemoteFile::name));
            for (RemitMailbox.RemoteFile f : files) {
                if (store.claimsFile(f.name(), f.size(), null).isPresent()) {
                    known++;
                    continue;
                }
                Path copy = temp.resolve(Path.of(f.name()).getFileName().toString());
                m.download(f, copy);
                String sha256 = MailboxService.sha256(copy);
                Taken t = take(f.name(), copy, sha256);
                store.remember(new MailboxStore.ClaimsFile(f.name(), f.size(), sha256, t.outcome(), t.imported(), t.skipped(),
                        t.message(), local.clock().instant()));
                LOG.info("claims feed: file {} {}: {} imported, {} already here, {} problem(s)", f.name(), t.outcome(),
                        t.imported(), t.skipped(), t.errors().size());
                taken.add(t);
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a claims file could not be kept for import: " + e.getMessage(), e);
        } finally {
            MailboxService.deleteQuietly(temp);
        }
        return new Report(taken, known);
    }

    private Taken take(String name, Path copy, String sha256) throws IOException {
        Optional<MailboxStore.ClaimsFile> same = store.importedClaimsFile(sha256);
        if (same.isPresent()) {
            return new Taken(name, MailboxStore.Outcome.DUPLICATE, 0, 0, List.of(), name + " has the same contents as "
                    + same.get().remoteName() + ", imported " + same.get().fetchedAt() + "; refused, nothing imported");
        }
        ClaimImportResult r;
        try (Reader in = Files.newBufferedReader(copy, StandardCharsets.UTF_8)) {
            r = new ClaimImportService(local, new ClaimRules(local.clock())).importCsv("claims feed file " + name, in);
        }
        if (!r.succeeded()) {
            return new Taken(name, MailboxStore.Outcome.REJECTED, 0, 0, r.errors(), "rejected, nothing imported: "
                    + String.join("; ", r.errors().stream().map(ClaimImportError::toString).toList()));
        }
        return new Taken(name, MailboxStore.Outcome.IMPORTED, r.imported(), r.skippedDuplicates(), List.of(),
                name + ": " + r.imported() + " claim(s) imported, " + r.skippedDuplicates() + " already here");
    }
}
