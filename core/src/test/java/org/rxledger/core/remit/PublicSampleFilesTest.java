package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rxledger.core.money.Money;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;

/**
 * The five public 835 files (public-835/README.md, docs/remittances.md "Public sample files"): the exact
 * and complete list of problems each refused file gets, and proof that the reader refuses them for those
 * problems only: with the authors' slips repaired (and nothing else changed) every one of them imports.
 */
class PublicSampleFilesTest {

    @TempDir
    Path dir;

    private Database db;
    private RemittanceImportService service;

    @BeforeEach
    void open() {
        db = Database.inMemory("public-835-" + UUID.randomUUID(), new Actor("clerk1", "ws1"),
                Clock.fixed(Instant.parse("2025-03-15T14:00:00Z"), ZoneOffset.UTC));
        service = new RemittanceImportService(db.transactions(), dir.resolve("archive"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static final String BPR16_MISSING = "segment 4 (BPR), BPR16: the payment date (BPR16, check issue or EFT "
            + "effective date) is missing (BPR15 holds '%s': the date may be one element too early)";
    private static final String NOT_COMPOSITE = "segment %d (SVC), SVC0%d: Payment 1 (trace %s), claim %s: "
            + "product/service id '%s' is not a qualifier and code separated by ':' (the component separator "
            + "declared in ISA16)";

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                Arguments.of("cob-contractural-adjustment.835", List.of(
                        BPR16_MISSING.formatted("20050318"),
                        NOT_COMPOSITE.formatted(21, 1, "0063158ABC", "0001000055", "HC>55669"))),
                Arguments.of("managed-care.835", List.of(
                        "segment 4 (BPR), BPR16: '20002316' is not a valid date (CCYYMMDD)")),
                Arguments.of("secondary-payment.835", List.of(
                        BPR16_MISSING.formatted("20050412"),
                        NOT_COMPOSITE.formatted(29, 1, "0012524965", "0001000053", "HC>12345>26"),
                        NOT_COMPOSITE.formatted(34, 1, "0012524965", "0001000053", "HC>66543>26"))),
                Arguments.of("tertiary-payment.835", List.of(
                        BPR16_MISSING.formatted("20050412"),
                        NOT_COMPOSITE.formatted(20, 1, "0012524879", "0001000054", "HC"),
                        NOT_COMPOSITE.formatted(20, 6, "0012524879", "0001000054", "1"),
                        "segment 20 (SVC), SVC03: Payment 1 (trace 0012524879), claim 0001000054, service line 1: "
                                + "SVC02 24599.00 minus line adjustments 1579.00 comes to 23020.00 but SVC03 says 1766.50")));
    }

    @ParameterizedTest
    @MethodSource("refusedFiles")
    void refusedFilesGetExactlyTheProblemsTheirAuthorsLeftIn(String name, List<String> expected) throws IOException {
        ImportOutcome outcome = service.importFile(write(name, Samples.text(name)), ProgressListener.NONE, () -> false);

        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) outcome).problems()).extracting(RemittanceProblem::describe)
                .containsExactlyElementsOf(expected.stream().map(m -> name + ", " + m).toList());
        long stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM remit_claim").mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    /** The slips, undone: BPR16 one element later, ':' as ISA16 declares it, a valid month, SVC01's code. */
    static Stream<Arguments> repairedFiles() {
        String bpr = "CHK***********2005";
        String bpr16 = "CHK************2005";
        return Stream.of(
                Arguments.of("cob-contractural-adjustment.835", List.of(bpr, bpr16, "HC>55669", "HC:55669"), 1, "34.00"),
                Arguments.of("managed-care.835", List.of("*20002316~", "*20020316~"), 2, "945.00"),
                Arguments.of("secondary-payment.835", List.of(bpr, bpr16, "HC>12345>26", "HC:12345:26",
                        "HC>66543>26", "HC:66543:26"), 2, "1222.00"),
                Arguments.of("tertiary-payment.835", List.of(bpr, bpr16, "SVC*HC*24599.00*", "SVC*HC:24599*"), 1,
                        "187.50"),
                Arguments.of("medicare-part-a.835", List.of(), 2, "150000.00"));
    }

    @ParameterizedTest
    @MethodSource("repairedFiles")
    void withTheSlipsRepairedEveryPublicFileImports(String name, List<String> replacements, int claims, String amount)
            throws IOException {
        String text = Samples.text(name);
        for (int i = 0; i < replacements.size(); i += 2) {
            assertThat(text).contains(replacements.get(i));
            text = text.replace(replacements.get(i), replacements.get(i + 1));
        }

        ImportOutcome outcome = service.importFile(write(name, text), ProgressListener.NONE, () -> false);

        assertThat(outcome).as(outcome.toString()).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) outcome).payments()).singleElement().satisfies(p -> {
            assertThat(p.claimCount()).isEqualTo(claims);
            assertThat(p.amount()).isEqualTo(Money.parse(amount));
        });
    }

    @Test
    void theReaderAloneAgreesWithTheImport() {
        X12RemittanceReader reader = new X12RemittanceReader();
        for (String name : Samples.PUBLIC_835) {
            ReadResult result = reader.read(new ByteArrayInputStream(Samples.bytes(name)), name,
                    new RemittanceHandler() { }, () -> false);
            assertThat(result.ok()).as(name).isEqualTo(name.equals("medicare-part-a.835"));
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }
}
