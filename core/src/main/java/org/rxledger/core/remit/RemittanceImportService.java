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
import java.util.function.BooleanSupplier;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: import one 835 file (issue 4), all or nothing (ARCHITECTURE.md rules 3 and 4).
 *
 * <ol>
 *   <li><b>Check</b>: stream the whole file through {@link X12RemittanceReader} (envelope, structure,
 *       three-level balancing) while computing its SHA-256; any problem → {@link ImportOutcome.Rejected}.</li>
 *   <li><b>Archive</b>: copy the bytes to {@code <archiveDir>/<sha256>.835} (content-addressed, so a
 *       copy left by a rolled-back import is harmless and re-used).</li>
 *   <li><b>Store</b>, in one transaction: refuse duplicates (same SHA-256, or the same payment — payer,
 *       trace, amount — in a new envelope), then stream the archived copy a second time, writing in
 *       batches; run the {@link PostImportStep}; append journal event {@code remittance.imported} and
 *       an audit record.</li>
 * </ol>
 * Memory stays bounded (one claim chunk at a time) however large the file. Cancelling (the
 * {@code cancelled} supplier turning true) during either pass leaves the database unchanged.
 * Logs carry file names, trace numbers and counts only — never patient data.
 */
public final class RemittanceImportService {

    /** Journal event type of a stored remittance. */
    public static final String EVENT_IMPORTED = "remittance.imported";

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceImportService.class);
    private static final int CLAIM_CHUNK = 1000;

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
     * @param progress told how far each pass is; {@link ProgressListener#NONE} if nobody listens
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

        // pass 1: check everything and hash, before anything is written
        MessageDigest digest = sha256();
        PaymentKeys keys = new PaymentKeys();
        ReadResult check;
        long started = System.nanoTime();
        try (InputStream in = new DigestInputStream(
                new ProgressStream(Files.newInputStream(file), ProgressListener.Phase.CHECKING, size, progress), digest)) {
            check = reader.read(in, name, keys, cancelled);
            if (check.ok()) {
                in.transferTo(OutputStream.nullOutputStream()); // hash any trailing bytes after the last IEA
            }
        } catch (IOException e) {
            return rejected(name, "the file cannot be read: " + e.getMessage());
        }
        if (check.cancelled() || cancelled.getAsBoolean()) {
            LOG.info("remittance {}: import cancelled while checking", name);
            return new ImportOutcome.Cancelled(name);
        }
        if (!check.ok()) {
            LOG.info("remittance {}: rejected with {} problem(s)", name, check.problems().size());
            return new ImportOutcome.Rejected(name, check.problems());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        LOG.info("remittance {}: checked {} payment(s), {} claim(s) in {} ms", name, check.payments(), check.claims(),
                (System.nanoTime() - started) / 1_000_000);

        Path archived;
        boolean archivedBefore = Files.exists(archiveDir.resolve(sha256 + ".835"));
        try {
            archived = archive(file, sha256);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("remittance {}: archiving failed", name, e);
            return rejected(name, "the original could not be archived in " + archiveDir + " (" + e.getMessage()
                    + "); nothing was stored");
        }

        ImportOutcome outcome = storeInTransaction(name, size, sha256, archived, keys, progress, cancelled);
        LOG.info("remittance {}: {} after {} ms", name, outcome.status(), (System.nanoTime() - started) / 1_000_000);
        if (outcome.status() != ImportOutcome.Status.IMPORTED && !archivedBefore) {
            // the archive holds what was imported; a copy made for an import that stored nothing goes again
            try {
                Files.deleteIfExists(archived);
            } catch (IOException e) {
                LOG.warn("remittance {}: unused archive copy {} could not be removed: {}", name, archived, e.getMessage());
            }
        }
        return outcome;
    }

    private ImportOutcome storeInTransaction(String name, long size, String sha256, Path archived, PaymentKeys keys,
                                             ProgressListener progress, BooleanSupplier cancelled) {
        try {
            return transactions.inTransaction(tx -> store(tx, name, size, sha256, archived, keys, progress, cancelled));
        } catch (RuntimeException e) {
            if (causedByCancel(e)) {
                LOG.info("remittance {}: import cancelled while storing; rolled back", name);
                return new ImportOutcome.Cancelled(name);
            }
            // database exceptions carry bound values (patient names, member ids): log and show only their kind
            String reason = databaseError(e).map(sql -> "database error, SQL state " + sql.getSQLState())
                    .orElse(e.getMessage());
            LOG.error("remittance {}: storing failed and was rolled back: {} ({})", name, reason, causeChain(e));
            return rejected(name, "the file passed all checks but could not be stored (" + reason
                    + "); nothing was stored");
        }
    }

    private ImportOutcome store(Tx tx, String name, long size, String sha256, Path archived, PaymentKeys keys,
                                ProgressListener progress, BooleanSupplier cancelled) {
        RemittanceRepository repo = tx.remittances();
        Optional<ImportedFile> sameFile = repo.findFileBySha256(sha256);
        if (sameFile.isPresent()) {
            return new ImportOutcome.Duplicate(name, ImportOutcome.DuplicateReason.SAME_FILE, sameFile.get(), null);
        }
        for (PaymentKey key : keys.keys) {
            Optional<ImportedPayment> same = repo.findSamePayment(key.payerIdentifier(), key.payerName(), key.trace(),
                    key.amount());
            if (same.isPresent()) {
                ImportedFile earlier = repo.findFile(same.get().fileId()).orElseThrow();
                return new ImportOutcome.Duplicate(name, ImportOutcome.DuplicateReason.SAME_PAYMENT, earlier, same.get());
            }
        }

        Instant now = tx.clock().instant();
        long fileId = repo.insertFile(new RemittanceRepository.NewFile(sha256, name, size, archived.toString(), now,
                tx.actor().user()));

        // pass 2: the archived copy (ours, immutable) streams into the database in chunks
        Storing storing = new Storing(repo, fileId);
        MessageDigest digest = sha256();
        ReadResult second;
        long storeStarted = System.nanoTime();
        try (InputStream in = new DigestInputStream(
                new ProgressStream(Files.newInputStream(archived), ProgressListener.Phase.STORING, size, progress),
                digest)) {
            second = reader.read(in, name, storing, cancelled);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException("the archived copy " + archived + " cannot be read: " + e.getMessage(), e);
        }
        if (second.cancelled() || cancelled.getAsBoolean()) {
            throw new ImportCancelledException();
        }
        if (!second.ok() || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new IllegalStateException("the archived copy " + archived + " differs from the checked file");
        }
        repo.finishFile(fileId, storing.paymentIds.size(), second.claims());
        LOG.info("remittance {}: stored {} claim(s) in {} ms, {} ms of it in database writes", name, second.claims(),
                (System.nanoTime() - storeStarted) / 1_000_000, storing.writeNanos / 1_000_000);

        ImportedRemittance imported = new ImportedRemittance(fileId, sha256, storing.paymentIds);
        postImportStep.afterImport(tx, imported);

        List<PaymentSummary> summaries = new ArrayList<>();
        List<Map<String, Object>> journalPayments = new ArrayList<>();
        for (int i = 0; i < storing.paymentIds.size(); i++) {
            long paymentId = storing.paymentIds.get(i);
            PaymentKey key = keys.keys.get(i);
            PaymentSummary summary = new PaymentSummary(paymentId, key.payerName(), key.trace(), key.amount(),
                    storing.claimCounts.get(i), repo.matchedClaimCount(paymentId));
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
        tx.journal().append(EVENT_IMPORTED, event);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("sha256", sha256);
        audit.put("fileName", name);
        audit.put("sizeBytes", size);
        audit.put("paymentCount", summaries.size());
        audit.put("claimCount", second.claims());
        tx.audit().record("remittance.import", "remit_file", String.valueOf(fileId), audit);

        ImportedFile file = repo.findFile(fileId).orElseThrow();
        return new ImportOutcome.Imported(name, file, summaries);
    }

    /** Copies to a temp file in the archive folder, verifies the hash, then moves it into place. */
    private Path archive(Path file, String sha256) throws IOException {
        Files.createDirectories(archiveDir);
        Path target = archiveDir.resolve(sha256 + ".835");
        if (Files.exists(target) && Files.size(target) == Files.size(file) && sha256Of(target).equals(sha256)) {
            return target;
        }
        Path temp = Files.createTempFile(archiveDir, sha256, ".part");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            if (!sha256Of(temp).equals(sha256)) {
                throw new IllegalStateException("the file changed while it was being imported; import it again");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
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

    /** Thrown inside the transaction to roll it back when the user cancels during pass 2. */
    private static final class ImportCancelledException extends RuntimeException {
        ImportCancelledException() {
            super("import cancelled", null, false, false);
        }
    }

    private record PaymentKey(String payerIdentifier, String payerName, String trace, Money amount) {
    }

    /** Pass 1: remembers each payment's duplicate key (a few per file, so memory stays small). */
    private static final class PaymentKeys implements RemittanceHandler {
        private final List<PaymentKey> keys = new ArrayList<>();

        @Override
        public boolean wantsClaims() {
            return false;
        }

        @Override
        public void payment(int number, Payment payment) {
            keys.add(new PaymentKey(payment.payerIdentifier(), payment.payer().name() == null ? ""
                    : payment.payer().name(), payment.traceNumber(), payment.amount()));
        }
    }

    /** Pass 2: writes payments as they start and claims in chunks of {@value #CLAIM_CHUNK}. */
    private static final class Storing implements RemittanceHandler {
        private final RemittanceRepository repo;
        private final long fileId;
        private final List<Long> paymentIds = new ArrayList<>();
        private final List<Integer> claimCounts = new ArrayList<>();
        private final List<ClaimPayment> claims = new ArrayList<>();
        private final List<ProviderAdjustment> plb = new ArrayList<>();
        private long paymentId;
        private int nextClaimSeq;
        private int nextPlbSeq;
        private long writeNanos;

        Storing(RemittanceRepository repo, long fileId) {
            this.repo = repo;
            this.fileId = fileId;
        }

        @Override
        public void payment(int number, Payment payment) {
            paymentId = repo.insertPayment(fileId, number, payment);
            paymentIds.add(paymentId);
            nextClaimSeq = 1;
            nextPlbSeq = 1;
        }

        @Override
        public void claim(ClaimPayment claim) {
            claims.add(claim);
            if (claims.size() >= CLAIM_CHUNK) {
                flushClaims();
            }
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            plb.add(adjustment);
            if (plb.size() >= CLAIM_CHUNK) {
                flushPlb();
            }
        }

        @Override
        public void endPayment(int number, Payment payment, int claimCount) {
            flushClaims();
            flushPlb();
            repo.finishPayment(paymentId, claimCount);
            claimCounts.add(claimCount);
        }

        private void flushClaims() {
            long start = System.nanoTime();
            repo.insertClaims(paymentId, nextClaimSeq, claims);
            writeNanos += System.nanoTime() - start;
            nextClaimSeq += claims.size();
            claims.clear();
        }

        private void flushPlb() {
            repo.insertProviderAdjustments(paymentId, nextPlbSeq, plb);
            nextPlbSeq += plb.size();
            plb.clear();
        }
    }

    /** Reports bytes read to the listener every 256 KiB. */
    private static final class ProgressStream extends FilterInputStream {
        private static final long STEP = 256 * 1024;
        private final ProgressListener.Phase phase;
        private final long total;
        private final ProgressListener listener;
        private long done;
        private long reported;

        ProgressStream(InputStream in, ProgressListener.Phase phase, long total, ProgressListener listener) {
            super(in);
            this.phase = phase;
            this.total = total;
            this.listener = listener;
            listener.progress(phase, 0, total);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            done += n;
            if (done - reported >= STEP || done == total) {
                reported = done;
                listener.progress(phase, done, total);
            }
        }
    }
}
