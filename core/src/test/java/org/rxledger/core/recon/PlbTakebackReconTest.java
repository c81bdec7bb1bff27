package org.rxledger.core.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ReconWeek;
import org.rxledger.core.testdata.TestDatabases;

/**
 * Issue 14 item 3: a PLB takeback the posting ties to a claim is part of that claim's story. Rx 7000001 is paid
 * 21.85 by the week's payment; a later payment recoups all 21.85 through a PLB WO naming its CLP01.
 */
class PlbTakebackReconTest {

    private final Database db = TestDatabases.fresh();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    private void importLaterPayment(List<Claim> claims, String takeback) throws IOException {
        // claim 3 paid 15.00; WO on claim 1; interest L6 of −10.00 paid to the pharmacy: BPR02 = 15.00 − WO + 10.00
        var payment = RemittanceBuilder.payment(new RemittanceBuilder.Parties("ACME RX SOLUTIONS", "1999999999",
                        "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789"), "EFT0320", LocalDate.of(2025, 3, 20), 8,
                List.of(ReconWeek.paid("7000003-01", claims.get(2), "15.00")),
                List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "7000001-01", Money.parse(takeback)),
                        RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "L6", "INTEREST", Money.parse("-10.00"))));
        Path file = dir.resolve("later.835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payment), w);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    private ReconciliationService.ClaimRecon recon(Claim claim) {
        return new ReconciliationService(db.transactions()).claims().stream()
                .filter(c -> c.claimId() == claim.id()).findFirst().orElseThrow();
    }

    @Test
    void aClaimPaidAndRecoupedInFullShowsNothingPaidAndReversed() throws IOException {
        List<Claim> claims = ReconWeek.create(db, dir, false);
        assertThat(recon(claims.get(0)).status()).isEqualTo(ReconStatus.PAID);

        importLaterPayment(claims, "21.85");

        ReconciliationService.ClaimRecon first = recon(claims.get(0));
        assertThat(first.paid()).isEqualTo(Money.parse("0.00"));
        assertThat(first.status()).isEqualTo(ReconStatus.REVERSED);
        // the ledger says the same: the WO sits on the claim in the PLB recoupment account
        Money recouped = db.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(claims.get(0).id(), LedgerAccount.PLB_RECOUPMENT));
        assertThat(recouped).isEqualTo(Money.parse("21.85"));
        assertThat(recon(claims.get(2)).status()).isEqualTo(ReconStatus.PAID);
    }

    @Test
    void aPartialTakebackLeavesTheClaimUnderpaidByWhatWasTakenBack() throws IOException {
        List<Claim> claims = ReconWeek.create(db, dir, false);

        importLaterPayment(claims, "5.00");

        ReconciliationService.ClaimRecon first = recon(claims.get(0));
        assertThat(first.paid()).isEqualTo(Money.parse("16.85"));
        assertThat(first.status()).isEqualTo(ReconStatus.UNDERPAID);
    }
}
