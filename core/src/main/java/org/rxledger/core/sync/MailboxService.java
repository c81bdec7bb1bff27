package org.rxledger.core.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RemittanceImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: fetch new 835s from the ERA mailbox and import each with the usual all-or-nothing import. A
 * file is remembered by remote name + size + SHA-256 with its outcome, so fetching again imports nothing twice
 * and a rejected file is not tried again until its bytes change. A crash between an import and its
 * remembering is harmless: the next fetch finds the same file a duplicate. Logs name files and counts only.
 */
public final class MailboxService {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxService.class);

    private final MailboxStore store;
    private final Supplier<RemitMailbox> mailbox;
    private final RemittanceImportService imports;
    private final Clock clock;

    public MailboxService(MailboxStore store, Supplier<RemitMailbox> mailbox, RemittanceImportService imports, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.imports = Objects.requireNonNull(imports, "imports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one fetch did: one outcome per new file, in name order, and how many files were already known. */
    public record FetchReport(List<ImportOutcome> outcomes, int alreadySeen) {
    }

    /** @throws MailboxUnreachableException when the mailbox cannot be reached; what was imported before stays */
    public FetchReport fetch() {
        List<ImportOutcome> outcomes = new ArrayList<>();
        int known = 0;
        Path temp = tempFolder();
        try (RemitMailbox m = mailbox.get()) {
            List<RemitMailbox.RemoteFile> files = new ArrayList<>(m.list());
            files.sort(Comparator.comparing(RemitMailbox.RemoteFile::name));
            for (RemitMailbox.RemoteFile f : files) {
                if (store.seen(f.name(), f.size())) {
                    known++;
                    continue;
                }
                Path local = temp.resolve(Path.of(f.name()).getFileName().toString());
                m.download(f, local);
                String sha256 = sha256(local);
                if (store.seen(f.name(), f.size(), sha256)) {
                    known++;
                    continue;
                }
                ImportOutcome outcome = imports.importFile(local, ProgressListener.NONE, () -> false);
                outcomes.add(outcome);
                MailboxStore.Outcome remembered = switch (outcome.status()) {
                    case IMPORTED -> MailboxStore.Outcome.IMPORTED;
                    case DUPLICATE -> MailboxStore.Outcome.DUPLICATE;
                    case REJECTED -> MailboxStore.Outcome.REJECTED;
                    case CANCELLED -> null;
                };
                if (remembered != null) {
                    store.remember(new MailboxStore.SeenFile(f.name(), f.size(), sha256, remembered,
                            cut(outcome.message()), clock.instant()));
                }
                LOG.info("mailbox: {} {}", f.name(), outcome.status());
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a mailbox file could not be kept for import: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
        return new FetchReport(outcomes, known);
    }

    static Path tempFolder() {
        try {
            return Files.createTempDirectory("rxledger-mailbox");
        } catch (IOException e) {
            throw new UncheckedIOException("a temporary folder for mailbox files could not be made: " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path temp) {
        try (var left = Files.list(temp)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a temporary copy left behind is also in the archive (835s) or the database (claims) when it was imported
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
