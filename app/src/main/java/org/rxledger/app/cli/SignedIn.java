package org.rxledger.app.cli;

import org.rxledger.app.AppContext;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;

/**
 * The person a command that changes money or holds acts as (issue 18): the one the command line signed in
 * ({@code --user} and the password, or the demo office's default; {@link CliSignIn}). The permission check itself is
 * the use case's.
 */
final class SignedIn {

    Session signIn(AppContext ctx) {
        return ctx.transactions().session().orElseThrow(() -> new RxLedgerException("NOT_SIGNED_IN",
                "This command changes patient accounts and must name who does it: sign in with --user NAME."));
    }
}
