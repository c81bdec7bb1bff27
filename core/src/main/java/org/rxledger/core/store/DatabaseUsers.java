package org.rxledger.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.rxledger.core.security.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two database users of a data folder (docs/adr/0019-the-application-connects-as-a-restricted-user.md).
 * The owner ({@value #OWNER}, the user every earlier version created the database with) runs the migrations,
 * the crash repair and the maintenance commands (CHECKPOINT, WRITE_DELAY, SHUTDOWN); its password is a random
 * secret kept in {@value #SECRET_FILE} in the data folder (600), never logged. The application works as
 * {@value #APPLICATION}, which may only read and insert into the append-only tables, so TRUNCATE, DELETE,
 * UPDATE, DROP and ALTER are refused by the database itself, not only by {@link AppendOnlyTrigger}.
 */
final class DatabaseUsers {

    static final String OWNER = "RXLEDGER";
    static final String APPLICATION = "RXLEDGER_APP";
    /** Starts with "rxledger." so that {@link PrivateFiles#restrictDataFolder} and backups of the database take it along. */
    static final String SECRET_FILE = Database.FILE_NAME + ".owner";

    /**
     * The append-only tables, by name: the tables {@link AppendOnlyTrigger} guards. Tables that carry the trigger
     * are added to these on every open, so a later migration's append-only table is covered too; a table named
     * here stays restricted even if someone with the owner's secret drops its trigger.
     */
    static final Set<String> APPEND_ONLY = Set.of("LEDGER_ENTRY", "JOURNAL_EVENT", "AUDIT_RECORD", "MATCH_DECISION", "SYNC_INBOUND", "SYNC_RUN", "MAILBOX_FILE", "CLAIM_CHARGE_ACCOUNT", "PATIENT_PAYMENT", "ACCOUNT_HOLD_EVENT", "ACCOUNT_STATEMENT", "WRITE_OFF_RECOMMENDATION", "WRITE_OFF_ITEM", "WRITE_OFF_DECISION", "MFP_PRICE", "MFP_PART_D_ROUTING", "MFP_REFUND_PAYER", "MFP_EXCLUSION", "MFP_MANUFACTURER_AMOUNT", "MFP_REFUND_RECEIPT", "MFP_DISPUTE", "MFP_DISPUTE_EVENT", "PAYMENT_PLAN_EVENT", "COLLECTION_REFERRAL", "MFP_WRITE_OFF",
            "CONTRACT_VERSION", "PRICE_IMPORT", "DRUG_PRICE", "ACQUISITION_COST", "CONTRACT_NOTICE", "CONTRACT_NOTICE_ACK",
            "REMIT_POSTING", "EXCEPTION_ACTION", "DEPOSIT", "DEPOSIT_VOID", "PLB_ATTRIBUTION",
            "DIRECTORY_LINK_PROPOSAL", "DISCLOSURE",
            "SYNC_CONFLICT", "SYNC_CONFLICT_RESOLUTION", "SYNC_PARKED_DISCARD", "SYNC_PARKED_RETRY", "CLAIMS_FEED_BATCH", "CLAIMS_FEED_FILE");

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUsers.class);
    private static final String WRONG_USER_OR_PASSWORD = "28000";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseUsers() {
    }

    /** 32 random bytes as hex: a password H2 takes inline without quoting trouble. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The owner's secret of {@code dataDir}, made on the first open of this version: written to a 600 file
     * beside the database and moved into place in one step, before the database is told, so a crash in between
     * leaves a secret the next open can still set ({@link #connectOwner}).
     */
    static String ownerSecret(Path dataDir) {
        Path file = dataDir.resolve(SECRET_FILE);
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!secret.matches("[0-9a-f]{64}")) {
                    throw new StoreException("The database owner's secret in " + file + " is damaged. Restore the "
                            + "data folder from a backup (the file belongs with the database)", null);
                }
                return secret;
            }
            String secret = newSecret();
            Path temporary = Files.createTempFile(dataDir, SECRET_FILE, ".tmp");
            PrivateFiles.restrict(temporary);
            Files.writeString(temporary, secret + System.lineSeparator(), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.restrict(file);
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                LOG.warn("the data folder has no POSIX permissions: keep it in a folder only this user can read");
            }
            return secret;
        } catch (IOException e) {
            throw new StoreException("The database owner's secret in " + file + " cannot be read or written: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Connects as the owner with {@code secret}. A database made by an earlier version still has the owner's
     * old empty password: it is opened with that once and given the secret, which upgrades the folder in place.
     */
    static Connection connectOwner(String url, String secret) throws SQLException {
        return connectOwner(url, "", secret);
    }

    /**
     * The same for an encrypted file: {@code filePart} is H2's file password with its separating space
     * ({@code "<key> "}), empty for a clear file (docs/adr/0024-encryption-at-rest.md, point 1).
     */
    static Connection connectOwner(String url, String filePart, String secret) throws SQLException {
        try {
            return DriverManager.getConnection(url, OWNER, filePart + secret);
        } catch (SQLException e) {
            if (!WRONG_USER_OR_PASSWORD.equals(e.getSQLState()) || secret.isEmpty()) {
                throw e;
            }
            Connection earlier;
            try {
                earlier = DriverManager.getConnection(url, OWNER, filePart);
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
            try (Statement s = earlier.createStatement()) {
                s.execute("ALTER USER " + OWNER + " SET PASSWORD '" + secret + "'");
            } catch (SQLException failed) {
                earlier.close();
                throw failed;
            }
            LOG.info("database owner's password set (a data folder of an earlier version)");
            return earlier;
        }
    }

    /**
     * Creates the application's user (or gives it {@code password}, new on every open) and grants it, table by
     * table, what it may do: SELECT and INSERT on the append-only tables; SELECT, INSERT, UPDATE and DELETE on
     * the others. Run after the migrations, so the tables a migration added are covered. Flyway's history is
     * the owner's alone.
     */
    static void grantApplicationRights(Connection owner, String password) throws SQLException {
        Set<String> appendOnly = appendOnlyTables(owner);
        List<String> tables = new ArrayList<>();
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE IN ('BASE TABLE', 'VIEW') "
                + "ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + APPLICATION + " PASSWORD '" + password + "'");
            s.execute("ALTER USER " + APPLICATION + " SET PASSWORD '" + password + "'");
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                s.execute("REVOKE ALL ON " + quoted + " FROM " + APPLICATION);
                if (table.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                    continue;
                }
                s.execute("GRANT " + (appendOnly.contains(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE")
                        + " ON " + quoted + " TO " + APPLICATION);
            }
        }
    }

    /** {@link #APPEND_ONLY} and every table that carries {@link AppendOnlyTrigger}. */
    static Set<String> appendOnlyTables(Connection owner) throws SQLException {
        Set<String> tables = new TreeSet<>(APPEND_ONLY);
        try (PreparedStatement ps = owner.prepareStatement("SELECT EVENT_OBJECT_TABLE FROM INFORMATION_SCHEMA.TRIGGERS"
                + " WHERE EVENT_OBJECT_SCHEMA = 'PUBLIC' AND JAVA_CLASS = ?")) {
            ps.setString(1, AppendOnlyTrigger.class.getName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
