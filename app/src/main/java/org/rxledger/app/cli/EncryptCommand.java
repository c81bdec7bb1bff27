package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.rxledger.core.access.Actor;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.store.DatabaseEncryption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger encrypt}: a clear-text office (made before encryption, or by a command on an empty folder) becomes
 * an encrypted one, all or nothing, with a copy kept first (docs/adr/0024-encryption-at-rest.md, point 6).
 */
@Command(name = "encrypt", description = "Encrypt this office's database (administrator; a copy is kept first and every "
        + "row is counted before and after). Other accounts get their key at their next sign-in at the workstation.")
final class EncryptCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.nio.file.Path dir = root.dataDir();
        String name = root.user != null && !root.user.isBlank() ? root.user : CliSignIn.environment.apply(CliSignIn.ENV_USER);
        CliSignIn.Credentials who = name == null || name.isBlank() ? null
                : CliSignIn.forEncryptedOffice(name, root.passwordStdin, false);
        DatabaseEncryption.Result result;
        try {
            result = DatabaseEncryption.encrypt(new OfficeKeys(dir), Actor.fromOperatingSystem(), Clock.systemDefaultZone(),
                    who == null ? null : who.name(), who == null ? null : who.password());
        } finally {
            if (who != null) {
                Arrays.fill(who.password(), '\0');
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("The office in " + dir + " is encrypted: " + result.tables() + " tables, " + result.rows()
                + " rows, each counted before and after.");
        out.println("A copy of the office before encryption is in " + result.backup() + ": it holds the data in clear, so "
                + "keep it only until you have checked the office opens, then delete it (or store it encrypted).");
        out.println(who == null ? "The office has no account yet: its key is claimed by the first account created."
                : "Other accounts receive their key when they next sign in at the workstation; an administrator can also "
                + "reset their passwords. Export the recovery code now: rxledger keys recovery-export");
        out.flush();
        return 0;
    }
}
