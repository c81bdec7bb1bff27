package org.rxledger.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.audit.RemittanceHistory;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class StoredRemittanceHistoryTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMatchedRemitClaimBecomesARemittanceLineOfItsClaimWithItsAdjustments() throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        Claim claim = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office)
                .rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)).build(), office.payer().id()));
        Path file = dir.resolve("sample.835");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        new RemittanceImportService(db.transactions(), dir.resolve("archive")).importFile(file, ProgressListener.NONE, () -> false);
        List<RemittanceClaimRow> remitClaims = new ArrayList<>();
        db.transactions().read(tx -> tx.port(ReportingRepository.class).remittanceClaims(ReportPeriod.ALL, remitClaims::add));
        long first = remitClaims.get(0).remitClaimId();
        db.transactions().inTransaction(tx -> {
            tx.port(RemittanceRepository.class).recordMatch(first, claim.id(), MatchStatus.MATCHED);
            return null;
        });

        StoredRemittanceHistory history = new StoredRemittanceHistory(db.transactions());
        List<RemittanceHistory.Line> lines = history.forClaim(claim.id());
        assertThat(lines).hasSize(1);
        RemittanceHistory.Line line = lines.get(0);
        assertThat(line.payerName()).isEqualTo("ACME RX SOLUTIONS");
        assertThat(line.paymentReference()).isEqualTo("EFT0314A77");
        assertThat(line.paymentDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(line.claimStatusCode()).isEqualTo("1");
        assertThat(line.paid()).isEqualTo(Money.parse("21.85"));
        assertThat(line.adjustments()).isEqualTo("CO-45 16.40; PR-3 10.00");
        assertThat(history.forClaim(claim.id() + 1000)).isEmpty();
    }
}
