package org.rxledger.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.audit.AuditPacket.ClaimSection;
import org.rxledger.core.audit.AuditPacket.PacketException;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class AuditPacketAssemblerTest {

    @TempDir
    Path dataDir;

    private final Database db = TestDatabases.fresh();
    private TestOffice office;
    private AuditCaseService service;

    @BeforeEach
    void setUp() {
        office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            return null;
        });
        service = new AuditCaseService(db.transactions(), dataDir, TestDatabases.CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Claim record(ClaimBuilder builder) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, builder.build(), office.payer().id()));
    }

    private AuditPacketAssembler assembler(RemittanceHistory remittances) {
        return new AuditPacketAssembler(db.transactions(), dataDir, remittances, TestDatabases.CLOCK);
    }

    private void createCase(RequestedLine... lines) {
        service.create(new NewAuditCase("ACME RX SOLUTIONS", "A-123", AuditType.DESK, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 31), "desk audit team"), List.of(lines));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dataDir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void thePacketHoldsOnlyTheRequestedClaimsInTheAuditorsOrder() {
        record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        record(ClaimBuilder.aPaidClaim(office).rx("7001500").fill(0).dateOfService(LocalDate.of(2025, 2, 1)));
        record(ClaimBuilder.aPaidClaim(office).rx("7002000").fill(0).dateOfService(LocalDate.of(2025, 2, 1)));
        createCase(new RequestedLine("7001500", 0, LocalDate.of(2025, 2, 1)),
                new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));

        AuditPacket packet = assembler(RemittanceHistory.NONE).assemble("A-123");

        assertThat(packet.pharmacy().ncpdpId()).isEqualTo("0312345");
        assertThat(packet.auditCase().dueDate()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(packet.index()).extracting(AuditPacket.IndexLine::rxNumber).containsExactly("7001500", "7001234");
        assertThat(packet.claims()).extracting(s -> s.claim().claim().rxNumber()).doesNotContain("7002000");
        assertThat(packet.index().get(1).amountPaid()).isEqualTo(Money.parse("21.85"));
        assertThat(packet.index().get(1).ndc11()).isEqualTo("12345067890");
        assertThat(packet.preparedBy()).isEqualTo("clerk1");
    }

    @Test
    void anUnknownRequestedClaimIsAnIndexLineAndAnExceptionNotADroppedLine() {
        createCase(new RequestedLine("7009999", 1, LocalDate.of(2025, 1, 5)));
        AuditPacket packet = assembler(RemittanceHistory.NONE).assemble("A-123");

        assertThat(packet.index()).singleElement().satisfies(l -> assertThat(l.known()).isFalse());
        assertThat(packet.claims()).singleElement().satisfies(s -> assertThat(s.known()).isFalse());
        assertThat(packet.exceptions()).extracting(PacketException::kind).containsExactly(PacketException.Kind.UNKNOWN_CLAIM);
    }

    @Test
    void missingHardCopyAndSignatureLogBecomeNotOnFileEntriesAndExceptions() {
        record(ClaimBuilder.aPaidClaim(office).daw("1"));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));

        AuditPacket packet = assembler(RemittanceHistory.NONE).assemble("A-123");

        ClaimSection s = packet.claims().get(0);
        assertThat(s.missing()).extracting(AuditPacket.MissingDocument::description)
                .containsExactly("Prescription hard copy (front)", "Signature log or proof of delivery");
        assertThat(packet.exceptions()).extracting(PacketException::kind).containsExactly(
                PacketException.Kind.DAW1_WITHOUT_HARD_COPY, PacketException.Kind.MISSING_SIGNATURE_OR_DELIVERY);
    }

    @Test
    void attachedDocumentsAreEnclosedAndADeliveryProofSatisfiesThePickupRequirement() throws IOException {
        record(ClaimBuilder.aPaidClaim(office));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));
        service.attachDocument("A-123", 1, DocumentKind.HARD_COPY_FRONT, file("front.png", AuditCaseServiceTest.pngBytes()));
        service.attachDocument("A-123", 1, DocumentKind.DELIVERY_PROOF, file("pod.pdf", "%PDF-1.4\n".getBytes()));

        AuditPacket packet = assembler(RemittanceHistory.NONE).assemble("A-123");

        ClaimSection s = packet.claims().get(0);
        assertThat(s.documents()).extracting(AuditPacket.PacketDocument::kind)
                .containsExactly(DocumentKind.HARD_COPY_FRONT, DocumentKind.DELIVERY_PROOF);
        assertThat(s.documents().get(0).file()).exists().isAbsolute();
        assertThat(s.missing()).isEmpty();
        assertThat(packet.exceptions()).isEmpty();
        assertThat(packet.index().get(0).documents()).containsExactly(DocumentKind.HARD_COPY_FRONT, DocumentKind.DELIVERY_PROOF);
    }

    @Test
    void aDocumentChangedAfterAttachingIsNotEnclosedAndIsReported() throws IOException {
        record(ClaimBuilder.aPaidClaim(office));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));
        AuditDocument d = service.attachDocument("A-123", 1, DocumentKind.HARD_COPY_FRONT,
                file("front.png", AuditCaseServiceTest.pngBytes()));
        Files.writeString(dataDir.resolve(d.storedPath()), "tampered");

        AuditPacket packet = assembler(RemittanceHistory.NONE).assemble("A-123");

        assertThat(packet.claims().get(0).documents()).isEmpty();
        assertThat(packet.exceptions()).extracting(PacketException::kind).contains(PacketException.Kind.DOCUMENT_UNREADABLE);
    }

    @Test
    void historyShowsTheReversalAndRebillOfTheFillAndRefillHistoryShowsEveryFill() {
        Claim original = record(ClaimBuilder.aPaidClaim(office).fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        db.transactions().inTransaction(tx -> {
            tx.port(ClaimRepository.class).setLifecycle(original.id(), Lifecycle.REVERSED);
            return null;
        });
        Claim rebill = record(ClaimBuilder.aPaidClaim(office).fill(2).dateOfService(LocalDate.of(2025, 3, 3))
                .authorization("A25071000099"));
        record(ClaimBuilder.aPaidClaim(office).fill(0).dateOfService(LocalDate.of(2025, 1, 2)));
        record(ClaimBuilder.aPaidClaim(office).fill(1).dateOfService(LocalDate.of(2025, 1, 28)));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));

        ClaimSection s = assembler(RemittanceHistory.NONE).assemble("A-123").claims().get(0);

        assertThat(s.claim().claim().id()).isEqualTo(rebill.id());
        assertThat(s.fillHistory()).extracting(AuditPacket.HistoryEntry::claimId, AuditPacket.HistoryEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(original.id(), ClaimStatus.REVERSED),
                        org.assertj.core.groups.Tuple.tuple(rebill.id(), ClaimStatus.PAID));
        assertThat(s.refillHistory()).extracting(r -> r.fillNumber() + " " + r.dateOfService() + " " + r.nextDue() + " " + r.daysEarly())
                .containsExactly("0 2025-01-02 2025-02-01 0", "1 2025-01-28 2025-02-27 4", "2 2025-03-03 2025-04-02 0");
        assertThat(s.refillHistory().get(2).requested()).isTrue();
    }

    @Test
    void theDaysSupplyWorksheetCarriesQuantityPackageSizeAndQuantityPerDay() {
        record(ClaimBuilder.aPaidClaim(office));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));

        AuditPacket.DaysSupplyWorksheet w = assembler(RemittanceHistory.NONE).assemble("A-123").claims().get(0).worksheet();

        assertThat(w.quantity()).isEqualByComparingTo("30");
        assertThat(w.packageSize()).isEqualTo("90 EA");
        assertThat(w.billedDaysSupply()).isEqualTo(30);
        assertThat(w.quantityPerDay()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void remittanceLinesComeFromTheRemittanceHistoryPort() {
        Claim c = record(ClaimBuilder.aPaidClaim(office));
        createCase(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)));
        RemittanceHistory.Line line = new RemittanceHistory.Line("ACME RX SOLUTIONS", "EFT778899", LocalDate.of(2025, 3, 14),
                "1", Money.parse("48.25"), Money.parse("21.85"), Money.parse("10.00"), "CO-45 16.40");

        ClaimSection s = assembler(id -> id == c.id() ? List.of(line) : List.of()).assemble("A-123").claims().get(0);

        assertThat(s.remittanceLines()).containsExactly(line);
    }

    @Test
    void withoutThePharmacysOwnDetailsThePacketCannotBeAssembled() {
        Database empty = TestDatabases.fresh();
        try {
            TestOffice.create(empty.transactions());
            new AuditCaseService(empty.transactions(), dataDir, TestDatabases.CLOCK).create(new NewAuditCase("ACME", "X-1",
                    AuditType.DESK, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 9), ""), List.of());
            assertThatThrownBy(() -> new AuditPacketAssembler(empty.transactions(), dataDir, RemittanceHistory.NONE,
                    TestDatabases.CLOCK).assemble("X-1")).isInstanceOf(AuditCaseException.class).hasMessageContaining("NPI");
        } finally {
            empty.close();
        }
    }
}
