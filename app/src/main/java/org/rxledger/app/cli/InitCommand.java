package org.rxledger.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.office.OfficeSetup;
import org.rxledger.core.security.Account;
import org.rxledger.core.security.KeySlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger init}: a new office in an empty data folder, headless — the pharmacy's identity and
 * the first administrator (the password from the terminal, or the first line of standard input with
 * {@code --password-stdin}, so scripts never put it on a command line).
 */
@Command(name = "init", description = "Set up a new office in an empty data folder: the pharmacy's identity and its "
        + "first account, an administrator.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--office", required = true, paramLabel = "NAME", description = "The pharmacy's name as printed.")
    String office;

    @Option(names = "--npi", required = true, description = "The pharmacy's NPI (10 digits).")
    String npi;

    @Option(names = "--ncpdp", required = true, paramLabel = "ID", description = "The NCPDP provider id (7 digits).")
    String ncpdp;

    @Option(names = "--admin", required = true, paramLabel = "USER", description = "Name of the first account (admin).")
    String admin;

    @Option(names = "--admin-name", paramLabel = "NAME", description = "The administrator's display name.")
    String adminName;

    @Option(names = "--address") String address;
    @Option(names = "--city") String city;
    @Option(names = "--state", description = "Two-letter state code.") String state;
    @Option(names = "--zip") String zip;
    @Option(names = "--phone") String phone;

    @Override
    public Integer call() throws IOException {
        // validate the office before asking for a password or touching the folder
        OfficeSetup.NewOffice newOffice = new OfficeSetup.NewOffice(office, npi, ncpdp, address, city, state, zip, phone);
        char[] password = password();
        try (AppContext ctx = root.openContextToSetUp(false)) {
            Account created = new OfficeSetup(ctx.transactions(), ctx.accounts())
                    .initialise(newOffice, admin, adminName, password);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Office " + newOffice.pharmacyName() + " (NPI " + newOffice.npi() + ", NCPDP " + newOffice.ncpdpId()
                    + ") set up in " + ctx.dataDir() + "; administrator '" + created.name() + "' can sign in.");
            if (ctx.database().keySlots() != KeySlots.NONE) {
                out.println("The office's database is encrypted; each account's password opens it.");
                KeysCommand.printRecoveryCode(out, ctx.database().keySlots().exportRecoveryCode());
            }
            out.flush();
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password() throws IOException {
        if (root.passwordStdin) {
            return CliSignIn.firstLineOfStandardInput();
        }
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), "no terminal to ask for the administrator's password; "
                    + "give it on standard input with --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", admin);
        char[] again = console.readPassword("The same password again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            throw new ParameterException(spec.commandLine(), "the two passwords differ; nothing was changed");
        }
        Arrays.fill(again, '\0');
        return first;
    }
}
