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
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;

class DepositsCliTest {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = CliRunner.on(dir.resolve("data"));
    }

    private void importSample() {
        Path sample = SampleFiles.sample835();
        try (AppContext ctx = AppContext.open(dir.resolve("data"))) {
            ImportOutcome o = ctx.remittanceImports().importFile(sample, ProgressListener.NONE, () -> false);
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        }
    }

    @Test
    void aPaymentWithoutDepositIsListedUntilTheDepositIsEntered() throws Exception {
        importSample();

        assertThat(cli.exit("deposits", "unmatched", "--json")).isZero();
        JsonNode before = new ObjectMapper().readTree(cli.out());
        assertThat(before.get("payments_without_deposit")).hasSize(1);
        assertThat(before.get("payments_without_deposit").get(0).get("trace").asText()).isEqualTo("EFT0314A77");
        assertThat(before.get("payments_without_deposit").get(0).get("amount").asText()).isEqualTo("206.82");

        assertThat(cli.exit("deposits", "add", "--date", "2025-03-14", "--amount", "206.82", "--trace", "EFT0314A77")).isZero();
        assertThat(cli.out()).startsWith("Deposit 1 recorded: ACH / EFT 206.82 on 2025-03-14");

        assertThat(cli.exit("deposits", "unmatched", "--json")).isZero();
        JsonNode after = new ObjectMapper().readTree(cli.out());
        assertThat(after.get("payments_without_deposit")).isEmpty();
        assertThat(after.get("deposits_without_remittance")).isEmpty();
    }

    @Test
    void aBadStatementIsRefusedWithLineAndColumnAndNothingIsWritten() throws Exception {
        Path csv = Files.write(dir.resolve("bank.csv"), List.of("deposit_date,amount,trace_number",
                "2025-03-14,12.00,EFT1", "2025-03-15,twelve,EFT2"));

        assertThat(cli.exit("deposits", "import", csv.toString())).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("bank.csv line 3, column amount: 'twelve' is not an amount");

        assertThat(cli.exit("deposits", "list", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).isEmpty();
    }

    @Test
    void aDepositWithoutRemittanceIsListedAndCanBeVoided() throws Exception {
        Path csv = Files.write(dir.resolve("bank.csv"), List.of("deposit_date,amount,trace_number,method",
                "2025-03-14,12.00,CHK 991,check"));
        assertThat(cli.exit("deposits", "import", csv.toString())).isZero();
        assertThat(cli.out()).contains("imported 1 deposit");

        assertThat(cli.exit("deposits", "unmatched")).isZero();
        assertThat(cli.out()).contains("Deposits without remittance (1):").contains("CHK 991");

        assertThat(cli.exit("deposits", "void", "--id", "1", "--reason", "another pharmacy's check")).isZero();
        assertThat(cli.exit("deposits", "unmatched", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("deposits_without_remittance")).isEmpty();
        assertThat(cli.exit("deposits", "void", "--id", "1", "--reason", "again")).isEqualTo(Cli.EXIT_REJECTED);
    }
}
