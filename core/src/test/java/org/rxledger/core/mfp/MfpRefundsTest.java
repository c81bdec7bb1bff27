package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.ledger.LedgerRepository;

/**
 * Worked examples on a real H2 (docs/mfp.md). The sample price list gives NDC 12345067890 MFP 0.50000 and WAC
 * 12.34567 per unit from 2026-01-01 to 2026-06-30, so a fill of 30 units is owed (12.34567 − 0.50000) × 30 =
 * 11.84567 × 30 = 355.3701, i.e. 355.37. The MTF file mtf-refunds.835 pays on 2026-02-10: Rx 7001234-2 in full,
 * 7001300-1 300.00, 7001600-1 355.37 then reverses it, 7001700-1 355.37, and an Rx the office never filled; its
 * second payment on 2026-02-25 pays 7001500-1 in full.
 */
class MfpRefundsTest {

    private static final LocalDate AFTER_ALL_DUE = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    private MfpFixture f;

    @BeforeEach
    void setUp() {
        f = new MfpFixture(dir);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private Map<String, MfpRefund> byRxFill(LocalDate asOf) {
        return f.mfp.refunds(asOf).stream().collect(Collectors.toMap(MfpRefund::rxFill, Function.identity()));
    }

    @Test
    void aFillIsEligibleWhenItsNdcIsOnTheListForItsDateOfServiceAndItsPayerIsPartD() {
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.store(f.claim("7001235", 1, LocalDate.of(2025, 12, 31)));          // before the list starts
        f.store(f.claim("7001236", 1, LocalDate.of(2026, 2, 2)).parties(f.office.patient().id(), f.office.plan().id(),
                "999999", "TESTPCN", "GRP7781", f.office.prescriber().id(), f.office.drug().id(), MfpFixture.OTHER_NDC));
        f.store(f.claim("7001237", 1, LocalDate.of(2026, 7, 1)));             // second price version: WAC 12.99999

        Map<String, MfpRefund> refunds = byRxFill(LocalDate.of(2026, 2, 3));

        assertThat(refunds.keySet()).containsExactlyInAnyOrder("7001234-02", "7001237-01");
        MfpRefund first = refunds.get("7001234-02");
        assertThat(first.expected()).isEqualTo(Money.parse("355.37"));
        assertThat(first.wacPerUnit()).isEqualByComparingTo("12.34567");
        assertThat(first.clockStart()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(first.due()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(first.state()).isEqualTo(RefundState.EXPECTED);
        // (12.99999 − 0.50000) × 30 = 374.9997 → 375.00
        assertThat(refunds.get("7001237-01").expected()).isEqualTo(Money.parse("375.00"));
    }

    @Test
    void aRoutingNotMarkedPartDOwesNoRefundAndTheMostSpecificRoutingDecides() {
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.mfp.setPartD(MfpFixture.PART_D, false, "commercial PCN after all");
        assertThat(f.mfp.refunds(LocalDate.of(2026, 2, 3))).isEmpty();

        // the BIN is less specific than the BIN + PCN that says no
        f.mfp.setPartD(new Routing("999999", "", ""), true, "the whole BIN is Part D");
        assertThat(f.mfp.refunds(LocalDate.of(2026, 2, 3))).isEmpty();

        f.mfp.setPartD(MfpFixture.PART_D, true, "Part D PCN after all");
        assertThat(f.mfp.refunds(LocalDate.of(2026, 2, 3))).hasSize(1);

        f.mfp.setPartD(new Routing("999999", "TESTPCN", "GRP7781"), false, "but not this group");
        assertThat(f.mfp.refunds(LocalDate.of(2026, 2, 3))).isEmpty();
        assertThat(f.mfp.partDRoutings()).extracting(r -> r.routing().label())
                .containsExactly("BIN 999999", "BIN 999999 PCN TESTPCN");
    }

    @Test
    void anExcludedFillIsOwedNothingUntilItIsLetBackIn() {
        Claim c = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));

        f.mfp.setExcluded(c.id(), true, ExclusionReason.THREE_40B, "340B purchase");
        assertThat(f.mfp.refunds(AFTER_ALL_DUE)).isEmpty();

        f.mfp.setExcluded(c.id(), false, ExclusionReason.THREE_40B, "not 340B after all");
        assertThat(f.mfp.refunds(AFTER_ALL_DUE)).extracting(MfpRefund::rxFill).containsExactly("7001234-02");
    }

    @Test
    void theMtfRemittanceIsMatchedToTheFillsWithoutTouchingThePlansPayments() {
        Claim paid = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.store(f.claim("7001500", 1, LocalDate.of(2026, 2, 5)));
        f.store(f.claim("7001600", 1, LocalDate.of(2026, 2, 6)));
        f.store(f.claim("7001700", 1, LocalDate.of(2026, 2, 7)).reversed());
        // the plan pays its own share of the first fill, as adjudicated
        f.importPlanPayment("PLAN0212", List.of(RemittanceBuilder.claim("7001234-02", "1", paid.grossAmountDue(),
                paid.planPaid(), paid.patientPay(), paid.authorizationNumber(), paid.dateOfService(), MfpFixture.SELECTED_NDC,
                new BigDecimal("30"), paid.cardholderId(), RemittanceBuilder.contractualAndCopay(paid.grossAmountDue(),
                        paid.planPaid(), paid.patientPay()), List.of())));
        Money planReceivableBefore = planReceivable(paid);
        long planMatchedBefore = matchedRemitClaims();

        f.importResource("mtf-refunds.835");
        MfpService.RecordResult recorded = f.mfp.recordRemittedRefunds();

        // 6 of the 7 claim payments name a fill the office has; 9999999 does not
        assertThat(recorded.recorded()).isEqualTo(6);
        assertThat(recorded.unmatched()).isEqualTo(1);
        assertThat(recorded.total()).isEqualTo(Money.parse("1366.11"));
        // nothing more for the plan: its receivable and its matches are as before
        assertThat(matchedRemitClaims()).isEqualTo(planMatchedBefore);
        assertThat(planReceivable(paid)).isEqualTo(planReceivableBefore);
        // the refunds are on their own accounts: five active fills expected, 5 × 355.37 = 1776.85 earned; 1366.11
        // received leaves 1776.85 − 1366.11 = 410.74 on the MFP refund receivable
        assertThat(mfpRefundsBalance()).isEqualTo(Money.parse("-1776.85"));
        assertThat(balance(LedgerAccount.MFP_REFUND_RECEIVABLE)).isEqualTo(Money.parse("410.74"));

        Map<String, MfpRefund> refunds = byRxFill(AFTER_ALL_DUE);
        assertThat(refunds.get("7001234-02").state()).isEqualTo(RefundState.PAID);
        assertThat(refunds.get("7001234-02").receipts()).extracting(RefundReceipt::kind).containsExactly(RefundKind.ORIGINAL);
        assertThat(refunds.get("7001300-01").state()).isEqualTo(RefundState.SHORT);
        assertThat(refunds.get("7001300-01").shortfall()).isEqualTo(Money.parse("55.37"));
        assertThat(refunds.get("7001400-00").state()).isEqualTo(RefundState.MISSING);
        // paid 2026-02-25, due 2026-02-19
        assertThat(refunds.get("7001500-01").state()).isEqualTo(RefundState.LATE);
        // paid then reversed by the MTF: nothing kept, past due
        assertThat(refunds.get("7001600-01").receipts()).extracting(RefundReceipt::kind)
                .containsExactly(RefundKind.ORIGINAL, RefundKind.REVERSAL);
        assertThat(refunds.get("7001600-01").received()).isEqualTo(Money.ZERO);
        assertThat(refunds.get("7001600-01").state()).isEqualTo(RefundState.MISSING);
        // the pharmacy reversed the claim but kept a refund: it is owed back
        assertThat(refunds.get("7001700-01").state()).isEqualTo(RefundState.REVERSED);
    }

    @Test
    void reMatchingWaitingClaimPaymentsLeavesTheMtfsAlone() {
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.importResource("mtf-refunds.835");

        org.rxledger.core.posting.WaitingRematch.Result r = new org.rxledger.core.posting.WaitingRematch(f.db.transactions()).run();

        assertThat(r.lookedAt()).isZero();
        assertThat(matchedRemitClaims()).isZero();
    }

    @Test
    void recordingTwiceRecordsNothingMore() {
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        MfpService.RecordResult again = f.mfp.recordRemittedRefunds();

        assertThat(again.recorded()).isZero();
        // 355.37 expected once, received once
        assertThat(mfpRefundsBalance()).isEqualTo(Money.parse("-355.37"));
        assertThat(balance(LedgerAccount.MFP_REFUND_RECEIVABLE)).isEqualTo(Money.ZERO);
    }

    @Test
    void aFillEnteredAfterItsRefundArrivedIsMatchedOnTheNextRecording() {
        f.importResource("mtf-refunds.835");
        assertThat(f.mfp.recordRemittedRefunds().unmatched()).isEqualTo(7);

        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));

        assertThat(f.mfp.recordRemittedRefunds().recorded()).isEqualTo(1);
        assertThat(byRxFill(AFTER_ALL_DUE).get("7001234-02").state()).isEqualTo(RefundState.PAID);
    }

    @Test
    void aManufacturersOwnAmountReplacesTheStandardDefault() {
        Claim c = f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();
        assertThat(byRxFill(AFTER_ALL_DUE).get("7001300-01").state()).isEqualTo(RefundState.SHORT);

        f.mfp.setManufacturerAmount(c.id(), Money.parse("300.00"), "manufacturer's effectuation file");

        MfpRefund r = byRxFill(AFTER_ALL_DUE).get("7001300-01");
        assertThat(r.standardDefault()).isEqualTo(Money.parse("355.37"));
        assertThat(r.expected()).isEqualTo(Money.parse("300.00"));
        assertThat(r.state()).isEqualTo(RefundState.PAID);
    }

    @Test
    void aShortRefundIsDisputedSubmittedAndResolvedWithAnAuditTrail() {
        Claim c = f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        Claim fullyPaid = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        long id = f.mfp.openDispute(c.id(), "SHORT_PAID", "paid 300.00 of 355.37", AFTER_ALL_DUE);
        assertThatThrownBy(() -> f.mfp.openDispute(c.id(), "SHORT_PAID", "again", AFTER_ALL_DUE))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("already has dispute " + id);
        assertThatThrownBy(() -> f.mfp.openDispute(fullyPaid.id(), "SHORT_PAID", "", AFTER_ALL_DUE))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("this one is paid");
        f.mfp.submitDispute(id, "sent through the MTF complaint and dispute intake");
        assertThat(byRxFill(AFTER_ALL_DUE).get("7001300-01").dispute().status()).isEqualTo(DisputeStatus.SUBMITTED);

        f.mfp.resolveDispute(id, Money.parse("55.37"), "manufacturer agreed");

        Dispute d = byRxFill(AFTER_ALL_DUE).get("7001300-01").dispute();
        assertThat(d.status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(d.resolvedAmount()).isEqualTo(Money.parse("55.37"));
        assertThatThrownBy(() -> f.mfp.withdrawDispute(id, "too late")).hasMessageContaining("already resolved");
        List<String> actions = f.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_record WHERE entity_type = 'mfp_dispute' ORDER BY seq").mapTo(String.class).list());
        assertThat(actions).containsExactly("MFP_DISPUTE_OPEN", "MFP_DISPUTE_SUBMITTED", "MFP_DISPUTE_RESOLVED");
    }

    @Test
    void mfpRowsCannotBeRewritten() {
        Claim c = f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();
        f.mfp.openDispute(c.id(), "SHORT_PAID", "", AFTER_ALL_DUE);

        for (String table : List.of("mfp_price", "mfp_refund_receipt", "mfp_dispute", "mfp_part_d_routing", "mfp_refund_payer")) {
            assertThatThrownBy(() -> org.rxledger.core.store.TestOwner.jdbi(f.db).useHandle(h -> h.execute("DELETE FROM " + table)))
                    .as(table).hasMessageContaining("append-only");
        }
    }

    @Test
    void aPayerOutsideTheDirectoryCannotBeGivenARole() {
        assertThatThrownBy(() -> f.mfp.setRefundPayer("NO SUCH PAYER", true, "test"))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("No payer named 'NO SUCH PAYER'");
    }

    private Money planReceivable(Claim c) {
        return f.db.transactions().<Money>read(tx -> tx.port(LedgerRepository.class).claimBalance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE));
    }

    private Money mfpRefundsBalance() {
        return balance(LedgerAccount.MFP_REFUNDS);
    }

    private Money balance(LedgerAccount account) {
        return f.db.transactions().<Money>read(tx -> tx.port(LedgerRepository.class).balance(account));
    }

    private long matchedRemitClaims() {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM remit_claim WHERE matched_claim_id IS NOT NULL")
                .mapTo(Long.class).one());
    }
}
