package org.rxledger.core.security;

import org.rxledger.core.access.Role;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionMatrix;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named person (or service) who signs in. Named accounts only — no shared "billing" login
 * (DOMAIN.md §9). The password hash never leaves the security area's use cases.
 *
 * @param lockedUntil when repeated failures locked the account, until when; null when not locked
 */
public record Account(String name, String displayName, Set<Role> roles, boolean active, String passwordHash,
                      int failedAttempts, Instant lockedUntil, Instant passwordChangedAt) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Set<Permission> permissions() {
        return PermissionMatrix.permissionsOf(roles);
    }
}
