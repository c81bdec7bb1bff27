package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;

/** {@code rxledger claims import} and {@code claims list} against a temporary data folder. */
class ClaimsCliTest {

    private static final Path SAMPLE = Path.of("/work/shared/samples/claims-sample.csv");

    @TempDir
    Path data;

    @TempDir
    Path files;

    private Run rxledger(String... args) {
        return CliRunner.on(data).run(args);
    }

    private static Path sample() throws IOException {
        // the shared sample when present (the workstation's own checkout), else the copy in the core test resources
        Path local = Path.of("..", "core", "src", "test", "resources", "org", "rxledger", "core", "claim", "claims-sample.csv");
        return Files.isReadable(SAMPLE) ? SAMPLE : local;
    }

    private JsonNode list() throws IOException {
        Run run = rxledger("claims", "list", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void importsTheSampleThenAReimportAddsNothing() throws IOException {
        Run first = rxledger("claims", "import", sample().toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported 5 claims");

        Run again = rxledger("claims", "import", sample().toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("imported 0 claims").contains("5 already present");
        assertThat(list()).hasSize(5);
    }

    @Test
    void refusesARowWithAnInvalidNpiNamingLineAndColumnAndWritesNothing() throws IOException {
        rxledger("claims", "import", sample().toString());
        List<String> lines = Files.readAllLines(sample(), StandardCharsets.UTF_8);
        // a new claim (Rx 7009999) whose prescriber NPI fails the check digit (1234567893 is valid, …890 is not)
        String bad = lines.get(1).replaceFirst("^7001234,", "7009999,").replace(",1987654328,", ",1234567890,");
        Path file = files.resolve("bad-npi.csv");
        Files.write(file, List.of(lines.get(0), lines.get(2), bad), StandardCharsets.UTF_8);

        Run run = rxledger("claims", "import", file.toString());

        assertThat(run.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(run.err()).contains("bad-npi.csv").contains("line 3").contains("prescriber_npi")
                .contains("1234567890").contains("check digit").contains("Nothing was written");
        assertThat(list()).hasSize(5);

        Run json = rxledger("claims", "import", "--json", file.toString());
        JsonNode o = json.json();
        assertThat(o.get("status").asText()).isEqualTo("rejected");
        assertThat(o.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(o.get("errors").get(0).get("column").asText()).isEqualTo("prescriber_npi");
    }

    @Test
    void listJsonCarriesTheClaimFields() throws IOException {
        rxledger("claims", "import", sample().toString());

        JsonNode claims = list();

        JsonNode first = null;
        for (JsonNode c : claims) {
            if (c.get("rx").asText().equals("7001234")) {
                first = c;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("fill").asInt()).isEqualTo(2);
        assertThat(first.get("dos").asText()).isEqualTo("2025-03-03");
        assertThat(first.get("bin").asText()).isEqualTo("999999");
        assertThat(first.get("ndc").asText()).isEqualTo("12345067890");
        assertThat(first.get("quantity").asText()).isEqualTo("30");
        assertThat(first.get("days_supply").asInt()).isEqualTo(30);
        assertThat(first.get("status").asText()).isEqualTo("PAID");
        assertThat(first.get("gross_amount_due").asText()).isEqualTo("48.25");
        assertThat(first.get("plan_paid").asText()).isEqualTo("21.85");
        assertThat(first.get("patient_pay").asText()).isEqualTo("10.00");
        assertThat(first.get("authorization_number").asText()).isEqualTo("A25071000001");
        assertThat(first.has("payer")).isTrue();
        assertThat(first.has("plan")).isTrue();
        assertThat(first.get("reject_codes").isArray()).isTrue();
    }
}
