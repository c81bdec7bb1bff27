package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

/** The read side of the review screens on the DOMAIN.md §2.8 sample, stored by the real import. */
class RemittanceReviewQueriesTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void importSample() throws IOException {
        db = TestDatabases.fresh();
        Path file = dir.resolve("sample835.edi");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"))
                .importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void paymentListCarriesTheFiguresThatProveThePaymentBalances() {
        List<RemittanceListRow> rows = db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.payerName()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(r.traceNumber()).isEqualTo("EFT0314A77");
            assertThat(r.method()).isEqualTo("ACH");
            assertThat(r.fileName()).isEqualTo("sample835.edi");
            assertThat(r.amount()).isEqualTo(Money.parse("206.82"));
            assertThat(r.claimsPaid()).isEqualTo(Money.parse("241.15"));
            assertThat(r.providerAdjustments()).isEqualTo(Money.parse("34.33"));
            assertThat(r.claimCount()).isEqualTo(4);
            assertThat(r.matchedCount()).isZero();
            assertThat(r.balanced()).isTrue();
        });
    }

    @Test
    void claimDetailReadsAdjustmentsLinesAndProviderAdjustments() {
        db.transactions().read(tx -> {
            RemittanceRepository repo = tx.port(RemittanceRepository.class);
            long paymentId = repo.paymentList().get(0).paymentId();
            List<RemitClaimSummary> claims = repo.claimsOfPayment(paymentId);
            RemitClaimSummary first = claims.get(0);
            assertThat(repo.adjustmentsOfClaim(first.id())).extracting(StoredAdjustment::group, StoredAdjustment::reason,
                    StoredAdjustment::amount, StoredAdjustment::lineSeq).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("CO", "45", Money.parse("16.40"), 1),
                    org.assertj.core.groups.Tuple.tuple("PR", "3", Money.parse("10.00"), 1));
            assertThat(repo.serviceLinesOfClaim(first.id())).singleElement()
                    .satisfies(l -> assertThat(l.productCode()).isEqualTo("12345067890"));
            RemitClaimSummary reversal = claims.get(2);
            assertThat(repo.adjustmentsOfClaim(reversal.id())).extracting(StoredAdjustment::lineSeq)
                    .containsOnlyNulls();
            assertThat(repo.providerAdjustmentsOfPayment(paymentId)).extracting(StoredProviderAdjustment::reasonCode,
                    StoredProviderAdjustment::reference, StoredProviderAdjustment::amount).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("WO", "6901122-00", Money.parse("35.00")),
                    org.assertj.core.groups.Tuple.tuple("L6", null, Money.parse("-1.27")),
                    org.assertj.core.groups.Tuple.tuple("CS", "TRANSACTION FEE", Money.parse("0.60")));
            return null;
        });
    }

    @Test
    void aRefusedFileIsRecordedWithItsHashProblemsJournalAndAudit() throws IOException {
        Path broken = dir.resolve("broken.835");
        Files.writeString(broken, Samples.text(Samples.SAMPLE_835).replace("BPR*I*206.82", "BPR*I*207.82"));
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"))
                .importFile(broken, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);

        long id = new RejectionLog(db.transactions()).record(broken, (ImportOutcome.Rejected) outcome,
                RejectionLog.Source.CLI);

        List<RejectedImport> rejections = db.transactions().read(tx -> tx.port(RemittanceRepository.class).rejections());
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.fileName()).isEqualTo("broken.835");
            assertThat(r.sha256()).hasSize(64);
            assertThat(r.source()).isEqualTo("CLI");
            assertThat(r.attemptedBy()).isEqualTo(TestDatabases.CLERK.user());
            assertThat(r.problems()).contains("BPR02");
        });
        List<?> audit = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("remit_rejection", String.valueOf(id)));
        assertThat(audit).hasSize(1);
        List<ImportedFile> files = db.transactions().read(tx -> tx.port(RemittanceRepository.class).files());
        assertThat(files).hasSize(1);
    }
}
