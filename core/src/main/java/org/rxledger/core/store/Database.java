package org.rxledger.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.rxledger.core.remit.InterruptedImport;
import org.rxledger.core.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's embedded H2 database in file mode, migrated with Flyway on open.
 *
 * <p>One instance per data directory; {@link #close()} shuts H2 down cleanly (over plain JDBC:
 * Jdbi's {@code execute} throws on SHUTDOWN, ../shared/STACK.md trap 3).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "rxledger";
    /** H2's default; set on every open because a process killed during an import leaves it at 0 (ADR 0015). */
    static final int WRITE_DELAY_MILLIS = 500;

    private final String url;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final List<InterruptedImport> interruptedImports;

    private Database(String url, Actor actor, Clock clock) {
        this.url = url;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("rxledger");
        ds.setPassword("");
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .javaMigrations(new V013__RedundantIndexes(), new V015__OneIndexPerForeignKey()).load().migrate();
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
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("The data folder " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        LOG.info("opening database in {}", dataDir.toAbsolutePath());
        return new Database(url, actor, clock);
    }

    /** A private in-memory database (tests, benchmarks); same migrations as the file database. */
    public static Database inMemory(String name, Actor actor, Clock clock) {
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", actor, clock);
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
        }
    }
}
