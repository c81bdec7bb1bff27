package org.rxledger.app.testdata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Function;
import org.rxledger.app.AppContext;
import org.rxledger.app.cli.Cli;
import picocli.CommandLine;

/**
 * Runs {@code rxledger} commands in-process against one data folder for the command-line tests: each run builds
 * {@link Cli#commandLine} with a workstation starter that returns 0 (never starts the desktop), prepends
 * {@code --data <folder>}, captures stdout and stderr in fresh writers and returns them with the exit code.
 */
public final class CliRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command's exit code and captured output. */
    public record Run(int exit, String out, String err) {

        /** {@link #out} parsed as JSON. */
        public JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        /** {@link #out} parsed as JSON into {@code type}. */
        public <T> T json(TypeReference<T> type) throws IOException {
            return JSON.readValue(out, type);
        }
    }

    private final Path data;
    private Run last = new Run(0, "", "");

    private String account;
    private String password;

    private CliRunner(Path data) {
        this.data = data;
    }

    /** {@link #read} opens an encrypted office with this account's password. */
    public CliRunner as(String account, String password) {
        this.account = account;
        this.password = password;
        return this;
    }

    /** A runner whose commands all read and write {@code data}. */
    public static CliRunner on(Path data) {
        return new CliRunner(data);
    }

    /** Runs {@code rxledger --data <folder> args...}. */
    public Run run(String... args) {
        return run(Cli.commandLine(d -> 0), args);
    }

    /** Runs {@code args} with a command line the test has adjusted (say, an extra subcommand). */
    public Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cl.execute(all);
        last = new Run(exit, out.toString(), err.toString());
        return last;
    }

    /** Runs like {@link #run(String...)} and returns only the exit code; {@link #out()} and {@link #err()} hold the output. */
    public int exit(String... args) {
        return run(args).exit();
    }

    /** Standard output of the latest run. */
    public String out() {
        return last.out();
    }

    /** Standard error of the latest run. */
    public String err() {
        return last.err();
    }

    /**
     * Opens the data folder, applies {@code f} and closes it again (to check what a command stored). An encrypted office
     * opens with the key of {@link #as}'s account, or the demo office's demo-admin.
     */
    public <T> T read(Function<AppContext, T> f) {
        try (AppContext ctx = account == null ? Offices.openDemo(data) : Offices.open(data, account, password)) {
            return f.apply(ctx);
        }
    }
}
