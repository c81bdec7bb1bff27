package org.rxledger.core.security;

import org.rxledger.core.access.Session;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionDenied;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.tx.Transactions;

/**
 * The one permission check (issue 16 item 2). A use case calls {@link #require} before it writes;
 * a refusal is recorded in the audit trail in a transaction of its own (the use case itself writes
 * nothing) and thrown as {@link PermissionDenied}, whose message names the permission.
 */
public final class Authorizer {

    /** Audit action of a refused use case. */
    public static final String AUDIT_REFUSED = "PERMISSION_DENIED";

    private final Transactions transactions;

    public Authorizer(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The check of {@link Transactions#inTransaction(Permission, String, Transactions.Work)}: against the person
     * signed in to {@code transactions}.
     *
     * @throws RxLedgerException {@code NOT_SIGNED_IN} when nobody is (recorded like a refusal)
     * @throws PermissionDenied when the signed-in person's roles lack {@code permission}
     */
    public void require(Permission permission, String action) {
        Optional<Session> session = transactions.session();
        if (session.isPresent()) {
            require(session.get(), permission, action);
            return;
        }
        transactions.inTransaction(tx -> {
            tx.port(AuditTrail.class).record(AUDIT_REFUSED, "account", tx.actor().user(), Map.of("permission", permission.name(),
                    "action", action, "workstation", tx.actor().workstation(), "reason", "nobody signed in"));
            return null;
        });
        throw new RxLedgerException("NOT_SIGNED_IN", "Nobody is signed in, and to " + action + " needs the permission '"
                + permission.cliName() + "'. Sign in first (on the command line: --user NAME). "
                + "Nothing was changed.");
    }

    /**
     * @param action what the person tried, in words that complete "may not …" ("unpost a payment")
     * @throws PermissionDenied when none of the session's roles grants {@code permission}
     */
    public void require(Session session, Permission permission, String action) {
        if (session.may(permission)) {
            return;
        }
        transactions.inTransaction(tx -> {
            tx.port(AuditTrail.class).record(AUDIT_REFUSED, "account", session.user(), Map.of("permission", permission.name(),
                    "action", action, "workstation", session.workstation(), "roles", session.roles().toString()));
            return null;
        });
        throw new PermissionDenied(session.user(), permission, action);
    }
}
