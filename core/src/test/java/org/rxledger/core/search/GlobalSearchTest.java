package org.rxledger.core.search;

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
import org.rxledger.core.audit.AuditCase;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.audit.AuditStatus;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

class GlobalSearchTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private final List<ExceptionItem> exceptions = new ArrayList<>();
    private final GlobalSearch search = new GlobalSearch(db.transactions(), () -> exceptions);
    private TestOffice office;

    @AfterEach
    void close() {
        db.close();
    }

    private Claim claim(String rx, int fill, long patientId) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office)
                .parties(patientId, office.plan().id(), office.plan().bin(), office.plan().pcn(), office.plan().groupId(),
                        office.prescriber().id(), office.drug().id(), office.drug().ndc())
                .rx(rx).fill(fill).dateOfService(LocalDate.of(2025, 3, fill + 1)).build(), office.payer().id()));
    }

    private void office() {
        office = TestOffice.create(db.transactions());
    }

    private static List<String> titles(List<SearchHit> hits, SearchHit.Kind kind) {
        return hits.stream().filter(h -> h.kind() == kind).map(SearchHit::title).toList();
    }

    @Test
    void anRxNumberFindsItsFillsNewestFirstAndAFillNumberOnlyThatFill() {
        office();
        claim("7001234", 1, office.patient().id());
        Claim second = claim("7001234", 2, office.patient().id());
        claim("7009999", 0, office.patient().id());

        List<SearchHit> hits = search.search("700123");
        assertThat(titles(hits, SearchHit.Kind.CLAIM)).containsExactly("Rx 7001234-02", "Rx 7001234-01");
        assertThat(hits.get(0).key()).isEqualTo(String.valueOf(second.id()));
        assertThat(hits.get(0).detail()).contains("2025-03-03").contains("TESTPATIENT, ALPHA");

        assertThat(titles(search.search("7001234-1"), SearchHit.Kind.CLAIM)).containsExactly("Rx 7001234-01");
    }

    @Test
    void aPatientNameFindsTheirClaimsAndTheirAccountInEitherOrderButNeverShowsTheCardholderId() {
        office();
        Patient other = db.transactions().inTransaction(tx -> tx.port(ReferenceRepository.class)
                .insertPatient("BRUNO", "TAYLOR", LocalDate.of(1970, 1, 2), Patient.Gender.MALE));
        claim("7100001", 0, other.id());
        claim("7100002", 0, office.patient().id());

        List<SearchHit> byLast = search.search("tayl");
        assertThat(titles(byLast, SearchHit.Kind.CLAIM)).containsExactly("Rx 7100001-00");
        assertThat(titles(byLast, SearchHit.Kind.PATIENT)).containsExactly("TAYLOR, BRUNO");
        assertThat(byLast.stream().filter(h -> h.kind() == SearchHit.Kind.PATIENT).findFirst().orElseThrow().key())
                .isEqualTo("P" + other.id());
        assertThat(titles(search.search("bruno tay"), SearchHit.Kind.PATIENT)).containsExactly("TAYLOR, BRUNO");
        assertThat(titles(search.search("Taylor, Br"), SearchHit.Kind.PATIENT)).containsExactly("TAYLOR, BRUNO");

        List<SearchHit> byCardholder = search.search("zqx00012345");
        assertThat(titles(byCardholder, SearchHit.Kind.CLAIM)).containsExactlyInAnyOrder("Rx 7100001-00", "Rx 7100002-00");
        assertThat(byCardholder).allSatisfy(h -> assertThat(h.title() + h.detail()).doesNotContain("ZQX00012345"));

        assertThat(titles(search.search("P" + other.id()), SearchHit.Kind.PATIENT)).first().isEqualTo("TAYLOR, BRUNO");
    }

    @Test
    void aTraceNumberPrefixFindsThePaymentWithItsPayerAndAmount() throws IOException {
        office();
        Path file = dir.resolve("sample.835");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        new RemittanceImportService(db.transactions(), dir.resolve("archive")).importFile(file, ProgressListener.NONE, () -> false);

        List<SearchHit> hits = search.search("EFT0314");
        assertThat(titles(hits, SearchHit.Kind.PAYMENT)).containsExactly("Trace EFT0314A77");
        assertThat(hits.get(0).detail()).startsWith("2025-03-14 · ");
        assertThat(search.search("EFT9")).isEmpty();
    }

    @Test
    void anAuditIdAndAnExceptionKeyOrReferenceFindTheirItems() {
        office();
        db.transactions().inTransaction(tx -> tx.port(AuditCaseRepository.class).insert(new AuditCase(0, "OPT-2025-0412",
                "OptumRx", AuditType.DESK, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "", AuditStatus.RECEIVED,
                TestDatabases.NOW, "clerk1")));
        exceptions.add(new ExceptionItem("SHORT_PAID:C42", ExceptionCategory.SHORT_PAID, "ACME", "7001234-02", "EFT0314A77",
                Money.parse("30.00"), Money.parse("21.85"), "why", "next", LocalDate.of(2025, 3, 14), 6, null,
                ExceptionStatus.OPEN, null, 42L, 7L, 1L, null, List.of()));

        List<SearchHit> audit = search.search("opt-2025");
        assertThat(titles(audit, SearchHit.Kind.AUDIT_CASE)).containsExactly("Audit OPT-2025-0412");
        assertThat(audit.get(0).key()).isEqualTo("OPT-2025-0412");

        assertThat(search.search("short_paid:c42")).extracting(SearchHit::key).containsExactly("SHORT_PAID:C42");
        List<SearchHit> byRx = search.search("7001234-0");
        assertThat(titles(byRx, SearchHit.Kind.EXCEPTION)).containsExactly("Short-paid");
        assertThat(byRx.get(byRx.size() - 1).detail()).contains("-8.15");
    }

    @Test
    void tooShortTextAndLikeWildcardsFindNothing() {
        office();
        claim("7001234", 1, office.patient().id());
        assertThat(search.search("7")).isEmpty();
        assertThat(search.search("%%")).isEmpty();
        assertThat(search.search("7_01234")).isEmpty();
    }
}
