package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.MatchingOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.RemittanceBuilder;

/** {@code remit attribute-plb} on a real data folder. */
class AttributePlbCliTest {

    @TempDir
    Path dir;

    private Path data;
    private CliRunner cli;

    @BeforeEach
    void office() {
        data = dir.resolve("data");
        cli = CliRunner.on(data);
        try (AppContext ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK)) {
            MatchingOffice o = MatchingOffice.create(ctx, dir);
            MatchingOffice.importFile(ctx, dir, "eft300.835", RemittanceBuilder.payment(MatchingOffice.parties(MatchingOffice.PAYER),
                    "EFT300", LocalDate.of(2025, 3, 14), 3,
                    List.of(MatchingOffice.paid("7001500-01", o.other().authorizationNumber(), o.other().dateOfService(), o.other(), "30.00")),
                    List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "AUDIT-77", Money.parse("7.50")),
                            RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "FB", "DUP", Money.parse("-7.50")),
                            RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "CS", "DUP", Money.parse("2.00")),
                            RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "L6", "INT", Money.parse("-2.00")))));
        }
    }

    @Test
    void attributesAPlbItemToTheClaimNamedByRxAndFill() {
        assertThat(cli.exit("remit", "attribute-plb", "--trace", "EFT300", "--plb-ref", "AUDIT-77", "--rx", "7001500",
                "--fill", "0", "--reason", "audit letter")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("EFT300 is not posted");
        assertThat(cli.exit("remit", "post", "--trace", "EFT300")).isZero();
        assertThat(cli.exit("remit", "attribute-plb", "--trace", "EFT300", "--plb-ref", "AUDIT-77", "--rx", "7001500",
                "--fill", "0", "--reason", "audit letter")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("PLB WO AUDIT-77 (7.50) on payment EFT300 attributed to Rx 7001500 fill 0");
        assertThat(cli.<List<org.rxledger.core.exceptions.ExceptionItem>>read(ctx -> new ExceptionQueue(ctx.transactions())
                .items(ExceptionFilter.ALL.withCategory(ExceptionCategory.PLB_UNATTRIBUTED)))).isEmpty();
        assertThat(cli.<Money>read(ctx -> ctx.transactions().read(tx -> tx.port(LedgerRepository.class).balance(LedgerAccount.PLB_RECOUPMENT))))
                .isEqualTo(Money.parse("7.50"));

        assertThat(cli.exit("remit", "attribute-plb", "--trace", "EFT300", "--plb-ref", "AUDIT-77", "--rx", "7001500",
                "--fill", "0", "--reason", "again")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("already attributed");
        assertThat(cli.exit("remit", "attribute-plb", "--trace", "EFT300", "--plb-ref", "DUP", "--rx", "7001500",
                "--fill", "0", "--reason", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("ambiguous").contains("add --code");
        assertThat(cli.exit("remit", "attribute-plb", "--trace", "EFT300", "--plb-ref", "AUDIT-77", "--rx", "9999999",
                "--fill", "0", "--reason", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("no stored claim has Rx 9999999 fill 0");
    }
}
