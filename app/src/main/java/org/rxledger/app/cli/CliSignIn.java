package org.rxledger.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.rxledger.app.AppContext;
import org.rxledger.core.demo.DemoAccounts;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;

/**
 * Who a command acts as (issue 16, docs/adr/0020-sign-in-and-enforcement.md): {@code --user NAME} or
 * {@code RXLEDGER_USER}, the password from {@code RXLEDGER_PASSWORD}, the first line of standard input
 * ({@code --password-stdin}) or the terminal. Without a name, the demo office signs in {@value #DEMO_USER}
 * (its password is public), and an office without accounts acts as the operating-system user; any other
 * office refuses. The password is never a command-line argument (it would show in the process list).
 */
final class CliSignIn {

    static final String ENV_USER = "RXLEDGER_USER";
    static final String ENV_PASSWORD = "RXLEDGER_PASSWORD";
    /** The demo office's account a command uses when no one is named: every permission, so every documented command works. */
    static final String DEMO_USER = "demo-admin";

    /** The environment; tests replace it (a JVM cannot set its own environment). */
    static UnaryOperator<String> environment = System::getenv;

    private CliSignIn() {
    }

    /**
     * Signs the command's person in to {@code ctx}.
     *
     * @param readsData false for a command that only imports (the inbox's service account has no {@code view})
     */
    static void signIn(AppContext ctx, String user, boolean passwordStdin, boolean readsData) {
        String name = user != null && !user.isBlank() ? user : environment.apply(ENV_USER);
        if (name == null || name.isBlank()) {
            if (ctx.signInIfNoAccounts()) {
                return;
            }
            if (!DemoOffice.isDemo(ctx.transactions())) {
                throw new RxLedgerCommand.UsageError("this office has accounts: sign in with --user NAME (or " + ENV_USER
                        + "); the password comes from " + ENV_PASSWORD + ", --password-stdin or the terminal");
            }
            name = DEMO_USER;
            start(ctx, name, DemoAccounts.PASSWORD.toCharArray());
        } else {
            start(ctx, name.strip(), password(name.strip(), passwordStdin));
        }
        if (readsData) {
            ctx.require(Permission.VIEW, "read the office's claims and remittances");
        }
    }

    /** Who signs in to an encrypted office, known before it opens: their password unwraps its key first. */
    record Credentials(String name, char[] password) {
    }

    /**
     * The name and password for an encrypted office (docs/adr/0024-encryption-at-rest.md): the same sources as
     * {@link #signIn}; without a name only the demo office signs {@value #DEMO_USER} in.
     */
    static Credentials forEncryptedOffice(String user, boolean passwordStdin, boolean demo) {
        String name = user != null && !user.isBlank() ? user : environment.apply(ENV_USER);
        if (name == null || name.isBlank()) {
            if (!demo) {
                throw new RxLedgerCommand.UsageError("this office has accounts: sign in with --user NAME (or " + ENV_USER
                        + "); the password comes from " + ENV_PASSWORD + ", --password-stdin or the terminal (the office "
                        + "is encrypted: the password also opens it)");
            }
            return new Credentials(DEMO_USER, DemoAccounts.PASSWORD.toCharArray());
        }
        return new Credentials(name.strip(), password(name.strip(), passwordStdin));
    }

    /** Signs in to an encrypted office opened with {@code who}'s key; clears the password. */
    static void signIn(AppContext ctx, Credentials who, boolean readsData) {
        start(ctx, who.name(), who.password());
        if (readsData) {
            ctx.require(Permission.VIEW, "read the office's claims and remittances");
        }
    }

    private static void start(AppContext ctx, String name, char[] password) {
        try {
            Session session = ctx.accounts().signIn(name, password, ctx.actor().workstation());
            ctx.transactions().signIn(session);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] password(String name, boolean passwordStdin) {
        String fromEnvironment = environment.apply(ENV_PASSWORD);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (passwordStdin) {
            return firstLineOfStandardInput();
        }
        Console console = System.console();
        if (console == null) {
            throw new RxLedgerCommand.UsageError("no terminal to ask for " + name + "'s password; give it on standard "
                    + "input with --password-stdin or in " + ENV_PASSWORD);
        }
        char[] typed = console.readPassword("Password for %s: ", name);
        if (typed == null) {
            throw new RxLedgerCommand.UsageError("no password was typed for " + name);
        }
        return typed;
    }

    /** The first line of standard input, for {@code --password-stdin} (also {@code init}'s new administrator). */
    static char[] firstLineOfStandardInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new RxLedgerCommand.UsageError("--password-stdin: standard input had no password line");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
