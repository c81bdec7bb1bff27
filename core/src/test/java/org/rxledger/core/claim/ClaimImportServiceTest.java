package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

/** Real H2 with the real migrations; no mocks. */
class ClaimImportServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);

    private final Database db = Database.inMemory("import-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
    private final Transactions tx = db.transactions();
    private final ClaimImportService service = new ClaimImportService(tx, new ClaimRules(CLOCK));

    @AfterEach
    void close() {
        db.close();
    }

    static String sample() {
        try (InputStream in = ClaimImportServiceTest.class.getResourceAsStream("claims-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClaimImportResult importText(String csv) {
        return service.importCsv("claims.csv", new StringReader(csv));
    }

    /** Counts of claim rows, ledger entries, journal events. */
    private List<Long> counts() {
        return tx.read(t -> List.of(t.port(ClaimRepository.class).count(), t.port(LedgerRepository.class).count(), t.port(Journal.class).count()));
    }

    @Test
    void patientPayNotCollectedAtTheCounterStaysOnThePatientsOrTheHouseChargeAccount() {
        String[] lines = sample().split("\\R");
        StringBuilder csv = new StringBuilder(lines[0]).append(",patient_paid_at_pos,charge_account\n");
        csv.append(lines[1]).append(",4.00,\n");          // 10.00 due, 4.00 paid at the counter
        csv.append(lines[2]).append(",0,maple-ltc\n");    // 25.00 due, billed to the facility
        csv.append(lines[3]).append(",,\n");              // blank: all collected

        ClaimImportResult result = importText(csv.toString());

        assertThat(result.errors()).isEmpty();
        tx.read(t -> {
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("31.00"));
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.COUNTER_CASH)).isEqualTo(Money.parse("9.00"));
            assertThat(t.port(org.rxledger.core.collections.CollectionsRepository.class).openItems("H:MAPLE-LTC", java.time.LocalDate.of(2030, 1, 1)))
                    .singleElement().satisfies(i -> assertThat(i.balance()).isEqualTo(Money.parse("25.00")));
            assertThat(Money.sum(t.port(LedgerRepository.class).trialBalance().values())).isEqualTo(Money.ZERO);
            return null;
        });
    }

    @Test
    void aCounterPaymentAboveThePatientPayIsRefusedNamingTheLineAndColumn() {
        String[] lines = sample().split("\\R");
        String csv = lines[0] + ",patient_paid_at_pos\n" + lines[1] + ",10.01\n";

        ClaimImportResult result = importText(csv);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("patient_paid_at_pos");
            assertThat(e.message()).contains("10.01 is more than the patient pay amount 10.00");
        });
        assertThat(counts().get(0)).isZero();
    }

    @Test
    void importsTheSharedSampleWithReceivablesEqualToPlanPaidAndPatientPay() {
        ClaimImportResult result = importText(sample());

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(5);
        assertThat(result.skippedDuplicates()).isZero();
        tx.read(t -> {
            assertThat(t.port(ClaimRepository.class).count()).isEqualTo(5);
            // 21.85 + 262.40 + 55.10 + 12.00 + 9.50 (509-F9 is the third-party receivable, DOMAIN.md §4.1)
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("360.85"));
            // 10.00 + 25.00 + 5.00 + 4.00 + 3.00 — collected at the counter: the file has no patient_paid_at_pos
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.COUNTER_CASH)).isEqualTo(Money.parse("47.00"));
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.ZERO);
            assertThat(t.port(LedgerRepository.class).balance(LedgerAccount.PRESCRIPTION_SALES)).isEqualTo(Money.parse("-407.85"));
            assertThat(t.port(LedgerRepository.class).trialBalance().values()).extracting(Money::toString).isNotEmpty();
            assertThat(Money.sum(t.port(LedgerRepository.class).trialBalance().values())).isEqualTo(Money.ZERO);
            Claim first = t.port(ClaimRepository.class).findActive(new ClaimKey("7001234", 2, java.time.LocalDate.of(2025, 3, 3), "999999", "TESTPCN")).orElseThrow();
            assertThat(t.port(LedgerRepository.class).claimBalance(first.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
            assertThat(first.source()).isEqualTo(ClaimSource.CSV_IMPORT);
            assertThat(t.port(ReferenceRepository.class).patients()).hasSize(5);
            assertThat(t.port(ReferenceRepository.class).prescribers()).hasSize(4).allSatisfy(p -> assertThat(p.lastName()).isEqualTo("UNKNOWN"));
            assertThat(t.port(ReferenceRepository.class).drugs()).hasSize(5);
            assertThat(t.port(ReferenceRepository.class).plans()).hasSize(2);
            assertThat(t.port(ReferenceRepository.class).payers()).extracting(p -> p.name()).containsExactlyInAnyOrder("Payer BIN 999999", "Payer BIN 610014");
            // five claim.recorded events plus one for the file
            assertThat(t.port(Journal.class).since(0, 100)).extracting(e -> e.type())
                    .containsOnly(ClaimRecorder.EVENT_CLAIM_RECORDED, ClaimImportService.EVENT_IMPORTED)
                    .filteredOn(ClaimImportService.EVENT_IMPORTED::equals).hasSize(1);
            return null;
        });
    }

    @Test
    void reimportingTheSameFileAddsNothingAndCountsTheSkippedClaims() {
        importText(sample());
        List<Long> before = counts();

        ClaimImportResult again = importText(sample());

        assertThat(again.errors()).isEmpty();
        assertThat(again.imported()).isZero();
        assertThat(again.skippedDuplicates()).isEqualTo(5);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void reusesExistingPatientsPlansPrescribersAndDrugsOnALaterFile() {
        importText(sample());
        String[] lines = sample().split("\n");
        // same patient, plan, prescriber and drug as claim 1, next fill
        String nextFill = lines[1].replace("7001234,2,2025-03-03", "7001234,3,2025-03-08").replace("A25071000001", "A25071000099");

        ClaimImportResult result = importText(lines[0] + "\n" + nextFill + "\n");

        assertThat(result.imported()).isEqualTo(1);
        tx.read(t -> {
            assertThat(t.port(ReferenceRepository.class).patients()).hasSize(5);
            assertThat(t.port(ReferenceRepository.class).plans()).hasSize(2);
            assertThat(t.port(ReferenceRepository.class).drugs()).hasSize(5);
            assertThat(t.port(ReferenceRepository.class).prescribers()).hasSize(4);
            return null;
        });
    }

    @Test
    void refusesTheWholeFileWhenOneRowHasABadNpiNamingLineAndColumn() {
        String bad = sample().replace("1450001239", "1450001230");
        List<Long> before = counts();

        ClaimImportResult result = importText(bad);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("claims.csv");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("prescriber_npi");
            assertThat(e.message()).contains("1450001230").contains("check digit");
            assertThat(e.toString()).startsWith("claims.csv line 4, column prescriber_npi: Prescriber NPI");
        });
        assertThat(counts()).isEqualTo(before).containsExactly(0L, 0L, 0L);
    }

    @Test
    void refusesAFileWithoutARequiredColumnNamingIt() {
        String withoutNdc = sample().replace(",ndc,", ",product,");

        ClaimImportResult result = importText(withoutNdc);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("ndc");
            assertThat(e.message()).contains("Required column ndc");
        });
        assertThat(counts()).containsExactly(0L, 0L, 0L);
    }

    @Test
    void refusesABadDateAndABadAmountOnTheirLines() {
        String bad = sample().replace("2025-03-04", "2025-02-30").replace("38.25,1.75", "38.2.5,1.75");

        ClaimImportResult result = importText(bad);

        assertThat(result.errors()).extracting(ClaimImportError::line, ClaimImportError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "date_of_service"),
                org.assertj.core.groups.Tuple.tuple(5L, "ingredient_cost_submitted"));
        assertThat(result.errors().get(0).message()).contains("'2025-02-30' is not a valid date");
        assertThat(result.errors().get(1).message()).contains("'38.2.5' is not an amount");
        assertThat(counts()).containsExactly(0L, 0L, 0L);
    }

    @Test
    void acceptsColumnsInAnyOrderAndIgnoresUnknownOnes() {
        String[] lines = sample().split("\n");
        StringBuilder reordered = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> list = new java.util.ArrayList<>(List.of(cells));
            java.util.Collections.reverse(list);
            list.add(line.startsWith("rx_number") ? "store_note" : "anything");
            reordered.append(String.join(",", list)).append('\n');
        }

        ClaimImportResult result = importText(reordered.toString());

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(5);
    }

    @Test
    void refusesAnEmptyFileAndAFileWithoutHeader() {
        assertThat(importText("").errors()).singleElement().extracting(ClaimImportError::message).asString().contains("empty");
        String noHeader = sample().substring(sample().indexOf('\n') + 1);
        assertThat(importText(noHeader).errors()).first().extracting(ClaimImportError::message).asString().contains("not a header row");
    }

    @Test
    void refusesTheSameClaimTwiceInOneFile() {
        String[] lines = sample().split("\n");

        ClaimImportResult result = importText(lines[0] + "\n" + lines[1] + "\n" + lines[1] + "\n");

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("repeats the claim on line 2");
        });
    }

    @Test
    void importsARejectedClaimWithoutMovingMoney() {
        String header = sample().split("\n")[0] + ",response_status,reject_codes";
        String row = "7009999,0,2025-03-05,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,"
                + "12345067890,30,30,0,1987654328,46.50,1.75,52.00,48.25,,,,R,79";

        ClaimImportResult result = importText(header + "\n" + row + "\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(1);
        assertThat(counts().get(1)).isZero();
    }
    @Test
    void refusesARowWithTheWrongNumberOfValuesNamingItsLine() {
        String[] lines = sample().split("\n");

        ClaimImportResult result = importText(lines[0] + "\n" + lines[1] + "\n" + lines[2] + ",extra\n");

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEmpty();
            assertThat(e.message()).contains("24 values but the header has 23 columns");
        });
        assertThat(counts()).containsExactly(0L, 0L, 0L);
    }
    @Test
    void importsAFileFromDiskNamingErrorsByItsFileName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve("march-claims.csv");
        java.nio.file.Files.writeString(file, sample().replace("1450001239", "1450001230"), StandardCharsets.UTF_8);

        ClaimImportResult refused = service.importFile(file);
        java.nio.file.Files.writeString(file, sample(), StandardCharsets.UTF_8);
        ClaimImportResult imported = service.importFile(file);

        assertThat(refused.errors()).singleElement().extracting(ClaimImportError::file).isEqualTo("march-claims.csv");
        assertThat(imported.imported()).isEqualTo(5);
    }

    @Test
    void refusesMalformedCsvInPlainWords() {
        String[] lines = sample().split("\n");

        ClaimImportResult result = importText(lines[0] + "\n" + lines[1].replace("ALPHA", "\"ALPHA\"X") + "\n");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).first().extracting(ClaimImportError::message).asString().startsWith("The file is not valid CSV");
        assertThat(counts()).containsExactly(0L, 0L, 0L);
    }
}
