package org.rxledger.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.rxledger.core.security.Account;
import org.rxledger.core.security.AccountRepository;
import org.rxledger.core.access.Role;

/** The only writer of table {@code account}. Roles are stored as a comma-separated list of enum names. */
final class JdbiAccountRepository implements AccountRepository {

    private final Handle handle;

    JdbiAccountRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Account> find(String name) {
        return handle.createQuery("SELECT * FROM account WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> account(rs)).findOne();
    }

    @Override
    public List<Account> all() {
        return handle.createQuery("SELECT * FROM account ORDER BY name").map((rs, ctx) -> account(rs)).list();
    }

    @Override
    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one();
    }

    @Override
    public void insert(Account a, Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO account (name, display_name, roles, active, password_hash, failed_attempts,
                                             locked_until, password_changed_at, created_at)
                        VALUES (:name, :display, :roles, :active, :hash, 0, NULL, :changed, :created)""")
                .bind("name", a.name()).bind("display", a.displayName()).bind("roles", roles(a.roles()))
                .bind("active", a.active()).bind("hash", a.passwordHash())
                .bind("changed", utc(a.passwordChangedAt())).bind("created", utc(createdAt))
                .execute();
    }

    @Override
    public void updatePassword(String name, String passwordHash, Instant changedAt) {
        handle.createUpdate("UPDATE account SET password_hash = :hash, password_changed_at = :at WHERE name = :name")
                .bind("hash", passwordHash).bind("at", utc(changedAt)).bind("name", name).execute();
    }

    @Override
    public void updateRolesAndStatus(String name, String displayName, Set<Role> roles, boolean active) {
        handle.createUpdate("UPDATE account SET display_name = :display, roles = :roles, active = :active WHERE name = :name")
                .bind("display", displayName).bind("roles", roles(roles)).bind("active", active).bind("name", name)
                .execute();
    }

    @Override
    public void recordFailure(String name, int failedAttempts, Instant lockedUntil) {
        handle.createUpdate("UPDATE account SET failed_attempts = :n, locked_until = :until WHERE name = :name")
                .bind("n", failedAttempts).bind("until", lockedUntil == null ? null : utc(lockedUntil))
                .bind("name", name).execute();
    }

    @Override
    public void clearFailures(String name) {
        handle.createUpdate("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE name = :name")
                .bind("name", name).execute();
    }

    private static Account account(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getString("name"), rs.getString("display_name"), parseRoles(rs.getString("roles")),
                rs.getBoolean("active"), rs.getString("password_hash"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(),
                rs.getObject("password_changed_at", OffsetDateTime.class).toInstant());
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
