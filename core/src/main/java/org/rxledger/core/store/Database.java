package org.rxledger.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.rxledger.core.remit.InterruptedImport;
import org.rxledger.core.access.Actor;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.security.DataKey;
import org.rxledger.core.security.KeySlots;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.security.PrivateFiles;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's embedded H2 database in file mode, migrated with Flyway on open.
 *
 * <p>Two database users (docs/adr/0019-the-application-connects-as-a-restricted-user.md, {@link DatabaseUsers}):
 * the owner migrates, repairs and runs the maintenance commands; everything else, {@link #jdbi()} and the
 * {@link #transactions()}, works as the application's user, which may only read and insert into the append-only
 * tables. The owner's connection stays open while the database is, so the settings of the owner's URL hold.
 *
 * <p>One instance per data directory; {@link #close()} shuts H2 down cleanly (over plain JDBC:
 * Jdbi's {@code execute} throws on SHUTDOWN, docs/development.md, trap 3).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "rxledger";
    /** H2's default; set on every open because a process killed during an import leaves it at 0 (ADR 0015). */
    static final int WRITE_DELAY_MILLIS = 500;
    /** H2: an encrypted file opened with another key. */
    private static final String WRONG_FILE_KEY = "90049";
    /** H2: the file is not what the URL says (an encrypted file opened clear, or the reverse). */
    private static final String FILE_CORRUPTED = "90030";

    private final Connection keeper;
    private final Jdbi jdbi;
    private final Jdbi ownerJdbi;
    private final JdbiTransactions transactions;
    /** The data folder's lock while a file database is open; null in memory. */
    private DataFolderLock folderLock;
    private final List<InterruptedImport> interruptedImports;
    /** The encrypted office's key file, told of passwords set while this database is open; NONE when clear. */
    private KeySlots keySlots = KeySlots.NONE;

    /**
     * @param url the owner's URL, with the database settings
     * @param applicationUrl the same database without settings, which only the owner may make
     * @param filePart H2's file password and its separating space for an encrypted file ({@code CIPHER=AES} in both
     *                 URLs), empty for a clear one
     */
    private Database(String url, String applicationUrl, String filePart, String ownerSecret, Actor actor, Clock clock) {
        try {
            this.keeper = DatabaseUsers.connectOwner(url, filePart, ownerSecret);
        } catch (SQLException e) {
            throw notPrepared(e);
        }
        try {
            JdbcDataSource owner = dataSource(url, DatabaseUsers.OWNER, filePart + ownerSecret);
            try {
                Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                        .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey(),
                                new V022__AuditTrailHashChain(), new V025__PaymentTraceKeyRequired())
                        .load().migrate();
            } catch (FlywayException e) {
                throw notPrepared(e);
            }
            String applicationPassword = DatabaseUsers.newSecret();
            try {
                DatabaseUsers.grantApplicationRights(keeper, applicationPassword);
            } catch (SQLException e) {
                throw notPrepared(e);
            }
            this.ownerJdbi = Jdbi.create(owner).installPlugin(new SqlObjectPlugin());
            ownerJdbi.useHandle(h -> h.execute("SET WRITE_DELAY " + WRITE_DELAY_MILLIS));
            this.jdbi = Jdbi.create(dataSource(applicationUrl, DatabaseUsers.APPLICATION, filePart + applicationPassword))
                    .installPlugin(new SqlObjectPlugin());
            this.transactions = new JdbiTransactions(jdbi, ownerJdbi, actor, clock);
            // before anyone reads: an import a killed process left unpublished is kept whole or removed
            this.interruptedImports = InterruptedImports.recover(ownerJdbi, actor, clock);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    private static RuntimeException notPrepared(Exception e) {
        if (e instanceof SQLException sql && WRONG_FILE_KEY.equals(sql.getSQLState())) {
            return new RxLedgerException("DATABASE_KEY_WRONG", "The office's database file cannot be decrypted with this "
                    + "key: the key file " + OfficeKeys.FILE_NAME + " does not belong to this database. Restore both from "
                    + "the same backup, or open the office with its recovery code.", e);
        }
        if (e instanceof SQLException sql && FILE_CORRUPTED.equals(sql.getSQLState())) {
            return new RxLedgerException("DATABASE_UNREADABLE", "The office's database file cannot be read (" + e.getMessage()
                    + "). If it was encrypted, its key file " + OfficeKeys.FILE_NAME + " is missing or does not belong to "
                    + "it: restore both from the same backup.", e);
        }
        return new StoreException("The local database could not be prepared (" + e.getMessage()
                + "). If another RxLedger window is open on the same data folder, close it and try again.", e);
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("database connection close: {}", e.getSQLState());
        }
    }

    /** Opens (creating if needed) the database in {@code dataDir}. */
    public static Database open(Path dataDir, Actor actor, Clock clock) {
        return open(dataDir, actor, clock, "RxLedger");
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir}, holding the folder for this process with a
     * {@link DataFolderLock} until {@link #close()}.
     *
     * @param purpose what this process is doing (e.g. {@code "rxledger claims import"}), shown to a second
     *                process that finds the folder busy
     * @throws DataFolderBusyException when another process (or another open database here) holds the folder
     */
    public static Database open(Path dataDir, Actor actor, Clock clock, String purpose) {
        return open(dataDir, actor, clock, purpose, null);
    }

    /**
     * Opens the database in {@code dataDir} with the data key a sign-in unwrapped ({@link OfficeKeys#unlock}). A
     * folder with a key file is encrypted (docs/adr/0024-encryption-at-rest.md, point 7): without {@code key} it
     * opens only while its key is still unclaimed (no account yet); a folder without one opens as a clear file.
     *
     * @param key the data key, or null (a clear folder, or a new office's unclaimed key)
     */
    public static Database open(Path dataDir, Actor actor, Clock clock, String purpose, DataKey key) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new StoreException("The data folder " + dataDir + " is a file, not a folder", null);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("The data folder " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        DataFolderLock lock = DataFolderLock.acquire(dataDir, purpose);
        try {
            Database db = openLocked(dataDir, actor, clock, keyFor(dataDir, key));
            db.folderLock = lock;
            return db;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The database itself, once the folder is ours. H2's file trace is off (TRACE_LEVEL_FILE=0): it writes
     * failing statements with their values; a trace file an earlier version left is removed for the same
     * reason. The folder and its files are made owner-only (issue 23).
     */
    static Database openLocked(Path dataDir, Actor actor, Clock clock, DataKey key) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME + ".trace.db"));
        } catch (java.io.IOException e) {
            LOG.warn("an old database trace file could not be removed: {}", e.getClass().getSimpleName());
        }
        String file = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        LOG.info("opening database in {}", dataDir.toAbsolutePath());
        Database db;
        try {
            String cipher = key == null ? "" : ";CIPHER=AES";
            db = new Database(file + cipher + ";TRACE_LEVEL_FILE=0", file + cipher,
                    key == null ? "" : key.filePassword() + " ", DatabaseUsers.ownerSecret(dataDir), actor, clock);
        } catch (StoreException e) {
            // another program without our lock file (an older RxLedger, an H2 console) has the database open
            if (SqlErrors.hasState(e, "90020")) {
                throw new DataFolderBusyException(dataDir, Optional.empty(), e);
            }
            throw e;
        }
        PrivateFiles.restrictDataFolder(dataDir);
        if (key != null) {
            db.keySlots = new OfficeKeys(dataDir).slots(key);
        }
        return db;
    }

    /** The key to open {@code dataDir} with: none for a clear folder; the given or unclaimed one for an encrypted one. */
    private static DataKey keyFor(Path dataDir, DataKey given) {
        if (!OfficeKeys.isEncrypted(dataDir)) {
            if (given != null) {
                throw new RxLedgerException("OFFICE_NOT_ENCRYPTED", "The office in " + dataDir + " is not encrypted; "
                        + "it opens without a key (rxledger encrypt encrypts it).");
            }
            return null;
        }
        if (given != null) {
            return given;
        }
        return new OfficeKeys(dataDir).unclaimed().orElseThrow(() -> new RxLedgerException("OFFICE_ENCRYPTED",
                "The office in " + dataDir + " is encrypted: it opens only when someone signs in (--user NAME with the "
                        + "password from the terminal, --password-stdin or RXLEDGER_PASSWORD)."));
    }

    /**
     * A private in-memory database (tests, benchmarks); same migrations and users as the file database. The
     * owner keeps the empty password here: nothing outside this process can reach the database. Unlike a file
     * database, where the workstation or the command signs a person in, it starts signed in as an administrator
     * named by {@code actor}, so a test of a use case's own rules needs no sign-in; tests of the permission
     * checks sign in someone else ({@link JdbiTransactions#signIn}).
     */
    public static Database inMemory(String name, Actor actor, Clock clock) {
        Database db = new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "jdbc:h2:mem:" + name, "", "", actor, clock);
        db.transactions.signIn(new Session(actor.user(), actor.user(), Set.of(Role.ADMIN), actor.workstation(),
                clock.instant()));
        return db;
    }

    /** True when {@code dataDir} holds no database yet (first launch). */
    public static boolean existsIn(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"));
    }

    /** What {@link org.rxledger.core.security.AccountService} tells the key file; {@link KeySlots#NONE} when clear. */
    public KeySlots keySlots() {
        return keySlots;
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    /** The application's connections: they may not change or empty the append-only tables. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The owner's connections (migrations, crash repair, maintenance); tests reach them through the store package. */
    Jdbi ownerJdbi() {
        return ownerJdbi;
    }

    /**
     * Imports that a killed process had left unpublished, found and settled by this open (empty almost
     * always). The CLI and the workstation show their messages.
     */
    public List<InterruptedImport> interruptedImports() {
        return interruptedImports;
    }

    @Override
    public void close() {
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("database shutdown: {}", e.getMessage());
        } finally {
            closeQuietly(keeper);
            if (folderLock != null) {
                folderLock.close();
            }
        }
    }
}
