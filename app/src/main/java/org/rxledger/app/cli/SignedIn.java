package org.rxledger.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rxledger.app.AppContext;
import org.rxledger.core.access.Session;
import picocli.CommandLine.Option;

/**
 * The options of a command that changes money or holds and must name the person doing it (issue 18): {@code --user}
 * and the password from the terminal or, with {@code --password-stdin}, the first line of standard input (so a
 * script never puts it on a command line). The permission check itself is the use case's.
 */
final class SignedIn {

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Your account (the person who acts).")
    String user;

    @Option(names = "--password-stdin", description = "Read your password from the first line of standard input.")
    boolean passwordStdin;

    Session signIn(AppContext ctx) {
        char[] password = password();
        try {
            return ctx.accounts().signIn(user, password, ctx.actor().workstation());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password() {
        if (passwordStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new RxLedgerCommand.UsageError("--password-stdin: standard input had no password line");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new RxLedgerCommand.UsageError("no terminal to ask for " + user + "'s password; give it on standard input "
                    + "with --password-stdin");
        }
        return console.readPassword("Password for %s: ", user);
    }
}
