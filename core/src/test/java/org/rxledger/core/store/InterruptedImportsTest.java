package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ImportPublications;
import org.rxledger.core.remit.InterruptedImport;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * What the open does with an import a killed process left unpublished (ADR 0015), with the torn states
 * made by hand: the kill itself is {@link CrashConsistencyTest}'s job. A torn state is made the way H2
 * leaves one — some tables with the whole file, others with part of it or none — by removing rows of a
 * fully imported file and setting its attempt back to RUNNING.
 */
class InterruptedImportsTest {

    private static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
            "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh();
    private RemittanceImportService imports;
    private Path file;
    private Map<String, Object> clean;

    @BeforeEach
    void importOnce() throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        List<ClaimPayment> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ClaimBuilder b = ClaimBuilder.aPaidClaim(office).rx(String.valueOf(7_100_000 + i)).authorization("AUTH" + i);
            Claim c = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
            Money paid = c.grossAmountDue().minus(c.patientPay());
            lines.add(RemittanceBuilder.claim(c.rxNumber() + "-00", "1", c.grossAmountDue(), paid, c.patientPay(),
                    c.authorizationNumber(), c.dateOfService(), "12345067890", new BigDecimal("30"), c.cardholderId(),
                    RemittanceBuilder.contractualAndCopay(c.grossAmountDue(), paid, c.patientPay()), List.of()));
        }
        List<Remittance.Transaction> payments = List.of(
                RemittanceBuilder.payment(PARTIES, "TRN-A", java.time.LocalDate.of(2025, 3, 14), 101, lines.subList(0, 3), List.of()),
                RemittanceBuilder.payment(PARTIES, "TRN-B", java.time.LocalDate.of(2025, 3, 14), 102, lines.subList(3, 6), List.of()));
        file = dir.resolve("torn.835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(payments, w);
        }
        imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep());
        assertThat(importFile()).isEqualTo(ImportOutcome.Status.IMPORTED);
        clean = books();
        assertThat(clean.get("postings")).isEqualTo(2L);
    }

    @Test
    void anImportIsPublishedWithItsManifest() {
        Map<String, Object> row = importRow();
        assertThat(row.get("state")).isEqualTo("PUBLISHED");
        assertThat(row.get("payments")).isEqualTo(2);
        assertThat(row.get("claims")).isEqualTo(6L);
        assertThat(row.get("postings")).isEqualTo(2L);
        assertThat(((BigDecimal) row.get("ledger_cash"))).isEqualByComparingTo((BigDecimal) row.get("payment_total"));
        assertThat(InterruptedImports.recover(db.ownerJdbi(), TestDatabases.CLERK, TestDatabases.CLOCK)).isEmpty();
    }

    @Test
    void aFileWithSomeTablesMissingIsRemovedSaidAndAuditedAndImportsAgainAsIfNew() {
        tear(h -> {
            // as in issue 23: payments stored and marked posted, part of the postings and ledger entries gone
            h.execute("DELETE FROM match_decision");
            h.execute("DELETE FROM ledger_entry WHERE seq IN (SELECT MAX(seq) FROM ledger_entry WHERE source_type LIKE 'REMIT%')");
            h.execute("DELETE FROM remit_posting WHERE id = (SELECT MAX(id) FROM remit_posting)");
        });

        List<InterruptedImport> found = InterruptedImports.recover(db.ownerJdbi(), TestDatabases.CLERK, TestDatabases.CLOCK);

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo(InterruptedImport.Outcome.REMOVED);
            assertThat(i.fileName()).isEqualTo("torn.835");
            assertThat(i.message()).contains("torn.835", "2 payment(s)", "Import the file again");
        });
        Map<String, Object> after = books();
        assertThat(after.get("payments")).isEqualTo(0L);
        assertThat(after.get("claim payments")).isEqualTo(0L);
        assertThat(after.get("remittance ledger entries")).isEqualTo(0L);
        assertThat(importRow().get("state")).isEqualTo("REPAIRED");
        assertThat(count("SELECT COUNT(*) FROM audit_record WHERE action = 'remittance.import_repaired'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM journal_event WHERE event_type = 'remittance.import_repaired'")).isEqualTo(1);

        assertThat(importFile()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(books()).isEqualTo(clean);
    }

    @Test
    void ledgerEntriesWhosePostingRecordIsMissingAreFoundThroughTheirSource() {
        tear(h -> h.execute("DELETE FROM remit_posting"));

        assertThat(InterruptedImports.recover(db.ownerJdbi(), TestDatabases.CLERK, TestDatabases.CLOCK))
                .extracting(InterruptedImport::outcome).containsExactly(InterruptedImport.Outcome.REMOVED);
        assertThat(books().get("remittance ledger entries")).isEqualTo(0L);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry")).as("the claims' own entries stay").isPositive();

        assertThat(importFile()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(books()).isEqualTo(clean);
    }

    @Test
    void aFileStoredCompletelyBeforeTheKillIsKeptAndPublished() {
        tear(h -> { });

        List<InterruptedImport> found = InterruptedImports.recover(db.ownerJdbi(), TestDatabases.CLERK, TestDatabases.CLOCK);

        assertThat(found).extracting(InterruptedImport::outcome).containsExactly(InterruptedImport.Outcome.COMPLETED);
        assertThat(importRow().get("state")).isEqualTo("PUBLISHED");
        assertThat(books()).isEqualTo(clean);
        assertThat(importFile()).isEqualTo(ImportOutcome.Status.DUPLICATE);
    }

    @Test
    void anAttemptThatStoredNothingIsClosedQuietly() {
        db.transactions().inTransaction(tx -> tx.port(ImportPublications.class).begin("0".repeat(64), "never.835"));

        assertThat(InterruptedImports.recover(db.ownerJdbi(), TestDatabases.CLERK, TestDatabases.CLOCK))
                .extracting(InterruptedImport::outcome).containsExactly(InterruptedImport.Outcome.NOTHING_STORED);
        assertThat(books()).isEqualTo(clean);
        assertThat(count("SELECT COUNT(*) FROM remit_import WHERE state = 'RUNNING'")).isZero();
    }

    @Test
    void theAppendOnlyTablesStillRefuseEverythingOutsideARepair() {
        TestOwner.jdbi(db).useHandle(h -> {
            assertThatThrownBy(() -> h.execute("DELETE FROM ledger_entry")).hasMessageContaining("append-only");
            // naming a published import does not open the door
            h.execute("SET @RXLEDGER_REPAIR = (SELECT MAX(id) FROM remit_import)");
            assertThatThrownBy(() -> h.execute("DELETE FROM ledger_entry")).hasMessageContaining("append-only");
            h.execute("UPDATE remit_import SET state = 'RUNNING'");
            // a RUNNING import lets a repair delete, never update, and only in the tables a repair touches
            assertThatThrownBy(() -> h.execute("UPDATE ledger_entry SET memo = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> h.execute("DELETE FROM audit_record")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> h.execute("DELETE FROM journal_event")).hasMessageContaining("append-only");
            h.execute("SET @RXLEDGER_REPAIR = NULL");
            assertThatThrownBy(() -> h.execute("DELETE FROM match_decision")).hasMessageContaining("append-only");
        });
    }

    // ---------------------------------------------------------------------------------------------------

    private ImportOutcome.Status importFile() {
        return imports.importFile(file, ProgressListener.NONE, () -> false).status();
    }

    /** Sets the file's attempt back to RUNNING and removes rows with the append-only triggers let through. */
    private void tear(java.util.function.Consumer<Handle> damage) {
        TestOwner.jdbi(db).useHandle(h -> {
            h.execute("UPDATE remit_import SET state = 'RUNNING', finished_at = NULL");
            h.execute("SET @RXLEDGER_REPAIR = (SELECT MAX(id) FROM remit_import)");
            damage.accept(h);
            h.execute("SET @RXLEDGER_REPAIR = NULL");
        });
    }

    private Map<String, Object> importRow() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM remit_import ORDER BY id DESC LIMIT 1").mapToMap().one());
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** What a clerk sees of remittances and the ledger, without ids. */
    private Map<String, Object> books() {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.put("payments", count("SELECT COUNT(*) FROM payment"));
        m.put("posted", count("SELECT COUNT(*) FROM payment WHERE status = 'POSTED'"));
        m.put("claim payments", count("SELECT COUNT(*) FROM remit_claim"));
        m.put("matched", count("SELECT COUNT(*) FROM remit_claim WHERE match_status <> 'UNMATCHED'"));
        m.put("decisions", count("SELECT COUNT(*) FROM match_decision"));
        m.put("postings", count("SELECT COUNT(*) FROM remit_posting"));
        m.put("remittance ledger entries", count("SELECT COUNT(*) FROM ledger_entry WHERE source_type LIKE 'REMIT%'"));
        m.put("ledger per claim and account", db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT claim_id, account, SUM(amount) s FROM ledger_entry GROUP BY claim_id, account
                        ORDER BY claim_id, account""")
                .map((rs, ctx) -> rs.getObject(1) + "/" + rs.getString(2) + "=" + rs.getBigDecimal(3).toPlainString())
                .list()));
        return m;
    }

    /** Issue 23: a settle H2 cannot get past ends in a message naming the file, not in an open that never returns. */
    @Test
    void aSettleThatDoesNotFinishInTimeRefusesTheOpenWithAMessage() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> InterruptedImports.withinLimit(() -> {
            Thread.sleep(60_000);
            return null;
        }, java.time.Duration.ofMillis(300), 7, "big.835"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("big.835").hasMessageContaining("restore the data folder");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));

        InterruptedImport done = new InterruptedImport(8, "ok.835", InterruptedImport.Outcome.NOTHING_STORED, "m");
        assertThat(InterruptedImports.withinLimit(() -> done, java.time.Duration.ofSeconds(30), 8, "ok.835")).isSameAs(done);
        assertThatThrownBy(() -> InterruptedImports.withinLimit(() -> {
            throw new IllegalStateException("boom");
        }, java.time.Duration.ofSeconds(30), 9, "bad.835")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
