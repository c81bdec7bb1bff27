package org.rxledger.core.adapters.central;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.ds.PGSimpleDataSource;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.sync.CentralJournal;
import org.rxledger.core.sync.FeedRow;
import org.rxledger.core.sync.CentralSettings;
import org.rxledger.core.sync.CentralUnreachableException;
import org.rxledger.core.sync.OutboundEvent;
import org.rxledger.core.sync.RemoteEvent;

/**
 * {@link CentralJournal} on PostgreSQL (schema {@code db/central}, migrated on connect). One connection per
 * sync run. A push is one transaction holding a lock that orders pushes, so {@code central_seq} values become
 * visible in order and a pull cursor never skips one (ADR 0021). Connection failures become
 * {@link CentralUnreachableException}; their text names the server, never a row's values.
 */
public final class PostgresCentralJournal implements CentralJournal {

    /** Seconds to wait for the server to answer a connection attempt or a statement. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    static final int SOCKET_TIMEOUT_SECONDS = 120;

    private final Handle handle;
    private final String where;

    private PostgresCentralJournal(Handle handle, String where) {
        this.handle = handle;
        this.where = where;
    }

    public static PostgresCentralJournal connect(CentralSettings settings, String password) {
        String where = settings.jdbcUrl().replaceFirst("\\?.*$", "");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(settings.jdbcUrl());
        ds.setUser(settings.user());
        ds.setPassword(password == null ? "" : password);
        ds.setSslmode(settings.tlsMode().sslmode());
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        ds.setApplicationName("RxLedger sync");
        try {
            CentralSchema.migrate(ds);
        } catch (FlywayException e) {
            throw unreachableOr(e, where, "its schema could not be brought up to date");
        }
        try {
            Connection connection = ds.getConnection();
            return new PostgresCentralJournal(Jdbi.open(connection), where);
        } catch (SQLException e) {
            throw unreachableOr(e, where, "connection refused");
        }
    }

    @Override
    public void push(UUID workstation, String workstationName, List<OutboundEvent> batch, Map<String, byte[]> blobs) {
        long maxSeq = batch.stream().mapToLong(o -> o.event().seq()).max().orElse(0);
        guard(() -> handle.useTransaction(h -> {
            // orders pushes: sequence values are handed out and committed one push at a time
            h.execute("LOCK TABLE event IN SHARE ROW EXCLUSIVE MODE");
            h.createUpdate("""
                            INSERT INTO workstation (workstation_id, name) VALUES (:id, :name)
                            ON CONFLICT (workstation_id) DO UPDATE SET name = EXCLUDED.name""")
                    .bind("id", workstation).bind("name", workstationName).execute();
            if (!blobs.isEmpty()) {
                PreparedBatch b = h.prepareBatch("INSERT INTO blob (sha256, bytes) VALUES (:sha, :bytes) ON CONFLICT DO NOTHING");
                blobs.forEach((sha, bytes) -> b.bind("sha", sha).bind("bytes", bytes).add());
                b.execute();
            }
            if (!batch.isEmpty()) {
                PreparedBatch b = h.prepareBatch("""
                        INSERT INTO event (event_id, origin, origin_seq, event_type, payload, context, user_name,
                                           workstation_name, occurred_at)
                        VALUES (:id, :origin, :seq, :type, :payload, :context, :user, :ws, :at)
                        ON CONFLICT (event_id) DO NOTHING""");
                for (OutboundEvent o : batch) {
                    b.bind("id", o.event().eventId()).bind("origin", workstation).bind("seq", o.event().seq())
                            .bind("type", o.event().type()).bind("payload", o.event().payload())
                            .bind("context", o.context()).bind("user", o.event().user())
                            .bind("ws", o.event().workstation())
                            .bind("at", OffsetDateTime.ofInstant(o.event().occurredAt(), ZoneOffset.UTC)).add();
                }
                b.execute();
            }
            h.createUpdate("""
                            UPDATE workstation SET pushed_seq = GREATEST(pushed_seq, :seq), last_push = now()
                            WHERE workstation_id = :id""")
                    .bind("seq", maxSeq).bind("id", workstation).execute();
        }));
    }

    @Override
    public List<RemoteEvent> pull(UUID workstation, long afterCentralSeq, int limit) {
        return guard(() -> handle.createQuery(EVENT + " WHERE central_seq > :after AND origin <> :me ORDER BY central_seq LIMIT :limit")
                .bind("after", afterCentralSeq).bind("me", workstation).bind("limit", limit)
                .map((rs, ctx) -> remote(rs))
                .list());
    }

    private static final String EVENT = """
            SELECT central_seq, event_id, origin, workstation_name, event_type, payload, context, user_name, occurred_at
            FROM event""";

    private static RemoteEvent remote(java.sql.ResultSet rs) throws SQLException {
        return new RemoteEvent(rs.getLong("central_seq"), rs.getObject("event_id", UUID.class),
                rs.getObject("origin", UUID.class), rs.getString("workstation_name"), rs.getString("event_type"),
                rs.getString("payload"), rs.getString("context"), rs.getString("user_name"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public Optional<RemoteEvent> event(long centralSeq) {
        return guard(() -> handle.createQuery(EVENT + " WHERE central_seq = :seq").bind("seq", centralSeq)
                .map((rs, ctx) -> remote(rs)).findOne());
    }

    @Override
    public Optional<byte[]> blob(String sha256) {
        return guard(() -> handle.createQuery("SELECT bytes FROM blob WHERE sha256 = :sha").bind("sha", sha256)
                .mapTo(byte[].class).findOne());
    }

    @Override
    public List<FeedRow> claimsFeedBatch(long afterSeq) {
        return guard(() -> handle.createQuery("""
                        SELECT * FROM claims_feed
                        WHERE feed_seq > :after
                          AND batch = (SELECT batch FROM claims_feed WHERE feed_seq > :after ORDER BY feed_seq LIMIT 1)
                        ORDER BY feed_seq""")
                .bind("after", afterSeq)
                .map((rs, ctx) -> {
                    Map<String, String> values = new HashMap<>();
                    for (ClaimField f : ClaimField.values()) {
                        values.put(f.column(), rs.getString(f.column()));
                    }
                    return new FeedRow(rs.getLong("feed_seq"), rs.getString("batch"), values);
                })
                .list());
    }

    @Override
    public long eventCount() {
        return guard(() -> handle.createQuery("SELECT COUNT(*) FROM event").mapTo(Long.class).one());
    }

    @Override
    public void close() {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // a connection already cut has nothing left to close
        }
    }

    private <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw unreachableOr(e, where, "the connection was lost");
        }
    }

    private void guard(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }

    /** A connection-class failure (SQL state 08…, 57P01 shutdown, 28… login, a socket error) is "unreachable"; the rest is rethrown. */
    static RuntimeException unreachableOr(Exception e, String where, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28") || state.startsWith("3D")) {
                    return new CentralUnreachableException(where + ": " + what + " (SQL state " + state + ")", e);
                }
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketException) {
                return new CentralUnreachableException(where + ": " + what + " (" + t.getClass().getSimpleName() + ")", e);
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(where + ": " + what, e);
    }
}
