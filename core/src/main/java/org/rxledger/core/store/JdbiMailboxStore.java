package org.rxledger.core.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rxledger.core.sync.MailboxSettings;
import org.rxledger.core.sync.MailboxStore;

/** {@link MailboxStore} on the workstation's H2 (tables mailbox_settings and mailbox_file of V027). */
public final class JdbiMailboxStore implements MailboxStore {

    private final Jdbi jdbi;

    public JdbiMailboxStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<MailboxSettings> settings() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT host, port, user_name, remote_dir, key_file, known_hosts, claims_dir FROM mailbox_settings WHERE id = 1")
                .map((rs, ctx) -> new MailboxSettings(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .findOne());
    }

    @Override
    public void saveSettings(MailboxSettings s, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        MERGE INTO mailbox_settings (id, host, port, user_name, remote_dir, key_file, known_hosts, claims_dir,
                                                     saved_at)
                        KEY (id) VALUES (1, :host, :port, :user, :dir, :key, :known, :claims, :at)""")
                .bind("host", s.host()).bind("port", s.port()).bind("user", s.user()).bind("dir", s.remoteDir())
                .bind("claims", s.claimsDir())
                .bind("key", s.keyFile()).bind("known", s.knownHosts())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute());
    }

    @Override
    public boolean seen(String remoteName, long size) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mailbox_file WHERE remote_name = :n AND size_bytes = :s")
                .bind("n", remoteName).bind("s", size).mapTo(Integer.class).one() > 0);
    }

    @Override
    public boolean seen(String remoteName, long size, String sha256) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM mailbox_file WHERE remote_name = :n AND size_bytes = :s AND sha256 = :h")
                .bind("n", remoteName).bind("s", size).bind("h", sha256).mapTo(Integer.class).one() > 0);
    }

    @Override
    public void remember(SeenFile f) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO mailbox_file (remote_name, size_bytes, sha256, outcome, message, fetched_at)
                        VALUES (:n, :s, :h, :o, :m, :at)""")
                .bind("n", f.remoteName()).bind("s", f.size()).bind("h", f.sha256()).bind("o", f.outcome().name())
                .bind("m", f.message()).bind("at", OffsetDateTime.ofInstant(f.fetchedAt(), ZoneOffset.UTC)).execute());
    }

    @Override
    public List<SeenFile> files() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT remote_name, size_bytes, sha256, outcome, message, fetched_at FROM mailbox_file
                        ORDER BY fetched_at, remote_name""")
                .map((rs, ctx) -> new SeenFile(rs.getString(1), rs.getLong(2), rs.getString(3),
                        Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public Optional<ClaimsFile> claimsFile(String remoteName, long size, String sha256) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(CLAIMS_FILE + " WHERE remote_name = :n AND size_bytes = :s"
                    + (sha256 == null ? "" : " AND sha256 = :h") + " ORDER BY fetched_at DESC LIMIT 1");
            if (sha256 != null) {
                q.bind("h", sha256);
            }
            return q.bind("n", remoteName).bind("s", size).map((rs, ctx) -> claimsFile(rs)).findOne();
        });
    }

    @Override
    public Optional<ClaimsFile> importedClaimsFile(String sha256) {
        return jdbi.withHandle(h -> h.createQuery(CLAIMS_FILE + " WHERE sha256 = :h AND outcome = 'IMPORTED'")
                .bind("h", sha256).map((rs, ctx) -> claimsFile(rs)).findFirst());
    }

    private static final String CLAIMS_FILE = """
            SELECT remote_name, size_bytes, sha256, outcome, imported, skipped, message, fetched_at FROM claims_feed_file""";

    private static ClaimsFile claimsFile(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ClaimsFile(rs.getString(1), rs.getLong(2), rs.getString(3), Outcome.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    @Override
    public void remember(ClaimsFile f) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO claims_feed_file (remote_name, size_bytes, sha256, outcome, imported, skipped, message, fetched_at)
                        VALUES (:n, :s, :h, :o, :i, :k, :m, :at)""")
                .bind("n", f.remoteName()).bind("s", f.size()).bind("h", f.sha256()).bind("o", f.outcome().name())
                .bind("i", f.imported()).bind("k", f.skipped())
                .bind("m", f.message().length() <= 4000 ? f.message() : f.message().substring(0, 3999) + "…")
                .bind("at", OffsetDateTime.ofInstant(f.fetchedAt(), ZoneOffset.UTC)).execute());
    }
}
