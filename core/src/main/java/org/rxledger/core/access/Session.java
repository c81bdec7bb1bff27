package org.rxledger.core.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in person at a workstation: who acts ({@link #actor()}) and what they may do.
 * {@link Authorizer#require} is the one check every data-changing use case makes before it writes.
 */
public record Session(String user, String displayName, Set<Role> roles, String workstation, Instant signedInAt) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Objects.requireNonNull(workstation, "workstation");
    }

    public Actor actor() {
        return new Actor(user, workstation);
    }

    public boolean may(Permission permission) {
        return PermissionMatrix.allows(roles, permission);
    }
}
