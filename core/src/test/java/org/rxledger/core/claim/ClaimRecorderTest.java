package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

class ClaimRecorderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);

    private final Database db = Database.inMemory("recorder-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
    private final Transactions tx = db.transactions();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordingInBatchWritesTheSameClaimsLedgerJournalAndAuditAsOneByOne() {
        new ClaimImportService(tx, new ClaimRules(CLOCK)).importCsv("claims.csv", new StringReader(ClaimImportServiceTest.sample()));
        List<Claim> originals = tx.read(t -> t.port(ClaimRepository.class).all());
        List<Long> counts = tx.read(t -> List.of(t.port(ClaimRepository.class).count(), t.port(LedgerRepository.class).count(), t.port(Journal.class).count()));
        // the same five claims again as new Rx numbers, with their plans' payers
        List<Claim> copies = originals.stream().map(c -> new Claim(0, UUID.randomUUID(), "9" + c.rxNumber(), c.fillNumber(),
                c.dateOfService(), c.dateWritten(), c.transactionCode(), c.patientId(), c.planId(), c.bin(), c.pcn(), c.groupId(),
                c.cardholderId(), c.personCode(), c.relationshipCode(), c.prescriberId(), c.drugId(), c.ndc(), c.quantity(),
                c.daysSupply(), c.daw(), c.sccCodes(), c.otherCoverageCode(), c.ingredientCostSubmitted(),
                c.dispensingFeeSubmitted(), c.usualAndCustomary(), c.grossAmountDue(), c.responseStatus(), c.rejectCodes(),
                c.authorizationNumber() + "X", c.patientPay(), c.ingredientCostPaid(), c.dispensingFeePaid(), c.planPaid(),
                c.channel(), c.patientPayCollected(), c.lifecycle(), null, c.source(), c.adjudicatedAt(), c.createdAt(),
                c.createdBy())).toList();
        List<Long> payerIds = tx.read(t -> originals.stream().map(c -> t.port(ReferenceRepository.class).plan(c.planId()).orElseThrow().payerId()).toList());

        List<Claim> stored = tx.inTransaction(t -> ClaimRecorder.recordAll(t, copies, payerIds));

        assertThat(stored).extracting(Claim::id).doesNotContain(0L).doesNotHaveDuplicates();
        assertThat(stored).extracting(Claim::rxNumber).containsExactlyElementsOf(copies.stream().map(Claim::rxNumber).toList());
        tx.read(t -> {
            assertThat(t.port(ClaimRepository.class).count()).isEqualTo(counts.get(0) * 2);
            assertThat(t.port(LedgerRepository.class).count()).isEqualTo(counts.get(1) * 2);
            // one claim.recorded per claim; the import's own file event is not repeated
            assertThat(t.port(Journal.class).count()).isEqualTo(counts.get(2) * 2 - 1);
            for (int i = 0; i < originals.size(); i++) {
                List<LedgerEntry> before = t.port(LedgerRepository.class).forClaim(originals.get(i).id());
                List<LedgerEntry> after = t.port(LedgerRepository.class).forClaim(stored.get(i).id());
                assertThat(after).extracting(LedgerEntry::account, LedgerEntry::amount, LedgerEntry::payerId, LedgerEntry::effectiveDate)
                        .containsExactlyElementsOf(before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.account(), e.amount(),
                                e.payerId(), e.effectiveDate())).toList());
                assertThat(t.port(AuditTrail.class).forEntity("claim", String.valueOf(stored.get(i).id()))).hasSize(1);
            }
            return null;
        });
    }
}
