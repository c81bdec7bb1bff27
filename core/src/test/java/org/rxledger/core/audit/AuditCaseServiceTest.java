package org.rxledger.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.TestOwner;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class AuditCaseServiceTest {

    private static final LocalDate TODAY = LocalDate.ofInstant(TestDatabases.NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final Database db = TestDatabases.fresh();
    private TestOffice office;
    private AuditCaseService service;

    @BeforeEach
    void setUp() {
        office = TestOffice.create(db.transactions());
        service = new AuditCaseService(db.transactions(), dataDir, TestDatabases.CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Claim record(ClaimBuilder builder) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, builder.build(), office.payer().id()));
    }

    private static NewAuditCase header(String auditId, LocalDate due) {
        return new NewAuditCase("ACME RX SOLUTIONS", auditId, AuditType.DESK, TODAY.minusDays(10), due,
                "Audit dept., fax 555-0100");
    }

    private AuditCaseDetail caseWithOneKnownLine(String auditId) {
        record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        return service.create(header(auditId, TODAY.plusDays(20)),
                List.of(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3))));
    }

    @Test
    void createResolvesKnownClaimsAndKeepsUnknownOnesInTheAuditorsOrder() {
        Claim known = record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        Claim other = record(ClaimBuilder.aPaidClaim(office).rx("7001500").fill(0).dateOfService(LocalDate.of(2025, 2, 1)));

        AuditCaseDetail created = service.create(header("A-123", TODAY.plusDays(20)), List.of(
                new RequestedLine("7001500", 0, LocalDate.of(2025, 2, 1)),
                new RequestedLine("7009999", 1, LocalDate.of(2025, 1, 5)),
                new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3))));

        assertThat(created.auditCase().status()).isEqualTo(AuditStatus.RECEIVED);
        assertThat(created.requestedClaims()).extracting(RequestedClaim::lineNo, RequestedClaim::rxNumber, RequestedClaim::claimId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "7001500", other.id()),
                        org.assertj.core.groups.Tuple.tuple(2, "7009999", null),
                        org.assertj.core.groups.Tuple.tuple(3, "7001234", known.id()));
        assertThat(created.requestedClaims().get(1).isKnown()).isFalse();
    }

    @Test
    void claimsTheDirectoryPutsWithAnotherPayerAreRefusedUnlessAPersonSaysWhy() {
        org.rxledger.core.payer.PayerDirectoryService payers = new org.rxledger.core.payer.PayerDirectoryService(db.transactions());
        long acme = payers.createPayer("ACME RX SOLUTIONS").id();
        payers.linkRouting(acme, new org.rxledger.core.payer.Routing("999999", "TESTPCN", null), "test office");
        long northstar = payers.createPayer("NORTHSTAR RX BENEFITS").id();
        payers.linkRouting(northstar, new org.rxledger.core.payer.Routing("610502", "NSPCN", null), "test office");
        record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        record(ClaimBuilder.aPaidClaim(office).parties(office.patient().id(), office.plan().id(), "610502", "NSPCN", "",
                office.prescriber().id(), office.drug().id(), office.drug().ndc()).rx("7004444").fill(1).dateOfService(LocalDate.of(2025, 3, 5)));
        List<RequestedLine> list = List.of(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3)),
                new RequestedLine("7004444", 1, LocalDate.of(2025, 3, 5)));

        assertThatThrownBy(() -> service.create(header("A-OTHER", TODAY.plusDays(20)), list))
                .isInstanceOf(AuditCaseException.class)
                .hasMessageContaining("1 listed claim was billed to another payer than ACME RX SOLUTIONS")
                .hasMessageContaining("line 2: Rx 7004444 fill 1 (2025-03-05) was billed to NORTHSTAR RX BENEFITS")
                .hasMessageContaining("Nothing was added");
        assertThat(service.find("A-OTHER")).isEmpty();

        AuditCaseDetail accepted = service.create(header("A-OTHER", TODAY.plusDays(20)), list,
                "auditor asked for the coordination-of-benefits claim");
        assertThat(accepted.requestedClaims()).hasSize(2);
        java.util.List<org.rxledger.core.security.AuditRecord> trail = db.transactions()
                .read(tx -> tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-OTHER"));
        assertThat(trail).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("AUDIT_OTHER_PAYER_CLAIMS_ACCEPTED");
            assertThat(r.detail()).contains("coordination-of-benefits").contains("\"lines\":1");
        });
    }

    @Test
    void aRequestedDateOfServiceMustMatchExactly() {
        record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        AuditCaseDetail created = service.create(header("A-124", TODAY.plusDays(20)),
                List.of(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 4))));
        assertThat(created.requestedClaims().get(0).claimId()).isNull();
    }

    @Test
    void resolutionPrefersTheActivePaidAdjudicationOverAReversedOne() {
        Claim reversed = record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        db.transactions().inTransaction(tx -> {
            tx.port(ClaimRepository.class).setLifecycle(reversed.id(), Lifecycle.REVERSED);
            return null;
        });
        Claim rebill = record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3))
                .authorization("A25071000002"));
        Claim rejected = record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3))
                .rejected("79"));

        AuditCaseDetail created = service.create(header("A-125", TODAY.plusDays(20)),
                List.of(new RequestedLine("7001234", 2, LocalDate.of(2025, 3, 3))));

        assertThat(created.requestedClaims().get(0).claimId()).isEqualTo(rebill.id()).isNotEqualTo(rejected.id());
    }

    @Test
    void theSameAuditIdCannotBeCreatedTwice() {
        caseWithOneKnownLine("A-200");
        assertThatThrownBy(() -> service.create(header("A-200", TODAY.plusDays(5)), List.of()))
                .isInstanceOf(AuditCaseException.class).hasMessageContaining("already on file");
    }

    @Test
    void creatingACaseWritesJournalEventsAndAuditRecordsWithoutPatientData() {
        caseWithOneKnownLine("A-300");
        db.transactions().read(tx -> {
            assertThat(tx.port(Journal.class).since(0, 100)).extracting(e -> e.type())
                    .contains(AuditCaseService.EVENT_CASE_CREATED, AuditCaseService.EVENT_CLAIMS_REQUESTED);
            List<AuditRecord> trail = tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-300");
            assertThat(trail).extracting(AuditRecord::action).containsExactly("AUDIT_CASE_CREATED", "AUDIT_CLAIMS_REQUESTED");
            assertThat(trail).allSatisfy(r -> assertThat(r.detail()).doesNotContain("TESTPATIENT"));
            return null;
        });
    }

    @Test
    void csvImportAppendsLinesAfterTheExistingOnes() {
        caseWithOneKnownLine("A-400");
        AuditCaseDetail detail = service.importRequestedClaimsCsv("A-400", new StringReader("""
                rx_number,fill_number,date_of_service
                7001234,2,2025-03-03
                7008888,0,03/01/2025
                """));
        assertThat(detail.requestedClaims()).extracting(RequestedClaim::lineNo).containsExactly(1, 2, 3);
        assertThat(detail.requestedClaims().get(2).dateOfService()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(detail.requestedClaims().get(2).isKnown()).isFalse();
    }

    @Test
    void csvImportReportsEveryBadLineAndColumnAndAddsNothing() {
        caseWithOneKnownLine("A-401");
        assertThatThrownBy(() -> service.importRequestedClaimsCsv("A-401", new StringReader("""
                rx_number,fill_number,date_of_service
                7001234,2,2025-03-03
                70012X4,1,2025-03-03
                7001234,100,2025-13-40
                """)))
                .isInstanceOfSatisfying(RequestedClaimsCsv.InvalidCsvException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + " " + p.column())
                        .containsExactly("3 rx_number", "4 fill_number", "4 date_of_service"))
                .hasMessageContaining("line 3, column rx_number");
        assertThat(service.find("A-401").orElseThrow().requestedClaims()).hasSize(1);
    }

    @Test
    void csvProblemsOnTheLastLineAreNumberedRightEvenWithoutATrailingNewline() {
        assertThatThrownBy(() -> RequestedClaimsCsv.parse(new StringReader(
                "rx_number,fill_number,date_of_service\r\n7001234,2,2025-03-03\r\n7001234,x,2025-03-03")))
                .isInstanceOfSatisfying(RequestedClaimsCsv.InvalidCsvException.class, e -> assertThat(e.problems())
                        .extracting(RequestedClaimsCsv.Problem::toString)
                        .containsExactly("line 3, column fill_number: 'x' is not a fill number (expected 0–99)"));
    }

    @Test
    void aListWithAHeaderButNoClaimsIsRefused() {
        assertThatThrownBy(() -> RequestedClaimsCsv.parse(new StringReader("rx_number,fill_number,date_of_service\n")))
                .hasMessageContaining("no claims");
    }

    @Test
    void csvWithoutTheRequiredHeaderIsRefusedNamingTheMissingColumn() {
        assertThatThrownBy(() -> RequestedClaimsCsv.parse(new StringReader("rx,fill_number,date_of_service\n7001234,2,2025-03-03\n")))
                .isInstanceOf(RequestedClaimsCsv.InvalidCsvException.class)
                .hasMessageContaining("line 1, column rx_number");
        assertThatThrownBy(() -> RequestedClaimsCsv.parse(new StringReader("7001234,2,2025-03-03\n")))
                .isInstanceOf(RequestedClaimsCsv.InvalidCsvException.class)
                .hasMessageContaining("header row has no column 'rx_number'");
    }

    @Test
    void createFromCsvFileReadsTheListAndHeaderColumnsInAnyOrder() throws IOException {
        Path csv = dataDir.resolve("claims.csv");
        Files.writeString(csv, "\uFEFFdate_of_service,Rx_Number,fill_number,ndc\n2025-03-03,7001234,2,12345067890\n");
        record(ClaimBuilder.aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.of(2025, 3, 3)));
        AuditCaseDetail detail = service.createFromCsv(header("A-402", TODAY.plusDays(9)), csv);
        assertThat(detail.requestedClaims()).singleElement().satisfies(l -> assertThat(l.isKnown()).isTrue());
    }

    @Test
    void statusMovesAlongTheAllowedPathAndIsAudited() {
        caseWithOneKnownLine("A-500");
        service.changeStatus("A-500", AuditStatus.IN_PREPARATION);
        service.changeStatus("A-500", AuditStatus.SUBMITTED);
        service.changeStatus("A-500", AuditStatus.FINDINGS);
        service.changeStatus("A-500", AuditStatus.APPEALED);
        AuditCase closed = service.changeStatus("A-500", AuditStatus.CLOSED);

        assertThat(closed.status()).isEqualTo(AuditStatus.CLOSED);
        assertThat(service.find("A-500").orElseThrow().auditCase().status()).isEqualTo(AuditStatus.CLOSED);
        long changes = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-500").stream()
                .filter(r -> r.action().equals("AUDIT_STATUS_CHANGED")).count());
        assertThat(changes).isEqualTo(5);
    }

    @Test
    void anIllegalStatusChangeIsRefusedInPlainWordsAndChangesNothing() {
        caseWithOneKnownLine("A-501");
        assertThatThrownBy(() -> service.changeStatus("A-501", AuditStatus.SUBMITTED))
                .isInstanceOf(AuditCaseException.class)
                .hasMessage("Audit A-501 cannot move from Received to Submitted: from Received it can only move to In preparation.");
        assertThat(service.find("A-501").orElseThrow().auditCase().status()).isEqualTo(AuditStatus.RECEIVED);
    }

    @Test
    void aClosedAuditCannotBeReopened() {
        caseWithOneKnownLine("A-502");
        service.changeStatus("A-502", AuditStatus.IN_PREPARATION);
        service.changeStatus("A-502", AuditStatus.SUBMITTED);
        service.changeStatus("A-502", AuditStatus.CLOSED);
        assertThatThrownBy(() -> service.changeStatus("A-502", AuditStatus.IN_PREPARATION))
                .hasMessageContaining("a closed audit cannot change any more");
    }

    @Test
    void unsubmittedCasesAreFlaggedDueSoonWithinThreeDaysAndOverdueAfterTheDueDate() {
        service.create(header("LATER", TODAY.plusDays(4)), List.of());
        service.create(header("SOON", TODAY.plusDays(3)), List.of());
        service.create(header("TODAY", TODAY), List.of());
        service.create(header("LATE", TODAY.minusDays(1)), List.of());
        service.create(header("SENT", TODAY.minusDays(2)), List.of());
        service.changeStatus("SENT", AuditStatus.IN_PREPARATION);
        service.changeStatus("SENT", AuditStatus.SUBMITTED);

        List<AuditCaseOverview> rows = service.listCases();

        assertThat(rows).extracting(r -> r.auditCase().auditId() + " " + r.deadline() + " " + r.daysUntilDue())
                .containsExactly("SENT NONE -2", "LATE OVERDUE -1", "TODAY DUE_SOON 0", "SOON DUE_SOON 3", "LATER NONE 4");
    }

    @Test
    void theDeadlineFlagsFollowTheClock() {
        service.create(header("A-600", TODAY.plusDays(10)), List.of());
        Clock later = Clock.fixed(TestDatabases.NOW.plusSeconds(86_400L * 11), ZoneOffset.UTC);
        AuditCaseService tomorrowish = new AuditCaseService(db.transactions(), dataDir, later);
        assertThat(tomorrowish.listCases()).singleElement().satisfies(r -> assertThat(r.overdue()).isTrue());
    }

    @Test
    void overviewCountsUnknownRequestedClaims() {
        service.create(header("A-601", TODAY.plusDays(10)), List.of(new RequestedLine("7000001", 0, TODAY)));
        assertThat(service.listCases()).singleElement()
                .satisfies(r -> assertThat(r.requestedClaims()).isEqualTo(1))
                .satisfies(r -> assertThat(r.unknownClaims()).isEqualTo(1));
    }

    @Test
    void attachingADocumentStoresItUnderItsSha256AndRecordsTheHash() throws Exception {
        caseWithOneKnownLine("A-700");
        byte[] png = pngBytes();
        Path scan = dataDir.resolve("scan José.png");
        Files.write(scan, png);

        AuditDocument doc = service.attachDocument("A-700", 1, DocumentKind.HARD_COPY_FRONT, scan);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(doc.sha256()).isEqualTo(sha);
        assertThat(doc.contentType()).isEqualTo(DocumentContentType.PNG);
        assertThat(doc.storedPath()).isEqualTo("documents/" + sha + ".png");
        assertThat(dataDir.resolve(doc.storedPath())).exists().hasBinaryContent(png);
        assertThat(doc.originalName()).isEqualTo("scan José.png");
        assertThat(service.find("A-700").orElseThrow().documents()).containsExactly(doc);
        db.transactions().read(tx -> {
            assertThat(tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-700")).extracting(AuditRecord::action)
                    .contains("AUDIT_DOCUMENT_ATTACHED");
            assertThat(tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-700")).allSatisfy(
                    r -> assertThat(r.detail()).doesNotContain("José"));
            return null;
        });
    }

    @Test
    void aRenamedFileThatIsNotPdfPngOrJpegIsRefusedByItsBytes() throws IOException {
        caseWithOneKnownLine("A-701");
        Path fake = dataDir.resolve("hardcopy.pdf");
        Files.writeString(fake, "PK\u0003\u0004 this is a word document", StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> service.attachDocument("A-701", 1, DocumentKind.HARD_COPY_FRONT, fake))
                .isInstanceOf(AuditCaseException.class).hasMessageContaining("is not a PDF, PNG or JPEG");
        assertThat(service.find("A-701").orElseThrow().documents()).isEmpty();
        assertThat(dataDir.resolve(DocumentFiles.FOLDER)).doesNotExist();
    }

    @Test
    void pdfAndJpegAreRecognisedByTheirMagicBytes() {
        assertThat(DocumentContentType.detect("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1))).contains(DocumentContentType.PDF);
        assertThat(DocumentContentType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(DocumentContentType.JPEG);
        assertThat(DocumentContentType.detect(new byte[] {'G', 'I', 'F', '8', '9', 'a'})).isEmpty();
        assertThat(DocumentContentType.detect(new byte[0])).isEmpty();
    }

    @Test
    void aDocumentForALineTheCaseDoesNotHaveIsRefused() throws IOException {
        caseWithOneKnownLine("A-702");
        Path scan = dataDir.resolve("a.png");
        Files.write(scan, pngBytes());
        assertThatThrownBy(() -> service.attachDocument("A-702", 9, DocumentKind.SIGNATURE_LOG, scan))
                .hasMessage("Audit A-702 has no line 9.");
    }

    @Test
    void findingsAndTransmittalsAreRecordedWithTheirAuditTrail() {
        caseWithOneKnownLine("A-800");
        Instant sent = Instant.parse("2025-03-18T14:30:00Z");
        Transmittal t = service.logTransmittal("A-800", TransmittalMethod.FAX, sent, "FAX-778", "clerk1");
        AuditFinding f = service.recordFinding("A-800", 1, "DAW 1 not documented on the hard copy", Money.parse("12.40"));

        AuditCaseDetail detail = service.find("A-800").orElseThrow();
        assertThat(detail.transmittals()).containsExactly(t);
        assertThat(t.method()).isEqualTo(TransmittalMethod.FAX);
        assertThat(t.sentAt()).isEqualTo(sent);
        assertThat(detail.findings()).singleElement().satisfies(x -> {
            assertThat(x.recoupment()).isEqualTo(Money.parse("12.40"));
            assertThat(x.lineNo()).isEqualTo(1);
            assertThat(x.id()).isEqualTo(f.id());
        });
        db.transactions().read(tx -> {
            assertThat(tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-800")).extracting(AuditRecord::action)
                    .contains("AUDIT_TRANSMITTAL", "AUDIT_FINDING");
            assertThat(tx.port(Journal.class).since(0, 100)).extracting(e -> e.type())
                    .contains(AuditCaseService.EVENT_TRANSMITTAL_LOGGED, AuditCaseService.EVENT_FINDING_RECORDED);
            return null;
        });
    }

    @Test
    void aNegativeRecoupmentIsRefused() {
        caseWithOneKnownLine("A-801");
        assertThatThrownBy(() -> service.recordFinding("A-801", 1, "x", Money.parse("-1.00")))
                .hasMessageContaining("negative");
    }

    @Test
    void generatingAPacketIsRecordedWithClaimIdsPageCountAndHash() {
        AuditCaseDetail c = caseWithOneKnownLine("A-900");
        String sha = "a".repeat(64);
        service.recordPacketGenerated("A-900", 12, sha);
        AuditRecord r = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity(AuditCaseService.ENTITY, "A-900")).stream()
                .filter(x -> x.action().equals("AUDIT_PACKET_GENERATED")).findFirst().orElseThrow();
        assertThat(r.user()).isEqualTo("clerk1");
        assertThat(r.occurredAt()).isEqualTo(TestDatabases.NOW);
        assertThat(r.detail()).contains("\"pageCount\":12", sha, "[" + c.requestedClaims().get(0).claimId() + "]");
    }

    @Test
    void aGeneratedPacketIsAnEntryInTheAccountingOfDisclosures() {
        caseWithOneKnownLine("A-901");

        service.recordPacketGenerated("A-901", 3, "b".repeat(64));

        java.util.List<org.rxledger.core.security.Disclosure> log = db.transactions().read(tx -> tx.port(DisclosureLog.class).between(null, null));
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(org.rxledger.core.security.Disclosure.Kind.AUDIT_PACKET);
            assertThat(d.recipient()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(d.reference()).isEqualTo("audit A-901");
            assertThat(d.user()).isEqualTo("clerk1");
            assertThat(d.patientIds()).containsExactly(office.patient().id());
        });
        java.util.List<org.rxledger.core.security.Disclosure> mine = db.transactions()
                .read(tx -> tx.port(DisclosureLog.class).forPatient(office.patient().id()));
        java.util.List<org.rxledger.core.security.Disclosure> other = db.transactions()
                .read(tx -> tx.port(DisclosureLog.class).forPatient(office.patient().id() + 1000));
        assertThat(mine).hasSize(1);
        assertThat(other).isEmpty();
        // the log is append-only, like the audit trail
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestOwner.jdbi(db).useHandle(h -> h.execute("DELETE FROM disclosure")))
                .hasMessageContaining("append-only");
    }

    @Test
    void anUnknownAuditIdIsReportedInPlainWords() {
        assertThatThrownBy(() -> service.changeStatus("NOPE", AuditStatus.IN_PREPARATION))
                .hasMessage("No audit with id NOPE is on file.");
    }

    /** The PNG signature followed by filler: enough for the magic-byte check the store makes. */
    static byte[] pngBytes() {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }
}
