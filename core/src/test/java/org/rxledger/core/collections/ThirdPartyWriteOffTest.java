package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;
import static org.rxledger.core.collections.CollectionsFixture.CLERK_2;
import static org.rxledger.core.collections.CollectionsFixture.SUPERVISOR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;

/**
 * The third-party write-off kinds (issue 18) on a real H2 with the real migrations and real 835 imports, matched but
 * not posted (a review-first payer): each rule at its edge, an approval's and a reversal's ledger batches, and the
 * guards (a rebill, a payment made twice, a patient balance while the plan still owes).
 */
class ThirdPartyWriteOffTest {

    private static final LocalDate DOS = LocalDate.of(2024, 9, 1);
    private static final LocalDate PAID_ON = LocalDate.of(2024, 10, 1);
    private static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
            "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");

    @TempDir
    Path dir;

    private final CollectionsFixture f = new CollectionsFixture();
    private int rx = 7200000;
    private int control = 100;

    @AfterEach
    void close() {
        f.close();
    }

    /** A claim the plan adjudicated to pay {@code planPaid}, with nothing remitted or posted yet. */
    private Claim claim(String planPaid) {
        int n = rx++;
        return f.db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(f.office)
                .rx(String.valueOf(n)).fill(0).dateOfService(DOS).authorization("A" + n).planPaid(planPaid)
                .patientPay("0.00").build(), f.office.payer().id()));
    }

    private static ClaimPayment paid(Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(c.rxNumber() + "-00", "1", charge, p, c.patientPay(), c.authorizationNumber(),
                c.dateOfService(), "12345067890", new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()), List.of());
    }

    private static ClaimPayment denied(Claim c) {
        Money charge = c.grossAmountDue();
        List<Adjustment> adj = new ArrayList<>();
        adj.add(new Adjustment("CO", "16", charge, null));
        return RemittanceBuilder.claim(c.rxNumber() + "-00", "1", charge, Money.ZERO, Money.ZERO, c.authorizationNumber(),
                c.dateOfService(), "12345067890", new BigDecimal("30"), c.cardholderId(), adj, List.of());
    }

    /** Imports an 835 paid on {@link #PAID_ON} and matches it, as for a payer whose payments are posted after review. */
    private void remit(ClaimPayment... claims) {
        Path file = dir.resolve("p" + control + ".835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(PARTIES, "T" + control, PAID_ON, control++,
                    List.of(claims), List.of())), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RemittanceImportService imports = new RemittanceImportService(f.db.transactions(), dir.resolve("archive"),
                (tx, imported) -> imported.paymentIds().forEach(id -> MatchingService.matchPayment(tx, id)));
        assertThat(imports.importFile(file, ProgressListener.NONE, () -> false)).isInstanceOf(ImportOutcome.Imported.class);
    }

    private List<WriteOff> claimScope(LocalDate asOf) {
        return f.writeOffs.recommend(CLERK, asOf).created().stream().filter(w -> w.kind().claimScope()).toList();
    }

    private Money receivable(Claim c) {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(c.id(),
                LedgerAccount.THIRD_PARTY_RECEIVABLE));
    }

    @Test
    void neverPaidWaitsOneHundredEightyDaysAfterTheDateOfService() {
        Claim c = claim("20.00");

        assertThat(claimScope(DOS.plusDays(179))).as("179 days").isEmpty();
        WriteOff w = claimScope(DOS.plusDays(180)).get(0);

        assertThat(w.kind()).isEqualTo(WriteOffKind.NEVER_PAID);
        assertThat(w.scope()).isEqualTo("claim");
        assertThat(w.rxFill()).isEqualTo(c.rxNumber() + "-00");
        assertThat(w.accountKey()).isEqualTo("C:" + c.id());
        assertThat(w.accountName()).isNotBlank();
        assertThat(w.amount()).isEqualTo(Money.parse("20.00"));
        assertThat(w.tier()).isEqualTo(ApprovalTier.CLERK);
        assertThat(w.explanation()).contains("180 days after the date of service");
        assertThat(claimScope(DOS.plusDays(200))).as("one waiting recommendation per claim").isEmpty();
    }

    @Test
    void aDenialIsFinalNinetyDaysAfterTheRemittanceUnlessRebilled() {
        Claim c = claim("30.00");
        remit(denied(c));

        assertThat(claimScope(PAID_ON.plusDays(89))).as("89 days").isEmpty();
        WriteOff w = claimScope(PAID_ON.plusDays(90)).get(0);
        assertThat(w.kind()).isEqualTo(WriteOffKind.DENIAL_FINAL);
        assertThat(w.amount()).isEqualTo(Money.parse("30.00"));
        assertThat(w.tier()).isEqualTo(ApprovalTier.SUPERVISOR);
        assertThat(w.explanation()).contains("90 days ago");

        Claim denied = claim("40.00");
        remit(denied(denied));
        f.db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(f.office)
                .rx(denied.rxNumber()).fill(0).dateOfService(DOS).authorization("R" + denied.rxNumber()).planPaid("40.00")
                .build(), f.office.payer().id()));
        assertThat(claimScope(PAID_ON.plusDays(120))).as("rebilled: the new claim is followed up instead")
                .noneMatch(x -> x.accountKey().equals("C:" + denied.id()));
    }

    @ParameterizedTest(name = "short by {0}: residue {1}")
    @CsvSource({"1.00, true", "1.01, false"})
    void aShortPayResidueIsAtMostOneDollarAndSixtyDaysOld(String shortBy, boolean writtenOff) {
        Claim c = claim("20.00");
        remit(paid(c, Money.parse("20.00").minus(Money.parse(shortBy)).toString()));

        assertThat(claimScope(PAID_ON.plusDays(59))).as("59 days").isEmpty();
        List<WriteOff> at60 = claimScope(PAID_ON.plusDays(60));
        if (writtenOff) {
            assertThat(at60).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(WriteOffKind.SHORT_PAY_RESIDUE);
                assertThat(w.amount()).isEqualTo(Money.parse(shortBy));
                assertThat(w.tier()).isEqualTo(ApprovalTier.CLERK);
            });
        } else {
            assertThat(at60).as("1.01 is disputed, not written off").isEmpty();
        }
    }

    @Test
    void approvalWritesTheReceivableOffToContractualAdjustmentsAndReversalPutsItBack() {
        Claim c = claim("20.00");
        WriteOff w = claimScope(DOS.plusDays(180)).get(0);
        assertThatThrownBy(() -> f.writeOffs.approve(CLERK, w.id())).isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("another person");
        Money contractualBefore = f.ledger(LedgerAccount.CONTRACTUAL_ADJUSTMENT);

        assertThat(f.writeOffs.approve(CLERK_2, w.id()).status()).isEqualTo(WriteOff.Status.APPROVED);

        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        assertThat(f.ledger(LedgerAccount.CONTRACTUAL_ADJUSTMENT).minus(contractualBefore)).isEqualTo(Money.parse("20.00"));
        assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(claimScope(LocalDate.of(2025, 4, 1))).as("nothing left to write off after the approval").isEmpty();

        f.writeOffs.reverse(SUPERVISOR, w.id(), "the payer paid after all");
        assertThat(receivable(c)).isEqualTo(Money.parse("20.00"));
        assertThat(f.ledger(LedgerAccount.CONTRACTUAL_ADJUSTMENT)).isEqualTo(contractualBefore);
    }

    @Test
    void aClaimPaidTwiceIsNeverWrittenOff() {
        Claim c = claim("20.00");
        remit(paid(c, "19.50"));
        remit(paid(c, "19.50"));

        assertThat(claimScope(PAID_ON.plusDays(200))).isEmpty();
    }

    @Test
    void thePatientShareWaitsWhileThePlanStillOwesButTheClaimCanBeGivenUp() {
        Claim c = f.fill(DOS, "80.00", true);
        f.statements(DOS.plusDays(10), 4);

        List<WriteOff> all = f.writeOffs.recommend(CLERK, DOS.plusDays(200)).created();

        assertThat(all).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(WriteOffKind.NEVER_PAID);
            assertThat(w.items()).extracting(WriteOff.Item::claimId).containsExactly(c.id());
        });
    }
}
