package org.rxledger.core.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.TestOwner;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

class DepositServiceTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final DepositService deposits = new DepositService(db.transactions());

    @AfterEach
    void close() {
        db.close();
    }

    private Path csv(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private void importSample835() throws IOException {
        Path file = Files.write(dir.resolve("sample.835"), Samples.bytes(Samples.SAMPLE_835));
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"))
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    @Test
    void aDepositWithTheRemittancesTraceAndAmountPairsWithIt() throws IOException {
        importSample835();
        assertThat(deposits.pairing().paymentsWithoutDeposit()).singleElement()
                .satisfies(p -> assertThat(p.traceNumber()).isEqualTo("EFT0314A77"));

        Deposit d = deposits.record(new NewDeposit(LocalDate.of(2025, 3, 14), Money.parse("206.82"), "EFT0314A77",
                DepositMethod.ACH, null, "first of March"));

        DepositPairing pairing = deposits.pairing();
        assertThat(pairing.paired()).singleElement().satisfies(p -> {
            assertThat(p.deposit().id()).isEqualTo(d.id());
            assertThat(p.payment().amount()).isEqualTo(Money.parse("206.82"));
        });
        assertThat(pairing.paymentsWithoutDeposit()).isEmpty();
        long events = db.transactions().read(tx -> tx.port(Journal.class).count());
        assertThat(events).isGreaterThanOrEqualTo(2);
        List<AuditRecord> audit = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("deposit", String.valueOf(d.id())));
        assertThat(audit).hasSize(1);
    }

    @Test
    void csvImportIsAllOrNothingWithLineAndColumnInEveryError() throws IOException {
        Path bad = csv("bank.csv",
                "deposit_date,amount,trace_number,method",
                "2025-03-14,206.82,EFT0314A77,ACH",
                "2025-03-32,10.00,EFT1,ACH",
                "2025-03-15,-4.00,EFT2,ACH",
                "2025-03-15,4.00,EFT3,PIGEON",
                "2025-03-21,4.00,EFT4,ACH");

        DepositImportResult result = deposits.importCsv(bad);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).extracting(Object::toString).containsExactly(
                "bank.csv line 3, column deposit_date: '2025-03-32' is not a date (expected YYYY-MM-DD)",
                "bank.csv line 4, column amount: '-4.00' must be more than zero",
                "bank.csv line 5, column method: Deposit method 'PIGEON' is not one of ACH (or EFT), CHK (or CHECK), FWT (or WIRE), BOP",
                "bank.csv line 6, column deposit_date: 2025-03-21 is in the future");
        assertThat(deposits.deposits()).isEmpty();
    }

    @Test
    void reimportingTheSameStatementAddsNothing() throws IOException {
        Path good = csv("bank.csv",
                "note,Deposit Date,amount,trace_number",
                "march,2025-03-14,\"1,206.82\",EFT0314A77",
                ",2025-03-15,10.00,CHK 4411");

        assertThat(deposits.importCsv(good)).isEqualTo(new DepositImportResult(2, 0, List.of()));
        assertThat(deposits.importCsv(good)).isEqualTo(new DepositImportResult(0, 2, List.of()));
        assertThat(deposits.deposits()).extracting(Deposit::amount)
                .containsExactly(Money.parse("10.00"), Money.parse("1206.82"));
        assertThat(deposits.deposits()).allSatisfy(d -> assertThat(d.source()).isEqualTo("bank.csv"));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedByName() throws IOException {
        DepositImportResult result = deposits.importCsv(csv("bank.csv", "date,amount", "2025-03-14,1.00"));

        assertThat(result.errors()).singleElement().hasToString(
                "bank.csv line 1: the header row lacks deposit_date, trace_number (found: date, amount)");
    }

    @Test
    void voidingKeepsTheRowAndTakesItOutOfPairing() throws IOException {
        importSample835();
        Deposit d = deposits.record(new NewDeposit(LocalDate.of(2025, 3, 14), Money.parse("206.82"), "EFT0314A77",
                DepositMethod.ACH, null, null));

        Deposit voided = deposits.voidDeposit(d.id(), "entered twice");

        assertThat(voided.voidReason()).isEqualTo("entered twice");
        assertThat(deposits.deposits()).hasSize(1);
        assertThat(deposits.pairing().paired()).isEmpty();
        assertThatThrownBy(() -> deposits.voidDeposit(d.id(), "again")).hasMessageContaining("already void");
        assertThatThrownBy(() -> deposits.voidDeposit(d.id(), " ")).hasMessageContaining("Say why");
    }

    @Test
    void theSameDepositCannotBeRecordedTwiceUnlessTheFirstWasVoided() {
        NewDeposit nd = new NewDeposit(LocalDate.of(2025, 3, 14), Money.parse("5.00"), "CHK1", DepositMethod.CHK, null, null);
        Deposit first = deposits.record(nd);
        assertThatThrownBy(() -> deposits.record(nd)).hasMessageContaining("already recorded");
        assertThatThrownBy(() -> deposits.record(new NewDeposit(LocalDate.of(2025, 3, 21), Money.parse("5.00"), "CHK2",
                DepositMethod.CHK, null, null))).hasMessage("The deposit date 2025-03-21 is in the future");
        deposits.voidDeposit(first.id(), "wrong bank account");
        assertThat(deposits.record(nd).id()).isNotEqualTo(first.id());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteADepositOrItsVoid() {
        Deposit d = deposits.record(new NewDeposit(LocalDate.of(2025, 3, 14), Money.parse("5.00"), "CHK1",
                DepositMethod.CHK, null, null));
        deposits.voidDeposit(d.id(), "wrong account");

        for (String sql : new String[] {"UPDATE deposit SET amount = 6", "DELETE FROM deposit", "DELETE FROM deposit_void"}) {
            assertThatThrownBy(() -> TestOwner.jdbi(db).useHandle(h -> h.execute(sql))).as(sql).hasMessageContaining("append-only");
        }
        assertThat(deposits.deposits()).singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(Money.parse("5.00")));
    }
}
