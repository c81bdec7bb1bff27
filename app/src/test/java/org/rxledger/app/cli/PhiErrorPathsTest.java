package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.store.TestOwner;
import org.slf4j.LoggerFactory;

/**
 * Issue 23 item 8: every error path fed with recognisable test patients — a value too long for its column,
 * a database failure while storing, files that are not what they claim — and then the log file (written by
 * the production logging configuration), stderr and any H2 trace file are searched for those patients'
 * names, member ids and dates of birth. None may be there.
 */
class PhiErrorPathsTest {

    private static final String FIRST = "ZZQPHIFIRST";
    private static final String LAST = "ZZQPHILAST";
    private static final String MEMBER = "ZQXPHI00001";
    private static final String DOB = "1931-07-19";
    private static final List<String> PHI = List.of(FIRST, LAST, MEMBER, DOB, "19310719");

    @TempDir
    Path data;

    @TempDir
    Path files;

    private final StringBuilder stderr = new StringBuilder();

    @BeforeEach
    void productionLogging() throws JoranException {
        System.setProperty("rxledger.logdir", data.resolve("logs").toString());
        configureLogging("/logback.xml");
    }

    @AfterEach
    void testLogging() throws JoranException {
        configureLogging("/logback-test.xml");
        System.clearProperty("rxledger.logdir");
    }

    private static void configureLogging(String resource) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(PhiErrorPathsTest.class.getResource(resource));
    }

    /** The sample claims with its first patient renamed to the test patient. */
    private String claims() throws IOException {
        String[] lines = Files.readString(DataFolderCliTest.claimsSample(files), StandardCharsets.UTF_8).split("\n");
        lines[1] = lines[1].replace("ALPHA", FIRST).replace("TESTPATIENT", LAST).replace("ZQX00012345", MEMBER).replace("1962-04-15", DOB);
        return String.join("\n", lines) + "\n";
    }

    private Run run(String... args) {
        Run run = CliRunner.on(data).run(args);
        stderr.append(run.err()).append(run.out());
        return run;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    @Test
    void noErrorPathWritesAPatientsNameMemberIdOrBirthDateAnywhere() throws Exception {
        // values too long or too large for their columns: refused before the database, naming line and column
        String tooLong = claims().replace(MEMBER, MEMBER + "X".repeat(14)).replace(LAST, LAST + "Y".repeat(60));
        assertThat(run("claims", "import", write("too-long.csv", tooLong.getBytes(StandardCharsets.UTF_8)).toString()).exit())
                .isEqualTo(Cli.EXIT_REJECTED);
        String tooLarge = claims().replace(",46.50,", ",12345678901234567.00,");
        assertThat(run("claims", "import", write("too-large.csv", tooLarge.getBytes(StandardCharsets.UTF_8)).toString()).exit())
                .isEqualTo(Cli.EXIT_REJECTED);

        // files that are not UTF-8 CSV, or not an 835
        assertThat(run("claims", "import", write("latin1.csv", claims().replace(FIRST, FIRST + "É").getBytes(StandardCharsets.ISO_8859_1))
                .toString()).exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(run("claims", "import", write("binary.csv", ("PK\u0003\u0004\u0000" + claims()).getBytes(StandardCharsets.UTF_8))
                .toString()).exit()).isEqualTo(Cli.EXIT_REJECTED);
        String remit = Files.readString(SampleFiles.sample835(), StandardCharsets.ISO_8859_1)
                .replace("NM1*QC*1*TESTPATIENT*ALPHA****MI*ZQX00012345", "NM1*QC*1*" + LAST + "*" + FIRST + "****MI*" + MEMBER);
        run("remit", "import", write("truncated.835", remit.substring(0, remit.indexOf(MEMBER) + 40).getBytes(StandardCharsets.ISO_8859_1))
                .toString());
        // a patient name longer than its column in an 835 (refused, or failing in the database, depending on the checks)
        run("remit", "import", write("long-name.835", remit.replace("*" + LAST + "*", "*" + LAST + "Z".repeat(300) + "*")
                .getBytes(StandardCharsets.ISO_8859_1)).toString());

        // a database failure while storing a valid file: a constraint the test adds refuses the patient row
        CliRunner.on(data).read(ctx -> {
            TestOwner.jdbi(ctx.database()).useHandle(h -> h.execute("ALTER TABLE patient ADD CONSTRAINT test_refuses_patients CHECK (last_name <> '"
                    + LAST + "')"));
            return null;
        });
        Run failed = run("claims", "import", "--json", write("valid.csv", claims().getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(failed.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(failed.err()).contains("SQL state 23513").contains("constraint TEST_REFUSES_PATIENTS").contains("table PATIENT");

        List<Path> searched = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            all.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".trace.db")).forEach(searched::add);
        }
        assertThat(searched).extracting(p -> p.getFileName().toString()).contains("rxledger.log");
        for (Path p : searched) {
            String text = Files.readString(p, StandardCharsets.ISO_8859_1);
            assertThat(text).as(p.getFileName().toString()).doesNotContainIgnoringCase(FIRST).doesNotContainIgnoringCase(LAST)
                    .doesNotContain(MEMBER).doesNotContain(DOB).doesNotContain("19310719");
        }
        assertThat(Files.readString(data.resolve("logs").resolve("rxledger.log"))).contains("command failed").contains("SQL state 23513");
        for (String value : PHI) {
            assertThat(stderr.toString()).as("stderr and stdout").doesNotContainIgnoringCase(value);
        }
    }
}
