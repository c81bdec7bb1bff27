package org.rxledger.core.remit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;

/**
 * Use case: remember a refused 835 file (table remit_rejection) so the review screen can list every
 * refusal, from any source. One transaction: the row, a journal event and an audit record. The
 * journal and audit carry the file name, hash and problem count only — the problem texts may quote
 * values from the file and stay in the database.
 */
public final class RejectionLog {

    public static final String EVENT_REJECTED = "remittance.rejected";

    /** Where a file came from, stored by name. */
    public enum Source { CLI, CHOOSER, DROP, INBOX }

    private final Transactions transactions;

    public RejectionLog(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Records the refusal of {@code file}; returns the new row's id. */
    public long record(Path file, ImportOutcome.Rejected outcome, Source source) {
        String sha = sha256(file);
        Long size = size(file);
        return transactions.inTransaction(Permission.REMIT_IMPORT, "record a rejected 835 file", tx -> {
            long id = tx.port(RemittanceRepository.class).insertRejection(new RemittanceRepository.NewRejection(outcome.fileName(), sha,
                    size, source.name(), tx.clock().instant(), tx.actor().user(),
                    outcome.problems().stream().map(RemittanceProblem::describe).toList()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fileName", outcome.fileName());
            details.put("sha256", sha);
            details.put("source", source.name());
            details.put("problemCount", outcome.problems().size());
            tx.port(Journal.class).append(EVENT_REJECTED, details);
            tx.port(AuditTrail.class).record("remittance.reject", "remit_rejection", String.valueOf(id), details);
            return id;
        });
    }

    private static Long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Null when the file cannot be read (that is then the reason it was refused). */
    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
