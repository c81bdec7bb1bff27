package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;
import static org.rxledger.core.collections.CollectionsFixture.CLERK_2;
import static org.rxledger.core.collections.CollectionsFixture.SUPERVISOR;
import static org.rxledger.core.collections.ClaimRemittances.denied;
import static org.rxledger.core.collections.ClaimRemittances.paid;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimReversals;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.testdata.ClaimBuilder;

/**
 * The third-party write-off kinds (issue 18) on a real H2 with the real migrations and real 835 imports, matched but
 * not posted (a review-first payer): each rule at its edge, an approval's and a reversal's ledger batches, and the
 * guards (a rebill, a payment made twice, a patient balance while the plan still owes). A payment posted, unposted or
 * re-matched on a written-off claim, or the claim reversed at the pharmacy, takes the write-off back first (ADR 0035):
 * the claim is booked once and its receivable never goes below zero.
 */
class ThirdPartyWriteOffTest {

    private static final LocalDate DOS = ClaimRemittances.DOS;
    private static final LocalDate PAID_ON = ClaimRemittances.PAID_ON;

    @TempDir
    Path dir;

    private final CollectionsFixture f = new CollectionsFixture();
    private final PostingService posting = new PostingService(f.db.transactions());
    private ClaimRemittances r;

    @BeforeEach
    void remittances() {
        r = new ClaimRemittances(f, dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Claim claim(String planPaid) {
        return r.claim(planPaid);
    }

    private long remit(ClaimPayment... claims) {
        return r.remit(claims);
    }

    private Money receivable(Claim c) {
        return r.receivable(c);
    }

    private List<WriteOff> claimScope(LocalDate asOf) {
        return f.writeOffs.recommend(CLERK, asOf).created().stream().filter(w -> w.kind().claimScope()).toList();
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

    /** Recommends as of the date and has a supervisor (not the proposer) approve the one claim write-off. */
    private WriteOff approveOne(LocalDate asOf, WriteOffKind kind) {
        WriteOff w = claimScope(asOf).get(0);
        assertThat(w.kind()).isEqualTo(kind);
        return f.writeOffs.approve(SUPERVISOR, w.id());
    }

    private Money co(Claim c) {
        return r.balance(c, LedgerAccount.CONTRACTUAL_ADJUSTMENT);
    }

    private void assertRecovered(WriteOff w, String cause) {
        WriteOff now = f.writeOffs.get(w.id());
        assertThat(now.status()).isEqualTo(WriteOff.Status.REVERSED);
        assertThat(now.decisionReason()).startsWith("recovered: ").contains(cause);
        long recoveries = f.db.transactions().read(tx -> tx.port(LedgerRepository.class)
                .forClaim(w.items().get(0).claimId()).stream()
                .filter(e -> e.sourceType().equals(WriteOffService.SOURCE_WRITE_OFF_RECOVERY)
                        && e.sourceId().equals(String.valueOf(w.id()))).count());
        assertThat(recoveries).as("one recovery batch of two entries").isEqualTo(2);
    }

    @Test
    void aPaymentPostedAfterANeverPaidWriteOffTakesTheWriteOffBack() {
        Claim c = claim("20.00");
        WriteOff w = approveOne(DOS.plusDays(180), WriteOffKind.NEVER_PAID);
        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        long payment = remit(paid(c, "20.00"));

        posting.post(payment);

        assertThat(receivable(c)).as("paid once, not paid and written off").isEqualTo(Money.ZERO);
        assertThat(co(c)).isEqualTo(Money.ZERO);
        assertThat(r.balance(c, LedgerAccount.PAYER_CASH)).isEqualTo(Money.parse("20.00"));
        assertRecovered(w, "posted");
        assertThat(claimScope(DOS.plusDays(400))).isEmpty();
    }

    @Test
    void aDenialPostedAfterItsWriteOffIsBookedOnce() {
        Claim c = claim("30.00");
        long payment = remit(denied(c));
        WriteOff w = approveOne(PAID_ON.plusDays(90), WriteOffKind.DENIAL_FINAL);
        assertThat(co(c)).isEqualTo(Money.parse("30.00"));

        posting.post(payment);

        assertThat(receivable(c)).as("not -30.00").isEqualTo(Money.ZERO);
        assertThat(co(c)).as("the denial once, not 60.00").isEqualTo(Money.parse("30.00"));
        assertRecovered(w, "payment trace T");
    }

    @Test
    void aShortPayPostedAfterItsResidueWasWrittenOffIsBookedOnce() {
        Claim c = claim("20.00");
        long payment = remit(paid(c, "19.25"));
        WriteOff w = approveOne(PAID_ON.plusDays(60), WriteOffKind.SHORT_PAY_RESIDUE);
        assertThat(receivable(c)).isEqualTo(Money.parse("19.25"));
        assertThat(claimScope(PAID_ON.plusDays(90))).as("an approved write-off is not proposed twice").isEmpty();

        posting.post(payment);

        assertThat(receivable(c)).as("not -0.75").isEqualTo(Money.ZERO);
        assertThat(co(c)).isEqualTo(Money.parse("0.75"));
        assertRecovered(w, "posted");
    }

    @Test
    void unpostingAfterARecoveryLeavesTheClaimOwedAndADecisionToMakeAgain() {
        Claim c = claim("30.00");
        long payment = remit(denied(c));
        WriteOff first = approveOne(PAID_ON.plusDays(90), WriteOffKind.DENIAL_FINAL);
        posting.post(payment);

        posting.unpost(payment, "wrong payer");

        assertThat(receivable(c)).as("owed again, the write-off not re-applied").isEqualTo(Money.parse("30.00"));
        assertThat(co(c)).isEqualTo(Money.ZERO);
        assertThat(f.writeOffs.get(first.id()).status()).isEqualTo(WriteOff.Status.REVERSED);
        WriteOff second = approveOne(PAID_ON.plusDays(100), WriteOffKind.DENIAL_FINAL);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(receivable(c)).isEqualTo(Money.ZERO);

        posting.post(payment);

        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        assertThat(co(c)).isEqualTo(Money.parse("30.00"));
        assertRecovered(second, "posted");
    }

    @Test
    void aRecommendationOvertakenByAPostingIsRefusedAsStale() {
        Claim c = claim("30.00");
        long payment = remit(denied(c));
        WriteOff w = claimScope(PAID_ON.plusDays(90)).get(0);
        posting.post(payment);
        Money contractual = co(c);

        assertThatThrownBy(() -> f.writeOffs.approve(SUPERVISOR, w.id())).isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("changed since");

        assertThat(co(c)).isEqualTo(contractual);
        assertThat(receivable(c)).isEqualTo(Money.ZERO);
    }

    @Test
    void aClaimReversedAtThePharmacyAfterItsWriteOffTakesTheWriteOffBack() {
        Claim c = claim("20.00");
        WriteOff w = approveOne(DOS.plusDays(180), WriteOffKind.NEVER_PAID);

        f.db.transactions().inTransaction(tx -> ClaimReversals.reverse(tx, c.id(), DOS.plusDays(200), "return to stock"));

        assertThat(receivable(c)).as("not -20.00").isEqualTo(Money.ZERO);
        assertThat(co(c)).isEqualTo(Money.ZERO);
        assertRecovered(w, "claim reversed");
    }
}
