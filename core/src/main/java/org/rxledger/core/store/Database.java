package org.rxledger.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.rxledger.core.security.Actor;
import org.rxledger.core.security.PrivateFiles;
import org.rxledger.core.security.Role;
import org.rxledger.core.security.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's embedded H2 database in file mode, migrated with Flyway on open.
 *
 * <p>One instance per data directory; {@link #close()} shuts H2 down cleanly (over plain JDBC:
 * Jdbi's {@code execute} throws on SHUTDOWN, docs/development.md, trap 3).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "rxledger";
    /** H2's default; set on every open because a process killed during an import leaves it at 0 (ADR 0015). */
    static final int WRITE_DELAY_MILLIS = 500;

    private final String url;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    /** The data folder's lock while a file database is open; null in memory. */
    private DataFolderLock folderLock;
    private final List<InterruptedImport> interruptedImports;

    private Database(String url, Actor actor, Clock clock) {
        this.url = url;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("rxledger");
        ds.setPassword("");
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey(),
                            new V022__AuditTrailHashChain()).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("The local database could not be prepared (" + e.getMessage()
                    + "). If another RxLedger window is open on the same data folder, close it and try again.", e);
        }
        this.jdbi = Jdbi.create(ds).installPlugin(new SqlObjectPlugin());
        jdbi.useHandle(h -> h.execute("SET WRITE_DELAY " + WRITE_DELAY_MILLIS));
        this.transactions = new JdbiTransactions(jdbi, actor, clock);
        // before anyone reads: an import a killed process left unpublished is kept whole or removed
        this.interruptedImports = InterruptedImports.recover(jdbi, actor, clock);
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
            Database db = openLocked(dataDir, actor, clock);
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
    private static Database openLocked(Path dataDir, Actor actor, Clock clock) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME + ".trace.db"));
        } catch (java.io.IOException e) {
            LOG.warn("an old database trace file could not be removed: {}", e.getClass().getSimpleName());
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        LOG.info("opening database in {}", dataDir.toAbsolutePath());
        Database db;
        try {
            db = new Database(url, actor, clock);
        } catch (StoreException e) {
            // another program without our lock file (an older RxLedger, an H2 console) has the database open
            if (SqlErrors.hasState(e, "90020")) {
                throw new DataFolderBusyException(dataDir, Optional.empty(), e);
            }
            throw e;
        }
        PrivateFiles.restrictDataFolder(dataDir);
        return db;
    }

    /**
     * A private in-memory database (tests, benchmarks); same migrations as the file database. Unlike a file
     * database, where the workstation or the command signs a person in, it starts signed in as an administrator
     * named by {@code actor}, so a test of a use case's own rules needs no sign-in; tests of the permission
     * checks sign in someone else ({@link JdbiTransactions#signIn}).
     */
    public static Database inMemory(String name, Actor actor, Clock clock) {
        Database db = new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", actor, clock);
        db.transactions.signIn(new Session(actor.user(), actor.user(), Set.of(Role.ADMIN), actor.workstation(),
                clock.instant()));
        return db;
    }

    /** True when {@code dataDir} holds no database yet (first launch). */
    public static boolean existsIn(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"));
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    public Jdbi jdbi() {
        return jdbi;
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
        try (Connection c = DriverManager.getConnection(url, "rxledger", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("database shutdown: {}", e.getMessage());
        } finally {
            if (folderLock != null) {
                folderLock.close();
            }
        }
    }
}
