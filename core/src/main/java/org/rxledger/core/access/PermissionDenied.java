package org.rxledger.core.access;

import org.rxledger.core.error.RxLedgerException;

/** A use case refused because the signed-in person's roles lack a permission; nothing was changed. */
public final class PermissionDenied extends RxLedgerException {

    private final Permission permission;

    public PermissionDenied(String user, Permission permission, String action) {
        super("PERMISSION_DENIED", user + " may not " + action + ": that needs the permission '"
                + permission.cliName() + "' ("
                + permission.description() + "), which none of " + user + "'s roles has. Nothing was changed.");
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
