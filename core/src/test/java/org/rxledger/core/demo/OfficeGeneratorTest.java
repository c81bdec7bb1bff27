package org.rxledger.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.Actor;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;

class OfficeGeneratorTest {

    private static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesTheClaimsAndThePaymentsThroughTheImportsAndTheSameSeedGivesTheSameOffice() throws Exception {
        OfficeGenerator.Options options = new OfficeGenerator.Options(1_200, 42, 7L, END);
        Generated first = generate(options, "a");
        Generated second = generate(options, "b");

        assertThat(first.summary.claims()).isEqualTo(1_200);
        assertThat(first.summary.claimFiles()).isEqualTo(6);
        // the last weeks are paid after the end date: not every claim is paid yet
        assertThat(first.summary.claimPayments()).isBetween(600, 1_200);
        // all but the demo exceptions' foreign claim and ambiguous fill are matched (one of each per four weeks)
        assertThat(first.summary.matched()).isGreaterThan(first.summary.claimPayments() - 10);
        assertThat(first.generatedClaims).isEqualTo(1_200);
        assertThat(first.reconciled).isGreaterThan(1_200);
        assertThat(second.summary).usingRecursiveComparison().ignoringFields("claimMillis", "remittanceMillis")
                .isEqualTo(first.summary);
        try (Stream<Path> left = Files.list(dir.resolve("a-work"))) {
            assertThat(left).as("imported files are deleted").isEmpty();
        }
    }

    private record Generated(OfficeGenerator.Summary summary, long generatedClaims, int reconciled) {
    }

    private Generated generate(OfficeGenerator.Options options, String name) {
        try (Database db = Database.inMemory("generator-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK)) {
            DemoOffice.create(db.transactions(), END, DemoOffice.DEFAULT_SEED);
            long before = db.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            OfficeGenerator generator = new OfficeGenerator(db.transactions(),
                    new ClaimImportService(db.transactions(), new ClaimRules(CLOCK)),
                    new RemittanceImportService(db.transactions(), dir.resolve(name + "-archive"), new MatchAndPostStep()));
            OfficeGenerator.Summary summary = generator.generate(options, dir.resolve(name + "-work"), m -> { });
            long after = db.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            List<ReconciliationService.ClaimRecon> recon = new ReconciliationService(db.transactions()).claims();
            return new Generated(summary, after - before, recon.size());
        }
    }
}
