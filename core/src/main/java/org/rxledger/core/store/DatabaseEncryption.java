package org.rxledger.core.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.h2.tools.ChangeFileEncryption;
import org.jdbi.v3.core.Jdbi;
import org.rxledger.core.access.Actor;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.DataKey;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.security.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rxledger encrypt}: a clear-text office becomes an encrypted one, all or nothing
 * (docs/adr/0024-encryption-at-rest.md, point 6). Under the folder's lock throughout: the administrator signs in to the
 * clear database, every table's rows are counted and the ledger summed by account; the closed file is copied to
 * {@code backup-before-encryption-<time>/}; H2's {@link ChangeFileEncryption} encrypts it in place with a new data key;
 * the key file gets the administrator's slot; the database is reopened encrypted and counted again. Any difference or
 * failure puts the copy back and removes the key file, so the folder is as it was.
 */
public final class DatabaseEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEncryption.class);
    public static final String BACKUP_PREFIX = "backup-before-encryption-";
    private static final String LEDGER_SUMS = "ledger_entry sums by account";

    /** What was encrypted and where the clear copy is kept (it holds the office in clear: delete it once checked). */
    public record Result(Path backup, int tables, long rows) {
    }

    private DatabaseEncryption() {
    }

    /**
     * @param keys     the folder's (not yet existing) key file
     * @param account  the administrator running it; null only for an office without accounts (its key then stays
     *                 unclaimed until the first account)
     */
    public static Result encrypt(OfficeKeys keys, Actor actor, Clock clock, String account, char[] password) {
        Path dataDir = keys.file().getParent();
        if (OfficeKeys.isEncrypted(dataDir)) {
            throw RxLedgerException.refused("The office in " + dataDir + " is encrypted already.");
        }
        if (!Database.existsIn(dataDir)) {
            throw RxLedgerException.refused("There is no office in " + dataDir + " to encrypt.");
        }
        try (DataFolderLock lock = DataFolderLock.acquire(dataDir, "rxledger encrypt")) {
            Objects.requireNonNull(lock);
            Census before;
            String by;
            try (Database clear = Database.openLocked(dataDir, actor, clock, null)) {
                by = authorise(clear, actor, account, password);
                clear.transactions().inTransaction(tx -> {
                    tx.port(AuditTrail.class).record("OFFICE_ENCRYPTED", "office", "database", Map.of("by", by));
                    return null;
                });
                before = census(clear.ownerJdbi());
            }
            Path backup = backUp(dataDir, clock);
            try {
                DataKey key = DataKey.random();
                ChangeFileEncryption.execute(dataDir.toString(), Database.FILE_NAME, "AES", null,
                        key.filePassword().toCharArray(), true);
                keys.createForEncryption(key);
                if (account != null) {
                    keys.putSlot(key, account, password);
                }
                Census after;
                try (Database encrypted = Database.openLocked(dataDir, actor, clock, key)) {
                    after = census(encrypted.ownerJdbi());
                }
                before.compare(after);
                LOG.info("office encrypted: {} tables, {} rows", after.counts().size(), after.rows());
                return new Result(backup, after.counts().size(), after.rows());
            } catch (SQLException | RuntimeException e) {
                restore(dataDir, backup, keys);
                if (e instanceof RxLedgerException stopped) {
                    throw stopped;
                }
                throw new RxLedgerException("ENCRYPTION_FAILED", "The office could not be encrypted (" + e.getMessage()
                        + "); it is as it was (put back from " + backup.getFileName() + ").", e);
            }
        }
    }

    /** The signed-in administrator's name, or the opener's for an office without accounts. */
    private static String authorise(Database clear, Actor actor, String account, char[] password) {
        AccountService accounts = new AccountService(clear.transactions(), new PasswordHasher());
        if (!accounts.anyAccount()) {
            return actor.user();
        }
        if (account == null || password == null) {
            throw RxLedgerException.refused("This office has accounts: an administrator signs in to encrypt it.");
        }
        Session session = accounts.signIn(account, password, actor.workstation());
        if (!session.may(Permission.ACCOUNTS_MANAGE)) {
            throw RxLedgerException.refused("Encrypting the office needs the permission " + Permission.ACCOUNTS_MANAGE
                    + " (an administrator); " + session.user() + " does not have it.");
        }
        clear.transactions().signIn(session);
        return session.user();
    }

    private static Path backUp(Path dataDir, Clock clock) {
        Path backup = dataDir.resolve(BACKUP_PREFIX
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(backup);
            PrivateFiles.restrict(backup);
            for (String name : List.of(Database.FILE_NAME + ".mv.db", DatabaseUsers.SECRET_FILE)) {
                Path from = dataDir.resolve(name);
                if (Files.exists(from)) {
                    Files.copy(from, backup.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    PrivateFiles.restrict(backup.resolve(name));
                }
            }
            return backup;
        } catch (IOException e) {
            throw new RxLedgerException("ENCRYPTION_BACKUP_FAILED", "The copy of the office before encryption could not be "
                    + "written to " + backup + " (" + e.getClass().getSimpleName() + "); nothing was encrypted.", e);
        }
    }

    private static void restore(Path dataDir, Path backup, OfficeKeys keys) {
        try {
            Files.copy(backup.resolve(Database.FILE_NAME + ".mv.db"), dataDir.resolve(Database.FILE_NAME + ".mv.db"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(keys.file());
        } catch (IOException e) {
            LOG.error("the clear copy could not be put back: {}", e.getClass().getSimpleName());
            throw new RxLedgerException("ENCRYPTION_RESTORE_FAILED", "The encryption failed and the copy could not be "
                    + "put back: copy " + backup.resolve(Database.FILE_NAME + ".mv.db") + " over the database file and "
                    + "delete " + OfficeKeys.FILE_NAME + " by hand.", e);
        }
    }

    /** Every table's row count and the ledger's sum per account: what must be identical after encryption. */
    record Census(TreeMap<String, Long> counts, TreeMap<String, BigDecimal> ledgerSums) {

        long rows() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        void compare(Census after) {
            for (Map.Entry<String, Long> table : counts.entrySet()) {
                Long now = after.counts().get(table.getKey());
                if (!table.getValue().equals(now)) {
                    throw new RxLedgerException("ENCRYPTION_LOST_ROWS", "Encryption stopped: table " + table.getKey()
                            + " had " + table.getValue() + " rows before and " + now + " after.");
                }
            }
            if (!ledgerSums.equals(after.ledgerSums())) {
                throw new RxLedgerException("ENCRYPTION_LOST_ROWS", "Encryption stopped: the " + LEDGER_SUMS
                        + " differ before and after.");
            }
        }
    }

    static Census census(Jdbi owner) {
        return owner.withHandle(h -> {
            TreeMap<String, Long> counts = new TreeMap<>();
            for (String table : h.createQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
                    + "'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'").mapTo(String.class).list()) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")
                        .mapTo(Long.class).one());
            }
            TreeMap<String, BigDecimal> sums = new TreeMap<>();
            h.createQuery("SELECT account, SUM(amount) AS total FROM ledger_entry GROUP BY account")
                    .map((rs, ctx) -> Map.entry(rs.getString("account"), rs.getBigDecimal("total")))
                    .forEach(e -> sums.put(e.getKey(), e.getValue()));
            return new Census(counts, sums);
        });
    }
}
