package org.rxledger.core.remit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.security.PrivateFiles;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: import one 835 file (issue 4), all or nothing (ARCHITECTURE.md rules 3 and 4).
 *
 * <ol>
 *   <li><b>Archive</b>: copy the bytes to {@code <archiveDir>/<sha256>.835}, hashing them as they are copied
 *       (content-addressed, so a copy left by a rolled-back import is harmless and re-used). The same file
 *       imported before is told at once, without reading it.</li>
 *   <li><b>Read and store</b>, in one transaction and one read of the file (issue 21, ADR 0037): the archived
 *       copy is parsed on a helper thread a few chunks ahead of the writes — envelope, structure, three-level
 *       balancing — and each payment is checked against the stored ones (same payer, trace and amount) before
 *       it is written. A rule broken anywhere in the file ({@link ImportOutcome.Rejected}, every problem named),
 *       a payment stored before ({@link ImportOutcome.Duplicate}) or a cancel rolls back everything written of
 *       it. Then the {@link PostImportStep} runs, and journal event {@code remittance.imported}, an audit record
 *       and the file's manifest are written.</li>
 *   <li><b>Publish</b>: commit (H2's background writer is paused for the whole transaction), flush to disk, then mark the attempt
 *       published in a small transaction. The attempt
 *       was registered before the store began; a process killed before this step leaves it unpublished,
 *       and the next open of the store keeps the file whole or removes it (ADR 0015).</li>
 * </ol>
 * Nothing of a refused file is ever visible: its rows exist only inside a transaction that is rolled back.
 * Memory stays bounded (a few claim chunks) however large the file. The listener and the cancel
 * supplier are only called from the calling thread. Cancelling (the
 * {@code cancelled} supplier turning true) at any point before the commit leaves the database unchanged.
 * Logs carry file names, trace numbers and counts only — never patient data.
 */
public final class RemittanceImportService {

    /** Journal event type of a stored remittance. */
    public static final String EVENT_IMPORTED = "remittance.imported";

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceImportService.class);
    private static final int CLAIM_CHUNK = 1000;
    /** Chunks the reading thread may be ahead of the writes. */
    private static final int QUEUE_DEPTH = 4;
    /** Bytes read between two progress reports. */
    private static final long PROGRESS_STEP = 256 * 1024;

    private final Transactions transactions;
    private final Path archiveDir;
    private final PostImportStep postImportStep;
    private final X12RemittanceReader reader = new X12RemittanceReader();

    /**
     * @param archiveDir where original files are kept, normally {@code <data dir>/remittances/archive}
     * @param postImportStep called inside the import transaction, e.g. automatic matching
     */
    public RemittanceImportService(Transactions transactions, Path archiveDir, PostImportStep postImportStep) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.archiveDir = Objects.requireNonNull(archiveDir, "archiveDir");
        this.postImportStep = Objects.requireNonNull(postImportStep, "postImportStep");
    }

    public RemittanceImportService(Transactions transactions, Path archiveDir) {
        this(transactions, archiveDir, PostImportStep.NONE);
    }

    /** The archive folder under a data directory: {@code <dataDir>/remittances/archive}. */
    public static Path archiveDirIn(Path dataDir) {
        return dataDir.resolve("remittances").resolve("archive");
    }

    /**
     * Imports one file. Never throws for a bad or unreadable file: the outcome says what happened.
     *
     * @param progress told how far the one read of the file is, in bytes ("Storing <file>");
     *                 {@link ProgressListener#NONE} if nobody listens
     * @param cancelled polled while reading; when it turns true the import stops and nothing is stored
     */
    public ImportOutcome importFile(Path file, ProgressListener progress, BooleanSupplier cancelled) {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return rejected(name, "the file cannot be read: " + e.getMessage());
        }

        // the archive copy is made first, hashing as it copies: one read of the file's bytes, no parse
        ImportStages stages = new ImportStages();
        long started = System.nanoTime();
        Path archived;
        String sha256;
        boolean archivedBefore;
        try {
            Archived copy = archive(file);
            archived = copy.path();
            sha256 = copy.sha256();
            archivedBefore = copy.before();
        } catch (IOException | IllegalStateException e) {
            LOG.warn("remittance {}: archiving failed", name, e);
            return rejected(name, "the original could not be archived in " + archiveDir + " (" + e.getMessage()
                    + "); nothing was stored");
        }
        stages.add(ImportStages.Stage.STORE, System.nanoTime() - started);
        if (cancelled.getAsBoolean()) {
            LOG.info("remittance {}: import cancelled before it was read", name);
            if (!archivedBefore) {
                removeUnused(name, archived);
            }
            return new ImportOutcome.Cancelled(name);
        }
        Optional<ImportedFile> sameFile = transactions.read(tx -> tx.port(RemittanceRepository.class)
                .findFileBySha256(sha256));
        if (sameFile.isPresent()) {
            // the archive holds exactly this file, imported before: nothing to read again
            LOG.info("remittance {}: the same file was imported before", name);
            return new ImportOutcome.Duplicate(name, ImportOutcome.DuplicateReason.SAME_FILE, sameFile.get(), null);
        }

        ImportOutcome outcome = storePublished(name, size, sha256, archived, progress, cancelled, stages);
        if (outcome instanceof ImportOutcome.Imported imported) {
            ImportStages.Times times = stages.times();
            outcome = imported.withStages(times);
            // counts and times only: the stage line is what shows a slow step (issue 21)
            LOG.info("remittance {}: imported {} payment(s), {} claim(s) in {} ms: {}", name, imported.payments().size(),
                    imported.file().claimCount(), (System.nanoTime() - started) / 1_000_000, times.describe());
        } else {
            LOG.info("remittance {}: {} after {} ms", name, outcome.status(), (System.nanoTime() - started) / 1_000_000);
        }
        if (outcome.status() != ImportOutcome.Status.IMPORTED && !archivedBefore) {
            removeUnused(name, archived);
        }
        return outcome;
    }

    /** The archive holds what was imported; a copy made for an import that stored nothing goes again. */
    private static void removeUnused(String name, Path archived) {
        try {
            Files.deleteIfExists(archived);
        } catch (IOException e) {
            LOG.warn("remittance {}: unused archive copy {} could not be removed: {}", name, archived, e.getMessage());
        }
    }

    /**
     * The large transaction between two small ones (docs/adr/0015-crash-consistent-imports.md): the attempt
     * is registered first, the import's transaction records its manifest, and the file is published only
     * after that transaction is committed and flushed. A process killed anywhere in between leaves the
     * attempt RUNNING, and the next open of the store keeps the file whole or removes it.
     */
    private ImportOutcome storePublished(String name, long size, String sha256, Path archived,
                                         ProgressListener progress, BooleanSupplier cancelled, ImportStages stages) {
        long importId = transactions.inTransaction(Permission.REMIT_IMPORT, "import an 835 remittance", tx -> tx.port(ImportPublications.class).begin(sha256, name));
        ImportOutcome outcome;
        // H2 writes a store one table at a time: a background store during the transaction or its commit can put
        // part of it on disk (H2 issue #2080); paused, only this thread stores, between two of its own writes
        try (Transactions.Pause pause = transactions.pauseBackgroundWrites()) {
            outcome = storeInTransaction(name, size, sha256, archived, progress, cancelled, importId, stages);
            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                // on disk before the clerk is told "imported", and before the publication can be
                long started = System.nanoTime();
                transactions.flushToDisk();
                stages.add(ImportStages.Stage.COMMIT, System.nanoTime() - started);
                LOG.info("remittance {}: flushed in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            }
        }
        try {
            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                long started = System.nanoTime();
                // not flushed: if the marker is lost, the next open finds the file whole and publishes it then
                transactions.inTransaction(Permission.REMIT_IMPORT, "import an 835 remittance", tx -> {
                    tx.port(ImportPublications.class).publish(importId);
                    return null;
                });
                stages.add(ImportStages.Stage.COMMIT, System.nanoTime() - started);
                LOG.info("remittance {}: published in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            } else {
                transactions.inTransaction(Permission.REMIT_IMPORT, "import an 835 remittance", tx -> {
                    tx.port(ImportPublications.class).abandon(importId, outcome.status().name());
                    return null;
                });
            }
        } catch (RuntimeException e) {
            // the import itself is committed; the next open finds the attempt RUNNING, verifies and publishes it
            LOG.warn("remittance {}: import {} could not be marked {} ({})", name, importId, outcome.status(),
                    e.getClass().getName());
        }
        return outcome;
    }

    private ImportOutcome storeInTransaction(String name, long size, String sha256, Path archived,
                                             ProgressListener progress, BooleanSupplier cancelled, long importId,
                                             ImportStages stages) {
        try {
            long[] stored = new long[1];
            ImportOutcome outcome = transactions.inTransaction(Permission.REMIT_IMPORT, "import an 835 remittance", tx -> {
                ImportOutcome o = store(tx, name, size, sha256, archived, progress, cancelled, stages);
                if (o instanceof ImportOutcome.Imported imported) {
                    long measuring = System.nanoTime();
                    tx.port(ImportPublications.class).recordManifest(importId, imported.file().id());
                    stages.add(ImportStages.Stage.FINISH, System.nanoTime() - measuring);
                    LOG.info("remittance {}: manifest recorded in {} ms", name, (System.nanoTime() - measuring) / 1_000_000);
                }
                stored[0] = System.nanoTime();
                return o;
            });
            if (stored[0] != 0) {
                stages.add(ImportStages.Stage.COMMIT, System.nanoTime() - stored[0]);
                LOG.info("remittance {}: commit took {} ms", name, (System.nanoTime() - stored[0]) / 1_000_000);
            }
            return outcome;
        } catch (RuntimeException e) {
            Optional<Refused> refused = refused(e);
            if (refused.isPresent()) {
                // the file broke a rule or repeats a stored payment: what was written of it is rolled back
                LOG.info("remittance {}: {} while reading; rolled back", name, refused.get().outcome().status());
                return refused.get().outcome();
            }
            if (causedByCancel(e)) {
                LOG.info("remittance {}: import cancelled while storing; rolled back", name);
                return new ImportOutcome.Cancelled(name);
            }
            Optional<DuplicatePaymentException> race = duplicateRefusedByTheStore(e);
            if (race.isPresent()) {
                LOG.info("remittance {}: trace {} was stored meanwhile by another import; rolled back", name,
                        race.get().traceNumber());
                return duplicateOf(name, race.get());
            }
            // database exceptions carry bound values (patient names, member ids): log and show only their kind
            String reason = databaseError(e).map(sql -> "database error, SQL state " + sql.getSQLState())
                    .orElse(e.getMessage());
            LOG.error("remittance {}: storing failed and was rolled back: {} ({})", name, reason, causeChain(e));
            return rejected(name, "the file passed all checks but could not be stored (" + reason
                    + "); nothing was stored");
        }
    }

    private ImportOutcome store(Tx tx, String name, long size, String sha256, Path archived,
                                ProgressListener progress, BooleanSupplier cancelled, ImportStages stages) {
        long storeStarted = System.nanoTime();
        RemittanceRepository repo = tx.port(RemittanceRepository.class);
        Optional<ImportedFile> sameFile = repo.findFileBySha256(sha256);
        if (sameFile.isPresent()) {
            return new ImportOutcome.Duplicate(name, ImportOutcome.DuplicateReason.SAME_FILE, sameFile.get(), null);
        }

        Instant now = tx.clock().instant();
        long fileId = repo.insertFile(new RemittanceRepository.NewFile(sha256, name, size, archived.toString(), now,
                tx.actor().user()));

        // the one read: the archived copy (ours, immutable) is checked and streamed into the database in chunks;
        // parsing runs on a helper thread one chunk ahead of the writes, which stay on this (the transaction's)
        // thread. A rule broken anywhere in the file, or a payment stored before, rolls all of it back.
        Storing storing = new Storing(repo, fileId);
        ReadResult read = readAhead(name, archived, size, sha256, progress, cancelled, storing);
        if (!read.ok()) {
            LOG.info("remittance {}: rejected with {} problem(s)", name, read.problems().size());
            throw new Refused(new ImportOutcome.Rejected(name, read.problems()));
        }
        if (storing.failure != null) {
            throw storing.failure;
        }
        if (storing.duplicate != null) {
            ImportedPayment same = storing.duplicate;
            throw new Refused(new ImportOutcome.Duplicate(name, ImportOutcome.DuplicateReason.SAME_PAYMENT,
                    repo.findFile(same.fileId()).orElseThrow(), same));
        }
        repo.finishFile(fileId, storing.paymentIds.size(), read.claims());
        stages.add(ImportStages.Stage.PARSE, storing.waitNanos);
        stages.add(ImportStages.Stage.STORE, System.nanoTime() - storeStarted - storing.waitNanos);
        LOG.info("remittance {}: read {} payment(s), {} claim(s) once and stored them in {} ms, {} ms of it in database "
                        + "writes", name, read.payments(), read.claims(), (System.nanoTime() - storeStarted) / 1_000_000,
                storing.writeNanos / 1_000_000);

        ImportedRemittance imported = new ImportedRemittance(fileId, sha256, storing.paymentIds, stages);
        long postImport = System.nanoTime();
        postImportStep.afterImport(tx, imported);
        long finishing = System.nanoTime();

        List<PaymentSummary> summaries = new ArrayList<>();
        List<Map<String, Object>> journalPayments = new ArrayList<>();
        for (int i = 0; i < storing.paymentIds.size(); i++) {
            long paymentId = storing.paymentIds.get(i);
            PaymentKey key = storing.keys.get(i);
            PaymentSummary summary = new PaymentSummary(paymentId, key.payerName(), key.trace(), key.amount(),
                    storing.claimCounts.get(i), repo.matchCounts(paymentId), repo.postingHeldReason(paymentId));
            summaries.add(summary);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("paymentId", paymentId);
            p.put("payerName", key.payerName());
            p.put("payerIdentifier", key.payerIdentifier());
            p.put("traceNumber", key.trace());
            p.put("amount", key.amount());
            p.put("claimCount", summary.claimCount());
            journalPayments.add(p);
        }
        // journal and audit in the same transaction (ARCHITECTURE.md rule 3); no PHI in either
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("remitFileId", fileId);
        event.put("sha256", sha256);
        event.put("fileName", name);
        event.put("payments", journalPayments);
        tx.port(Journal.class).append(EVENT_IMPORTED, event);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("sha256", sha256);
        audit.put("fileName", name);
        audit.put("sizeBytes", size);
        audit.put("paymentCount", summaries.size());
        audit.put("claimCount", read.claims());
        tx.port(AuditTrail.class).record("remittance.import", "remit_file", String.valueOf(fileId), audit);

        ImportedFile file = repo.findFile(fileId).orElseThrow();
        stages.add(ImportStages.Stage.FINISH, System.nanoTime() - finishing);
        LOG.info("remittance {}: post-import step, counts, journal and audit took {} ms", name,
                (System.nanoTime() - postImport) / 1_000_000);
        return new ImportOutcome.Imported(name, file, summaries);
    }

    /** Where the archive copy is, its SHA-256, and whether it was there before this import. */
    private record Archived(Path path, String sha256, boolean before) {
    }

    /**
     * Copies to a temp file in the archive folder, hashing the bytes as they are copied, then moves the copy to
     * {@code <sha256>.835} (or drops it when an identical copy is there already). What is read afterwards is
     * this copy, and the read checks its hash again, so the file checked is the file archived.
     */
    private Archived archive(Path file) throws IOException {
        Files.createDirectories(archiveDir);
        Path temp = Files.createTempFile(archiveDir, "import", ".part");
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = archiveDir.resolve(sha256 + ".835");
            if (Files.exists(target) && Files.size(target) == Files.size(temp) && sha256Of(target).equals(sha256)) {
                return new Archived(target, sha256, true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            // the copy took the original's permissions; the archive holds patient data
            PrivateFiles.restrict(target);
            return new Archived(target, sha256, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String sha256Of(Path path) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ImportOutcome.Rejected rejected(String name, String message) {
        return new ImportOutcome.Rejected(name, List.of(new RemittanceProblem(name, 0, "", "", message)));
    }

    /**
     * The payment the store refused as already stored, told as the duplicate check tells it. H2 makes the
     * refused insert wait for the other import's transaction, so its payment is committed and found here.
     */
    private ImportOutcome duplicateOf(String name, DuplicatePaymentException dup) {
        return transactions.read(tx -> {
            RemittanceRepository repo = tx.port(RemittanceRepository.class);
            return repo.findSamePayment(dup.payerIdentifier(), dup.payerName(), dup.traceNumber(), dup.amount())
                    .<ImportOutcome>map(same -> new ImportOutcome.Duplicate(name,
                            ImportOutcome.DuplicateReason.SAME_PAYMENT, repo.findFile(same.fileId()).orElseThrow(), same))
                    .orElseGet(() -> rejected(name, "payment with trace " + dup.traceNumber() + " of " + dup.amount()
                            + " is being imported by another import at this moment; nothing was stored"));
        });
    }

    private static Optional<DuplicatePaymentException> duplicateRefusedByTheStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicatePaymentException dup) {
                return Optional.of(dup);
            }
        }
        return Optional.empty();
    }

    private static Optional<java.sql.SQLException> databaseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Exception class names only: messages of storage exceptions may hold PHI. */
    private static String causeChain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getName());
        }
        return sb.toString();
    }

    private static boolean causedByCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportCancelledException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown inside the transaction to roll it back when the user cancels. */
    private static final class ImportCancelledException extends RuntimeException {
        ImportCancelledException() {
            super("import cancelled", null, false, false);
        }
    }

    private record PaymentKey(String payerIdentifier, String payerName, String trace, Money amount) {
        static PaymentKey of(Payment payment) {
            return new PaymentKey(payment.payerIdentifier(), payment.payer().name() == null ? ""
                    : payment.payer().name(), payment.traceNumber(), payment.amount());
        }
    }

    /**
     * Thrown inside the transaction to roll back a file that broke a rule or repeats a stored payment, carrying the
     * outcome the clerk is told; nothing it wrote stays.
     */
    private static final class Refused extends RuntimeException {
        private final transient ImportOutcome outcome;

        Refused(ImportOutcome outcome) {
            super(outcome.status().name(), null, false, false);
            this.outcome = outcome;
        }

        ImportOutcome outcome() {
            return outcome;
        }
    }

    private static Optional<Refused> refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The transaction thread's side of the one read: writes what the reading thread hands over, in file order, and
     * checks each payment against those stored before it is written. Once a payment repeats a stored one, or a write
     * fails, it writes no more but the read goes on to the end: a file that also breaks a rule is refused for that,
     * with every problem named, as the check of the whole file before writing used to tell it.
     */
    private static final class Storing {
        private final RemittanceRepository repo;
        private final long fileId;
        private final List<Long> paymentIds = new ArrayList<>();
        private final List<Integer> claimCounts = new ArrayList<>();
        private final List<PaymentKey> keys = new ArrayList<>();
        private long paymentId;
        private int nextClaimSeq;
        private int nextPlbSeq;
        private long writeNanos;
        /** Time spent waiting for the reading thread: the parse's share of the import. */
        private long waitNanos;
        private ImportedPayment duplicate;
        private RuntimeException failure;

        Storing(RemittanceRepository repo, long fileId) {
            this.repo = repo;
            this.fileId = fileId;
        }

        void apply(Step step) {
            if (duplicate != null || failure != null) {
                return;
            }
            long start = System.nanoTime();
            try {
                write(step);
            } catch (RuntimeException e) {
                if (duplicateRefusedByTheStore(e).isPresent()) {
                    throw e; // another import holds the same payment: told as a duplicate once it commits
                }
                failure = e;
            }
            writeNanos += System.nanoTime() - start;
        }

        private void write(Step step) {
            if (step instanceof PaymentStep p) {
                PaymentKey key = PaymentKey.of(p.payment());
                Optional<ImportedPayment> same = repo.findSamePayment(key.payerIdentifier(), key.payerName(),
                        key.trace(), key.amount());
                if (same.isPresent() && same.get().fileId() != fileId) {
                    duplicate = same.get();
                    return;
                }
                paymentId = repo.insertPayment(fileId, p.number(), p.payment());
                paymentIds.add(paymentId);
                keys.add(key);
                nextClaimSeq = 1;
                nextPlbSeq = 1;
            } else if (step instanceof ClaimsStep c) {
                repo.insertClaims(paymentId, nextClaimSeq, c.claims());
                nextClaimSeq += c.claims().size();
            } else if (step instanceof PlbStep p) {
                repo.insertProviderAdjustments(paymentId, nextPlbSeq, p.items());
                nextPlbSeq += p.items().size();
            } else if (step instanceof EndPaymentStep e) {
                repo.finishPayment(paymentId, e.claimCount());
                claimCounts.add(e.claimCount());
            } else {
                throw new IllegalArgumentException("not a write: " + step.getClass().getSimpleName());
            }
        }
    }

    /** What the reading thread hands to the transaction thread. */
    private sealed interface Step {
    }

    private record PaymentStep(int number, Payment payment) implements Step {
    }

    private record ClaimsStep(List<ClaimPayment> claims) implements Step {
    }

    private record PlbStep(List<ProviderAdjustment> items) implements Step {
    }

    private record EndPaymentStep(int claimCount) implements Step {
    }

    /** The end of the read: its result and the hash of what was read, or what went wrong. */
    private record Done(ReadResult result, String sha256, RuntimeException failure) implements Step {
    }

    /** The transaction thread has stopped listening (cancel or failure): the reading thread gives up. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("abandoned", null, false, false);
        }
    }

    /** Reading thread: batches claims and PLB pairs into chunks and queues them (bounded: memory stays flat). */
    private static final class Pipe implements RemittanceHandler {
        private final BlockingQueue<Step> queue;
        private final AtomicBoolean abandoned;
        private List<ClaimPayment> claims = new ArrayList<>();
        private List<ProviderAdjustment> plb = new ArrayList<>();

        Pipe(BlockingQueue<Step> queue, AtomicBoolean abandoned) {
            this.queue = queue;
            this.abandoned = abandoned;
        }

        void put(Step step) {
            try {
                while (!queue.offer(step, 100, TimeUnit.MILLISECONDS)) {
                    if (abandoned.get()) {
                        throw new Abandoned();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandoned();
            }
        }

        @Override
        public void payment(int number, Payment payment) {
            put(new PaymentStep(number, payment));
        }

        @Override
        public void claim(ClaimPayment claim) {
            claims.add(claim);
            if (claims.size() >= CLAIM_CHUNK) {
                put(new ClaimsStep(claims));
                claims = new ArrayList<>();
            }
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            plb.add(adjustment);
            if (plb.size() >= CLAIM_CHUNK) {
                put(new PlbStep(plb));
                plb = new ArrayList<>();
            }
        }

        @Override
        public void endPayment(int number, Payment payment, int claimCount) {
            if (!claims.isEmpty()) {
                put(new ClaimsStep(claims));
                claims = new ArrayList<>();
            }
            if (!plb.isEmpty()) {
                put(new PlbStep(plb));
                plb = new ArrayList<>();
            }
            put(new EndPaymentStep(claimCount));
        }
    }

    /**
     * The one read: a helper thread parses the archived copy and queues chunks (at most {@value #QUEUE_DEPTH}
     * ahead); this thread — the transaction's, since a Jdbi handle belongs to one thread — writes them,
     * reports progress and polls {@code cancelled}, so the caller's listener and supplier are only ever
     * used from the thread that called {@link #importFile}.
     */
    private ReadResult readAhead(String name, Path archived, long size, String sha256, ProgressListener progress,
                                 BooleanSupplier cancelled, Storing storing) {
        BlockingQueue<Step> queue = new ArrayBlockingQueue<>(QUEUE_DEPTH);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicLong bytesRead = new AtomicLong();
        Thread thread = new Thread(() -> readInto(name, archived, queue, abandoned, bytesRead), "remit-read-ahead");
        thread.setDaemon(true);
        progress.progress(0, size, "Storing " + name);
        thread.start();
        try {
            long reported = 0;
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
                long waiting = System.nanoTime();
                Step step = queue.poll(100, TimeUnit.MILLISECONDS);
                storing.waitNanos += System.nanoTime() - waiting;
                long read = bytesRead.get();
                if (read - reported >= PROGRESS_STEP || (read == size && reported != size)) {
                    reported = read;
                    progress.progress(read, size, "Storing " + name);
                }
                if (step instanceof Done done) {
                    if (done.failure() != null) {
                        throw done.failure();
                    }
                    if (!done.sha256().equals(sha256)) {
                        throw new IllegalStateException("the archived copy " + archived
                                + " changed while it was being read");
                    }
                    return done.result();
                } else if (step != null) {
                    storing.apply(step);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportCancelledException();
        } finally {
            abandoned.set(true);
            queue.clear(); // frees a reading thread blocked on a full queue
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The reading thread's work: parse, queue chunks, then queue {@link Done}. */
    private void readInto(String name, Path archived, BlockingQueue<Step> queue, AtomicBoolean abandoned,
                          AtomicLong bytesRead) {
        Pipe pipe = new Pipe(queue, abandoned);
        Done done;
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(new CountingStream(Files.newInputStream(archived), bytesRead),
                digest)) {
            ReadResult result = reader.read(in, name, pipe, abandoned::get);
            in.transferTo(OutputStream.nullOutputStream());
            done = new Done(result, HexFormat.of().formatHex(digest.digest()), null);
        } catch (Abandoned e) {
            return;
        } catch (IOException e) {
            done = new Done(null, null, new IllegalStateException("the archived copy " + archived
                    + " cannot be read: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            done = new Done(null, null, e);
        }
        try {
            pipe.put(done);
        } catch (Abandoned e) {
            // nobody is waiting any more
        }
    }

    /** Counts bytes read, for progress reported from another thread. */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
