package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ProgressListener;

class DepositsCliTest {

    private static final Path SAMPLE_835 = Path.of("..", "..", "shared", "samples", "sample835.edi");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all, new PrintWriter(out), new PrintWriter(err), d -> 0);
    }

    private void importSample() {
        Path sample = Path.of(System.getProperty("user.dir")).resolve(SAMPLE_835).normalize();
        try (AppContext ctx = AppContext.open(dir.resolve("data"))) {
            ImportOutcome o = ctx.remittanceImports().importFile(sample, ProgressListener.NONE, () -> false);
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        }
    }

    @Test
    void aPaymentWithoutDepositIsListedUntilTheDepositIsEntered() throws Exception {
        importSample();

        assertThat(run("deposits", "unmatched", "--json")).isZero();
        JsonNode before = new ObjectMapper().readTree(out.toString());
        assertThat(before.get("payments_without_deposit")).hasSize(1);
        assertThat(before.get("payments_without_deposit").get(0).get("trace").asText()).isEqualTo("EFT0314A77");
        assertThat(before.get("payments_without_deposit").get(0).get("amount").asText()).isEqualTo("206.82");

        assertThat(run("deposits", "add", "--date", "2025-03-14", "--amount", "206.82", "--trace", "EFT0314A77")).isZero();
        assertThat(out.toString()).startsWith("Deposit 1 recorded: ACH / EFT 206.82 on 2025-03-14");

        assertThat(run("deposits", "unmatched", "--json")).isZero();
        JsonNode after = new ObjectMapper().readTree(out.toString());
        assertThat(after.get("payments_without_deposit")).isEmpty();
        assertThat(after.get("deposits_without_remittance")).isEmpty();
    }

    @Test
    void aBadStatementIsRefusedWithLineAndColumnAndNothingIsWritten() throws Exception {
        Path csv = Files.write(dir.resolve("bank.csv"), List.of("deposit_date,amount,trace_number",
                "2025-03-14,12.00,EFT1", "2025-03-15,twelve,EFT2"));

        assertThat(run("deposits", "import", csv.toString())).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(err.toString()).contains("bank.csv line 3, column amount: 'twelve' is not an amount");

        assertThat(run("deposits", "list", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).isEmpty();
    }

    @Test
    void aDepositWithoutRemittanceIsListedAndCanBeVoided() throws Exception {
        Path csv = Files.write(dir.resolve("bank.csv"), List.of("deposit_date,amount,trace_number,method",
                "2025-03-14,12.00,CHK 991,check"));
        assertThat(run("deposits", "import", csv.toString())).isZero();
        assertThat(out.toString()).contains("imported 1 deposit");

        assertThat(run("deposits", "unmatched")).isZero();
        assertThat(out.toString()).contains("Deposits without remittance (1):").contains("CHK 991");

        assertThat(run("deposits", "void", "--id", "1", "--reason", "another pharmacy's check")).isZero();
        assertThat(run("deposits", "unmatched", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("deposits_without_remittance")).isEmpty();
        assertThat(run("deposits", "void", "--id", "1", "--reason", "again")).isEqualTo(Cli.EXIT_REJECTED);
    }
}
