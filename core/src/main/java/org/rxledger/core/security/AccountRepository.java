package org.rxledger.core.security;

import org.rxledger.core.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the office's accounts (table {@code account}). Only the security area's use cases write it. */
public interface AccountRepository {

    Optional<Account> find(String name);

    List<Account> all();

    long count();

    void insert(Account account, Instant createdAt);

    void updatePassword(String name, String passwordHash, Instant changedAt);

    void updateRolesAndStatus(String name, String displayName, Set<Role> roles, boolean active);

    /** After a failed sign-in: the new count and, when it reached the limit, the end of the lock. */
    void recordFailure(String name, int failedAttempts, Instant lockedUntil);

    /** After a successful sign-in or an admin's unlock. */
    void clearFailures(String name);
}
