package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rxledger.core.money.Money;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;

class RemittanceImportServiceTest {

    private static final List<String> TABLES = List.of("remit_file", "payment", "remit_claim", "remit_service_line",
            "remit_adjustment", "remit_remark", "plb_item", "journal_event", "audit_record");

    @TempDir
    Path dir;

    private Database db;
    private Path archive;
    private RemittanceImportService service;

    @BeforeEach
    void open() {
        db = Database.inMemory("remit-" + UUID.randomUUID(), new Actor("clerk1", "ws1"),
                Clock.fixed(Instant.parse("2025-03-15T14:00:00Z"), ZoneOffset.UTC));
        archive = dir.resolve("data").resolve("remittances").resolve("archive");
        service = new RemittanceImportService(db.transactions(), archive);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    private Path sample() throws IOException {
        return file("acme-0314.835", Samples.text(Samples.SAMPLE_835));
    }

    private ImportOutcome importFile(Path p) {
        return service.importFile(p, ProgressListener.NONE, () -> false);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> TABLES.forEach(t -> counts.put(t,
                h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one())));
        return counts;
    }

    private List<String> strings(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private <T> T scalar(String sql, Class<T> type) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    @Test
    void importsTheSampleRemittanceAndReportsEachPayment() throws IOException {
        ImportOutcome outcome = importFile(sample());

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        ImportOutcome.Imported imported = (ImportOutcome.Imported) outcome;
        assertThat(imported.payments()).singleElement().satisfies(p -> {
            assertThat(p.payerName()).isEqualTo("ACME RX SOLUTIONS");
            assertThat(p.traceNumber()).isEqualTo("EFT0314A77");
            assertThat(p.amount()).isEqualTo(Money.parse("206.82"));
            assertThat(p.claimCount()).isEqualTo(4);
            assertThat(p.matchedCount()).isZero();
        });
        assertThat(imported.message()).isEqualTo("acme-0314.835: imported 1 payment with 4 claims");
        assertThat(imported.file().importedBy()).isEqualTo("clerk1");
        assertThat(imported.file().claimCount()).isEqualTo(4);
    }

    @Test
    void storesClaimsLinesAdjustmentsAndProviderAdjustmentsThatBalance() throws IOException {
        importFile(sample());

        assertThat(scalar("SELECT SUM(paid_amount) FROM remit_claim", BigDecimal.class)).isEqualByComparingTo("241.15");
        assertThat(scalar("SELECT SUM(amount) FROM plb_item", BigDecimal.class)).isEqualByComparingTo("34.33");
        assertThat(scalar("SELECT amount FROM payment", BigDecimal.class)).isEqualByComparingTo("206.82");
        assertThat(rowCounts()).containsEntry("remit_claim", 4L).containsEntry("remit_service_line", 3L)
                .containsEntry("remit_adjustment", 8L).containsEntry("plb_item", 3L).containsEntry("payment", 1L);
        assertThat(scalar("SELECT COUNT(*) FROM remit_adjustment WHERE level = 'CLAIM'", Long.class)).isEqualTo(2L);
        assertThat(scalar("SELECT payee_npi || '/' || payee_ncpdp || '/' || method || '/' || handling_code FROM payment",
                String.class)).isEqualTo("1234567893/1234567/ACH/I");

        db.transactions().read(tx -> {
            long paymentId = tx.port(RemittanceRepository.class).files().get(0).id();
            List<ImportedPayment> payments = tx.port(RemittanceRepository.class).paymentsOfFile(paymentId);
            List<RemitClaimSummary> claims = tx.port(RemittanceRepository.class).claimsOfPayment(payments.get(0).id());
            assertThat(claims).extracting(RemitClaimSummary::patientControlNumber)
                    .containsExactly("7001234-02", "7001500-00", "6998877-01", "7001600-00");
            RemitClaimSummary first = claims.get(0);
            assertThat(first.ndc()).isEqualTo("12345067890");
            assertThat(first.serviceDate()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(first.matchStatus()).isEqualTo(MatchStatus.UNMATCHED);
            assertThat(first.matchedClaimId()).isNull();
            RemitClaimSummary reversal = claims.get(2);
            assertThat(reversal.paid()).isEqualTo(Money.parse("-55.10"));
            assertThat(reversal.serviceDate()).isEqualTo(LocalDate.of(2025, 2, 20));
            assertThat(tx.port(RemittanceRepository.class).rawSegments(first.id()))
                    .startsWith("17: CLP*7001234-02*1*48.25*21.85*10.00*12*A25071000001*01*1\n18: NM1*QC*1*");
            return null;
        });
    }

    @Test
    void archivesTheOriginalBytesUnderTheirSha256AndJournalsTheImport() throws IOException {
        ImportOutcome.Imported imported = (ImportOutcome.Imported) importFile(sample());

        Path archived = archive.resolve(imported.file().sha256() + ".835");
        assertThat(archived).exists();
        assertThat(Files.readAllBytes(archived)).isEqualTo(Samples.bytes(Samples.SAMPLE_835));
        assertThat(imported.file().archivedPath()).isEqualTo(archived.toString());
        assertThat(imported.file().sha256()).hasSize(64);

        String payload = scalar("SELECT payload FROM journal_event WHERE event_type = 'remittance.imported'", String.class);
        assertThat(payload).contains("EFT0314A77").contains("206.82").doesNotContain("TESTPATIENT")
                .doesNotContain("ZQX00012345");
        String audit = scalar("SELECT detail FROM audit_record WHERE action = 'remittance.import'", String.class);
        assertThat(audit).contains(imported.file().sha256()).doesNotContain("TESTPATIENT");
    }

    @Test
    void detectsTheSameFileImportedTwice() throws IOException {
        ImportOutcome.Imported first = (ImportOutcome.Imported) importFile(sample());
        Map<String, Long> before = rowCounts();

        ImportOutcome again = importFile(file("copy-of-acme.835", Samples.text(Samples.SAMPLE_835)));

        assertThat(again).isInstanceOfSatisfying(ImportOutcome.Duplicate.class, d -> {
            assertThat(d.reason()).isEqualTo(ImportOutcome.DuplicateReason.SAME_FILE);
            assertThat(d.earlierFile().id()).isEqualTo(first.file().id());
            assertThat(d.message()).contains("already imported").contains("acme-0314.835");
        });
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void detectsTheSamePaymentResentInANewEnvelope() throws IOException {
        importFile(sample());
        Map<String, Long> before = rowCounts();
        String resent = Samples.text(Samples.SAMPLE_835).replace("000004321", "000009999")
                .replace("*4321*X*", "*9999*X*").replace("GE*1*4321", "GE*1*9999").replace("250314*0905", "250316*1010");

        ImportOutcome outcome = importFile(file("acme-resent.835", resent));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Duplicate.class, d -> {
            assertThat(d.reason()).isEqualTo(ImportOutcome.DuplicateReason.SAME_PAYMENT);
            assertThat(d.earlierPayment().traceNumber()).isEqualTo("EFT0314A77");
            assertThat(d.earlierFile().fileName()).isEqualTo("acme-0314.835");
            assertThat(d.message()).contains("trace EFT0314A77").contains("already imported from 'acme-0314.835'");
        });
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void rejectedFileLeavesTheDatabaseUnchanged() throws IOException {
        importFile(sample());
        Map<String, Long> before = rowCounts();
        String unbalanced = RemitTestData.write(new Remittance(List.of(RemitTestData.transaction("000000005", "5",
                "0001", "OTHER1", List.of(RemitTestData.lineClaim("7000001-00", "20.00", "15.00", "1.00")), List.of()))))
                .replace("BPR*I*15.00", "BPR*I*16.00");

        ImportOutcome outcome = importFile(file("bad.835", unbalanced));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("bad.835, segment 4 (BPR), BPR02: Payment 1 (trace OTHER1): BPR02 says 16.00 but claims "
                        + "minus provider adjustments come to 15.00"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void cancellingWhileStoringLeavesTheDatabaseUnchanged() throws IOException {
        importFile(sample());
        Map<String, Long> before = rowCounts();
        Path big = file("big.835", RemitTestData.write(manyClaims("000000077", "BIG1", 600)));
        AtomicBoolean storing = new AtomicBoolean();

        ImportOutcome outcome = service.importFile(big,
                (done, total, message) -> storing.compareAndSet(false, message.startsWith("Storing")),
                storing::get);

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.CANCELLED);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(archive.resolve(((ImportOutcome.Imported) importFile(big)).file().sha256() + ".835"))
                .as("the same file imports afterwards, archived once").exists();
    }

    @Test
    void cancellingWhileCheckingStoresNothing() throws IOException {
        Map<String, Long> before = rowCounts();

        ImportOutcome outcome = service.importFile(sample(), ProgressListener.NONE, () -> true);

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.CANCELLED);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(archive).as("the copy made for it is removed again").isEmptyDirectory();
    }

    @Test
    void postImportStepSeesTheNewPaymentsInsideTheTransaction() throws IOException {
        List<Integer> seen = new ArrayList<>();
        RemittanceImportService withStep = new RemittanceImportService(db.transactions(), archive, (tx, imported) ->
                imported.paymentIds().forEach(id -> seen.add(tx.port(RemittanceRepository.class).claimsOfPayment(id).size())));

        ImportOutcome outcome = withStep.importFile(sample(), ProgressListener.NONE, () -> false);

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(seen).containsExactly(4);
    }

    @Test
    void postImportStepCanRecordMatchOutcomesThatCommitWithTheImport() throws IOException {
        RemittanceImportService withStep = new RemittanceImportService(db.transactions(), archive, (tx, imported) -> {
            RemitClaimSummary first = tx.port(RemittanceRepository.class).claimsOfPayment(imported.paymentIds().get(0)).get(0);
            tx.port(RemittanceRepository.class).recordMatch(first.id(), null, MatchStatus.NEEDS_REVIEW);
        });

        withStep.importFile(sample(), ProgressListener.NONE, () -> false);

        assertThat(strings("SELECT match_status FROM remit_claim ORDER BY seq"))
                .containsExactly("NEEDS_REVIEW", "UNMATCHED", "UNMATCHED", "UNMATCHED");
    }

    @Test
    void failingPostImportStepRollsTheImportBack() throws IOException {
        Map<String, Long> before = rowCounts();
        RemittanceImportService withStep = new RemittanceImportService(db.transactions(), archive, (tx, imported) -> {
            throw new IllegalStateException("matching exploded");
        });

        ImportOutcome outcome = withStep.importFile(sample(), ProgressListener.NONE, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class,
                r -> assertThat(r.message()).contains("could not be stored (matching exploded)"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("org.rxledger.core.remit.X12RemittanceReaderTest#publicFiles")
    void publicFilesAreImportedOrRefusedNeverHalfStored(String name) throws IOException {
        Map<String, Long> before = rowCounts();

        ImportOutcome outcome = importFile(file(name, Samples.text(name)));

        if (outcome instanceof ImportOutcome.Imported imported) {
            assertThat(rowCounts().get("remit_claim")).isEqualTo(imported.file().claimCount());
        } else {
            assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
            assertThat(((ImportOutcome.Rejected) outcome).problems()).allSatisfy(p -> {
                assertThat(p.segmentNumber()).isPositive();
                assertThat(p.fileName()).isEqualTo(name);
            });
            assertThat(rowCounts()).isEqualTo(before);
        }
        assertThat(outcome.status()).isEqualTo(name.equals("medicare-part-a.835") ? ImportOutcome.Status.IMPORTED
                : ImportOutcome.Status.REJECTED);
    }

    @Test
    void damagedFilesAreNeverPartlyImported() throws IOException {
        byte[] valid = Samples.bytes(Samples.SAMPLE_835);
        Random random = new Random(4);
        for (int i = 0; i < 60; i++) {
            Map<String, Long> before = rowCounts();
            byte[] damaged = X12RemittanceReaderTest.damage(valid, random, i);
            Path p = dir.resolve("fuzz-" + i + ".835");
            Files.write(p, damaged);

            ImportOutcome outcome = importFile(p);

            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                // harmless damage (e.g. a changed letter in a name): stored whole, and balanced
                assertThat(scalar("SELECT COUNT(*) FROM remit_claim", Long.class) - before.get("remit_claim"))
                        .isEqualTo(((ImportOutcome.Imported) outcome).file().claimCount());
            } else {
                assertThat(rowCounts()).as("round " + i + ": " + outcome.message()).isEqualTo(before);
            }
        }
    }

    @Test
    void aProblemAtTheEndOfALargeFileStoresNothingOfIt() throws IOException {
        importFile(sample());
        Map<String, Long> before = rowCounts();
        // BPR02 can only be checked against the claims at SE, after thousands of claims were read
        String text = RemitTestData.write(manyClaims("000000078", "BIG2", 2_500));
        String broken = text.replaceFirst("BPR\\*I\\*[0-9.]+", "BPR*I*1.00");
        assertThat(broken).isNotEqualTo(text);

        ImportOutcome outcome = importFile(file("late-problem.835", broken));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("late-problem.835, segment").contains("BPR02: Payment 1 (trace BIG2): BPR02 says 1.00"));
        assertThat(rowCounts()).isEqualTo(before);
        try (var archived = Files.list(archive)) {
            assertThat(archived.map(f -> f.getFileName().toString()))
                    .as("only the first file's copy is kept").hasSize(1);
        }
    }

    @Test
    void storesRemarksQuantitiesAndTheCorrectedClaimReference() throws IOException {
        ClaimPayment denied = RemitTestData.lineClaim("7002000-00", "25.00", "0.00", "0.00");
        ServiceLine line = denied.serviceLines().get(0);
        ServiceLine withRemarks = new ServiceLine(line.product(), line.charge(), line.paid(), null, line.unitsPaid(),
                null, null, line.dates(), List.of(Adjustment.of("CO", "16", "25.00")), List.of(new Reference("6R", "L1")),
                List.of(new AmountField("B6", Money.parse("0.00"))), List.of(),
                List.of(new Remark("HE", "N381"), new Remark("RX", "75")));
        ClaimPayment deniedWithRemarks = new ClaimPayment("1", denied.patientControlNumber(), "1", denied.charge(),
                denied.paid(), null, "12", "A7002000", "01", "1", List.of(), denied.names(), List.of(), List.of(),
                List.of(), List.of(new QuantityField("CA", new BigDecimal("1"))), List.of(withRemarks), List.of());
        ClaimPayment reversal = RemitTestData.claimLevelClaim("6998877-01", "22", "-70.00", "-55.10", "-5.00");
        ClaimPayment corrected = RemitTestData.claimLevelClaim("6998877-01", "1", "70.00", "50.10", "5.00");
        Path p = file("remarks.835", RemitTestData.write(new Remittance(List.of(RemitTestData.transaction("000000042",
                "42", "0001", "EFT42", List.of(deniedWithRemarks, reversal, corrected),
                List.of(RemitTestData.plb("WO", "6901122-00", "-10.00")))))));

        ImportOutcome outcome = importFile(p);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        List<String> remarks = strings("SELECT qualifier || ':' || code FROM remit_remark ORDER BY seq");
        assertThat(remarks).containsExactly("HE:N381", "RX:75");
        List<String> originalRefs = strings("SELECT original_reference FROM remit_claim WHERE status_code = '1' "
                + "AND original_reference IS NOT NULL");
        assertThat(originalRefs).containsExactly("ORIG6998877-01");
        assertThat(scalar("SELECT amount FROM payment", BigDecimal.class)).isEqualByComparingTo("5.00");
        assertThat(scalar("SELECT amount FROM plb_item", BigDecimal.class)).isEqualByComparingTo("-10.00");
    }

    @Test
    void storageFailureIsReportedWithoutPatientDataAndStoresNothing() throws IOException {
        Map<String, Long> before = rowCounts();
        // what H2 says of a value too long for its column: the value, i.e. patient data, is in the message
        RemittanceImportService failing = new RemittanceImportService(db.transactions(), archive, (tx, imported) -> {
            throw new IllegalStateException(new java.sql.SQLDataException(
                    "Value too long for column PATIENT_LAST_NAME: 'SECRETPATIENTNAME'", "22001"));
        });

        ImportOutcome outcome = failing.importFile(sample(), ProgressListener.NONE, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("could not be stored (database error, SQL state 22001)").doesNotContain("SECRETPATIENTNAME"));
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(archive).isEmptyDirectory();
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedByTheCheckNamingItsSegmentNotByTheDatabase() throws IOException {
        Map<String, Long> before = rowCounts();
        ClaimPayment claim = RemitTestData.lineClaim("7003000-00", "20.00", "15.00", "1.00");
        String longName = "SECRETPATIENTNAME".repeat(20); // longer than NM103 (60) and remit_claim.patient_last_name
        ClaimPayment withLongName = new ClaimPayment("1", claim.patientControlNumber(), "1", claim.charge(), claim.paid(),
                claim.patientResponsibility(), "12", "A1", "01", "1", List.of(),
                List.of(ClaimName.patient(longName, "ALPHA", "ZQX1")), List.of(), List.of(), List.of(), List.of(),
                claim.serviceLines(), List.of());
        Path p = file("long-name.835", RemitTestData.write(new Remittance(List.of(RemitTestData.transaction(
                "000000043", "43", "0001", "EFT43", List.of(withLongName), List.of())))));

        ImportOutcome outcome = importFile(p);

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("long-name.835, segment 16 (NM1), NM103: NM103 is 340 characters long; 005010X221A1 allows "
                        + "at most 60").doesNotContain("SQL state").doesNotContain("SECRETPATIENTNAME"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static Remittance samePaymentTwice(String firstTrace, String secondTrace) {
        List<ClaimPayment> claims = List.of(RemitTestData.lineClaim("7005001-00", "20.00", "15.00", "1.00"));
        return new Remittance(List.of(
                RemitTestData.transaction("000000071", "71", "0001", firstTrace, claims, List.of()),
                RemitTestData.transaction("000000071", "71", "0002", secondTrace, claims, List.of())));
    }

    @Test
    void refusesAFileCarryingTheSamePaymentTwiceAndStoresNothing() throws IOException {
        Map<String, Long> before = rowCounts();

        ImportOutcome outcome = importFile(file("twice.835", RemitTestData.write(samePaymentTwice("EFT-7", "EFT-7"))));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("twice.835, segment 24 (TRN), TRN02: Payment 2 (trace EFT-7), ST02 0002: the same payment as "
                        + "payment 1 of this file (ST02 0001 at segment 3)"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aPaymentResentWithItsTraceInOtherLetterCaseIsADuplicate() throws IOException {
        importFile(sample());
        Map<String, Long> before = rowCounts();
        String resent = Samples.text(Samples.SAMPLE_835).replace("000004321", "000009999")
                .replace("*4321*X*", "*9999*X*").replace("GE*1*4321", "GE*1*9999").replace("EFT0314A77", "eft0314a77");

        ImportOutcome outcome = importFile(file("acme-resent.835", resent));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Duplicate.class, d -> {
            assertThat(d.reason()).isEqualTo(ImportOutcome.DuplicateReason.SAME_PAYMENT);
            assertThat(d.earlierPayment().traceNumber()).isEqualTo("EFT0314A77");
            assertThat(d.message()).contains("already imported from 'acme-0314.835'");
        });
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesTheSamePaymentTwiceEvenWithoutTheImportersCheck() throws IOException {
        importFile(sample());
        assertThat(strings("SELECT trace_key FROM payment")).containsExactly("EFT314A77");

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO payment (remit_file_id, seq, interchange_control, group_control, transaction_control,
                    payer_name, payer_identifier, trace_number, trace_key, amount, credit_debit, handling_code, method,
                    payment_date)
                SELECT remit_file_id, 2, interchange_control, group_control, transaction_control, payer_name,
                    payer_identifier, 'eft 0314a77', 'EFT314A77', amount, credit_debit, handling_code, method, payment_date
                FROM payment""")))
                .hasMessageContaining("PAYMENT_SAME_PAYMENT");
    }

    @Test
    void aPaymentStoredMeanwhileByAnotherImportIsADuplicateNotAFailure() throws Exception {
        CountDownLatch firstStoring = new CountDownLatch(1);
        CountDownLatch secondChecked = new CountDownLatch(1);
        RemittanceImportService first = new RemittanceImportService(db.transactions(), archive, (tx, imported) -> {
            firstStoring.countDown();
            awaitLatch(secondChecked); // hold the first import's transaction open until the second has checked
        });
        Path a = file("a.835", RemitTestData.write(twoPayments("EFT-A", "EFT-B")));
        Path b = file("b.835", RemitTestData.write(twoPayments("EFT-C", "eft-b")).replace("000000051", "000000061"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ImportOutcome> firstOutcome = pool.submit(() -> first.importFile(a, ProgressListener.NONE, () -> false));
            awaitLatch(firstStoring);

            // the second import's duplicate SELECT runs before the first commits, so only the unique index sees it
            ImportOutcome second = service.importFile(b, (done, total, message) -> {
                if (message.startsWith("Storing")) {
                    secondChecked.countDown();
                }
            }, () -> false);

            assertThat(firstOutcome.get(30, TimeUnit.SECONDS).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(second).as(second.message()).isInstanceOfSatisfying(ImportOutcome.Duplicate.class, d -> {
                assertThat(d.reason()).isEqualTo(ImportOutcome.DuplicateReason.SAME_PAYMENT);
                assertThat(d.earlierPayment().traceNumber()).isEqualTo("EFT-B");
                assertThat(d.earlierFile().fileName()).isEqualTo("a.835");
            });
        } finally {
            secondChecked.countDown();
            pool.shutdownNow();
        }
        assertThat(strings("SELECT trace_number FROM payment ORDER BY id")).containsExactly("EFT-A", "EFT-B");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Remittance twoPayments(String firstTrace, String secondTrace) {
        return new Remittance(List.of(
                RemitTestData.transaction("000000051", "51", "0001", firstTrace,
                        List.of(RemitTestData.lineClaim("7005001-00", "20.00", "15.00", "1.00")), List.of()),
                RemitTestData.transaction("000000051", "52", "0001", secondTrace,
                        List.of(RemitTestData.lineClaim("7005002-00", "30.00", "25.00", "2.00"),
                                RemitTestData.claimLevelClaim("7005003-00", "2", "10.00", "8.00", "2.00")),
                        List.of(RemitTestData.plb("L6", null, "-0.50")))));
    }

    @Test
    void importsEveryPaymentOfAFileWithSeveralGroups() throws IOException {
        ImportOutcome outcome = importFile(file("two.835", RemitTestData.write(twoPayments("EFT-A", "EFT-B"))));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Imported.class, i -> {
            assertThat(i.payments()).extracting(PaymentSummary::traceNumber).containsExactly("EFT-A", "EFT-B");
            assertThat(i.payments()).extracting(PaymentSummary::claimCount).containsExactly(1, 2);
            assertThat(i.payments()).extracting(p -> p.amount().toString()).containsExactly("15.00", "33.50");
            assertThat(i.file().paymentCount()).isEqualTo(2);
        });
    }

    @Test
    void refusesAWholeFileWhenOneOfItsPaymentsWasImportedBefore() throws IOException {
        importFile(file("first.835", RemitTestData.write(twoPayments("EFT-A", "EFT-B"))));
        Map<String, Long> before = rowCounts();
        String later = RemitTestData.write(twoPayments("EFT-C", "EFT-B")).replace("000000051", "000000061");

        ImportOutcome outcome = importFile(file("later.835", later));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Duplicate.class, d -> {
            assertThat(d.reason()).isEqualTo(ImportOutcome.DuplicateReason.SAME_PAYMENT);
            assertThat(d.earlierPayment().traceNumber()).isEqualTo("EFT-B");
        });
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aFileThatRepeatsAStoredPaymentAndAlsoBreaksARuleIsRefusedForTheRule() throws IOException {
        importFile(file("first.835", RemitTestData.write(twoPayments("EFT-A", "EFT-B"))));
        Map<String, Long> before = rowCounts();
        // the repeated payment comes first; the broken balance only after it, in the file's last payment
        String later = RemitTestData.write(twoPayments("EFT-B", "EFT-D")).replace("000000051", "000000061")
                .replace("BPR*I*33.50", "BPR*I*34.50");

        ImportOutcome outcome = importFile(file("later.835", later));

        assertThat(outcome).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("later.835").contains("BPR02").contains("trace EFT-D").contains("34.50"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void readsTheFileOnceAndLeavesNoArchiveCopyOfARefusedOne() throws IOException {
        List<String> reads = new ArrayList<>();
        ImportOutcome imported = service.importFile(sample(), (done, total, message) -> {
            if (done == 0) {
                reads.add(message);
            }
        }, () -> false);
        assertThat(imported.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(reads).as("one read, reported from its start").containsExactly("Storing acme-0314.835");

        String unbalanced = Samples.text(Samples.SAMPLE_835).replace("000004321", "000009999")
                .replace("EFT0314A77", "EFT0314B88").replace("BPR*I*206.82", "BPR*I*207.82");
        ImportOutcome refused = importFile(file("bad.835", unbalanced));

        assertThat(refused.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        try (var archived = Files.list(archive)) {
            assertThat(archived.map(p -> p.getFileName().toString()))
                    .containsExactly(((ImportOutcome.Imported) imported).file().sha256() + ".835");
        }
        assertThat(strings("SELECT state FROM remit_import ORDER BY id")).containsExactly("PUBLISHED", "ABANDONED");
    }

    @Test
    void logsNeverCarryPatientNamesOrMemberIds() throws IOException {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            importFile(sample());
            importFile(file("again.835", Samples.text(Samples.SAMPLE_835)));
            importFile(file("bad.835", Samples.text(Samples.SAMPLE_835).replace("BPR*I*206.82", "BPR*I*1.00")));
            new RemittanceImportService(db.transactions(), archive, (tx, imported) -> {
                throw new IllegalStateException("step failed");
            }).importFile(file("other.835", Samples.text(Samples.SAMPLE_835).replace("EFT0314A77", "EFT0314A78")),
                    ProgressListener.NONE, () -> false);
        } finally {
            root.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + " "
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .doesNotContain("TESTPATIENT").doesNotContain("ZQX000"));
    }

    static Remittance manyClaims(String isa, String trace, int count) {
        List<ClaimPayment> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rx = String.format("%07d-%02d", 7000000 + i, i % 100);
            claims.add(i % 5 == 0 ? RemitTestData.claimLevelClaim(rx, "1", "30.00", "22.50", "5.00")
                    : RemitTestData.lineClaim(rx, "48.25", "21.85", "10.00"));
        }
        return new Remittance(List.of(RemitTestData.transaction(isa, "77", "0001", trace, claims,
                List.of(RemitTestData.plb("CS", "FEE", "0.60")))));
    }
}
