package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;

/** {@code rxledger exceptions list | assign | resolve} on a data directory with the sample 835 imported. */
class ExceptionsCliTest {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = CliRunner.on(dir.resolve("data"));
    }

    @Test
    void listsAssignsAndResolvesItemsOfTheSampleRemittance() throws Exception {
        Path sample = SampleFiles.sample835();
        try (AppContext ctx = AppContext.open(dir.resolve("data"))) {
            ImportOutcome o = ctx.remittanceImports().importFile(sample, ProgressListener.NONE, () -> false);
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        }
        // no claims stored: the four claim payments are unmatched, the PLB WO 6901122-00 names no claim
        assertThat(cli.exit("exceptions", "list", "--json")).isZero();
        JsonNode items = new ObjectMapper().readTree(cli.out());
        assertThat(items).hasSize(5);
        assertThat(items.get(0).get("category").asText()).isEqualTo("UNMATCHED");
        assertThat(items.get(0).get("trace").asText()).isEqualTo("EFT0314A77");
        assertThat(items.get(0).get("status").asText()).isEqualTo("OPEN");
        JsonNode plb = items.get(4);
        assertThat(plb.get("category").asText()).isEqualTo("PLB_UNATTRIBUTED");
        assertThat(plb.get("paid").asText()).isEqualTo("35.00");
        assertThat(plb.get("next_step").asText()).startsWith("Attribute PLB WO 6901122-00 (35.00) to a claim");
        String key = plb.get("key").asText();

        assertThat(cli.exit("exceptions", "assign", key, "--owner", "maria")).isZero();
        assertThat(cli.out()).isEqualTo(key + " assigned: open, owner maria.\n".replace("\n", System.lineSeparator()));

        assertThat(cli.exit("exceptions", "resolve", key)).isNotZero(); // --note is required
        assertThat(cli.exit("exceptions", "resolve", key, "--note", " ")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("a note is required");
        assertThat(cli.exit("exceptions", "resolve", key, "--note", "Audit letter 6901: refund by check")).isZero();
        assertThat(cli.out()).contains(key + " resolved: resolved, owner maria, note: Audit letter 6901");

        assertThat(cli.exit("exceptions", "list", "--category", "plb-unattributed")).isZero();
        assertThat(cli.out()).contains("0 items.");
        assertThat(cli.exit("exceptions", "list", "--status", "resolved", "--json")).isZero();
        JsonNode resolved = new ObjectMapper().readTree(cli.out());
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).get("owner").asText()).isEqualTo("maria");
        assertThat(cli.exit("exceptions", "list")).isZero();
        assertThat(cli.out()).contains("4 items. Unmatched 4");

        Path xlsx = dir.resolve("exceptions.xlsx");
        assertThat(cli.exit("report", "exceptions", "--out", xlsx.toString())).isZero();
        assertThat(cli.out()).contains("exceptions, 4 open and 1 resolved in 2 categories");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                java.nio.file.Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Open items").getRow(4).getCell(4).getStringCellValue()).isEqualTo("EFT0314A77");
            assertThat(wb.getSheet("Resolved").getRow(4).getCell(9).getStringCellValue()).isEqualTo("maria");
        }

        assertThat(cli.exit("exceptions", "resolve", "SHORT_PAID:C999", "--note", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("There is no current exception SHORT_PAID:C999");
        assertThat(cli.exit("exceptions", "list", "--status", "later")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("--status is open, resolved or all");
    }
}
