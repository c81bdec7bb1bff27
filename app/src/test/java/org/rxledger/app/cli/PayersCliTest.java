package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;

class PayersCliTest {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = CliRunner.on(dir.resolve("data"));
    }

    @Test
    void importsListsExportsAndMergesTheDirectory() throws Exception {
        Path csv = Files.write(dir.resolve("payers.csv"), List.of("payer_name,remit_payer_id,bin,pcn,group_id",
                "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,", "Northstar old,,610502,NSOLD,"));

        assertThat(cli.exit("payers", "import", csv.toString())).isZero();
        assertThat(cli.out()).contains("payers.csv: 2 payer(s) created").contains("2 routing(s) added");

        assertThat(cli.exit("payers", "list", "--json")).isZero();
        JsonNode list = new ObjectMapper().readTree(cli.out());
        assertThat(list).hasSize(2);
        JsonNode northstar = list.get(0).get("name").asText().startsWith("NORTHSTAR") ? list.get(0) : list.get(1);
        JsonNode old = northstar == list.get(0) ? list.get(1) : list.get(0);
        assertThat(northstar.get("routings").get(0).get("bin").asText()).isEqualTo("610502");
        assertThat(northstar.get("routings").get(0).get("pcn").asText()).isEqualTo("NSRX");
        assertThat(northstar.get("clp07").get("carries").asText()).isEqualTo("UNKNOWN");

        assertThat(cli.exit("payers", "merge", "--payer", old.get("id").asText(), "--into", northstar.get("id").asText(),
                "--reason", "same PBM")).isZero();
        assertThat(cli.exit("payers", "list")).isZero();
        assertThat(cli.out()).contains("NORTHSTAR RX BENEFITS").contains("PCN NSOLD").contains("merged into NORTHSTAR RX BENEFITS")
                .contains("1 payer(s), 1 merged");

        Path out = dir.resolve("export.csv");
        assertThat(cli.exit("payers", "export", "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out)).first().isEqualTo("payer_name,remit_payer_id,bin,pcn,group_id");
        assertThat(Files.readString(out)).contains("NORTHSTAR RX BENEFITS,1555555555,610502,NSOLD,")
                .doesNotContain("Northstar old");
    }

    @Test
    void aBadFileIsRefusedByLineAndColumnAndNothingIsWritten() throws Exception {
        Path csv = Files.write(dir.resolve("payers.csv"), List.of("payer_name,remit_payer_id,bin,pcn,group_id",
                "NORTHSTAR RX BENEFITS,,610502,NSRX,", "Other,,61050X,,"));

        assertThat(cli.exit("payers", "import", csv.toString())).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("payers.csv line 3, column bin: BIN must be exactly 6 digits, found '61050X'")
                .contains("Nothing was written");
        assertThat(cli.exit("payers", "list", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).isEmpty();
    }
}
