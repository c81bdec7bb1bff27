package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
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
import org.rxledger.core.claim.ClaimReversals;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconciliationService;

/**
 * The expected refund on the ledger (docs/adr/0023): each eligible fill's MFP refund receivable, on its own account,
 * must always equal what the refund says is still owed. Sample prices: WAC 12.34567, MFP 0.50000 per unit, 30 units:
 * (12.34567 − 0.50000) × 30 = 355.3701 → 355.37 expected per fill. The MTF file (mtf-refunds.835) pays 7001234-2
 * 355.37, 7001300-1 300.00, and 7001500-1 355.37 on 2026-02-25 (due 2026-02-19).
 */
class MfpReceivableTest {

    private static final LocalDate AFTER_ALL_DUE = LocalDate.of(2026, 3, 1);
    private static final Money EXPECTED = Money.parse("355.37");

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

    @Test
    void theExpectedRefundIsPostedToItsOwnReceivableAndAFullRefundClearsIt() {
        Claim c = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        Money thirdPartyBefore = receivable(c, LedgerAccount.THIRD_PARTY_RECEIVABLE);

        assertThat(f.mfp.recordRemittedRefunds().accrued()).isEqualTo(1);
        // accrual: receivable +355.37, MFP refunds −355.37 (earned)
        assertThat(receivable(c)).isEqualTo(EXPECTED);
        assertThat(receivable(c, LedgerAccount.MFP_REFUNDS)).isEqualTo(EXPECTED.negate());

        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        // 355.37 accrued − 355.37 received = 0.00; the cash is in; the plan's receivable is as it was
        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        assertThat(receivable(c, LedgerAccount.PAYER_CASH)).isEqualTo(EXPECTED);
        assertThat(receivable(c, LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(thirdPartyBefore);
        MfpRefund r = refund("7001234-02");
        assertThat(r.state()).isEqualTo(RefundState.PAID);
        assertThat(r.ledgerReceivable()).isEqualTo(r.outstanding()).isEqualTo(Money.ZERO);
        // every batch of the claim balances, and loading again posts nothing more
        long entries = ledger(c).size();
        assertThat(f.mfp.recordRemittedRefunds().accrued()).isZero();
        assertThat(ledger(c)).hasSize((int) entries);
    }

    @Test
    void aPartialRefundLeavesTheShortfallOpenAndALateOneClosesIt() {
        Claim shortPaid = f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        Claim late = f.store(f.claim("7001500", 1, LocalDate.of(2026, 2, 5)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        // 355.37 expected − 300.00 received = 55.37 still owed
        assertThat(receivable(shortPaid)).isEqualTo(Money.parse("55.37"));
        assertThat(refund("7001300-01").state()).isEqualTo(RefundState.SHORT);
        assertThat(refund("7001300-01").ledgerReceivable()).isEqualTo(refund("7001300-01").outstanding());
        // paid in full on 2026-02-25, six days after it was due: late, but nothing owed
        assertThat(receivable(late)).isEqualTo(Money.ZERO);
        assertThat(refund("7001500-01").state()).isEqualTo(RefundState.LATE);
    }

    @Test
    void aManufacturersOwnAmountMovesTheReceivableAndAnAmountBelowWhatWasPaidLeavesAnOverpaidCredit() {
        Claim shortPaid = f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        Claim fullyPaid = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        // the manufacturer computes 300.00 for the short-paid fill: 355.37 → 300.00 accrued, a −55.37 batch; 300.00 paid
        f.mfp.setManufacturerAmount(shortPaid.id(), Money.parse("300.00"), "manufacturer's effectuation file");
        assertThat(receivable(shortPaid)).isEqualTo(Money.ZERO);
        assertThat(accrualBatches(shortPaid)).extracting(LedgerEntry::amount)
                .containsExactly(EXPECTED, Money.parse("-55.37"));
        assertThat(refund("7001300-01").state()).isEqualTo(RefundState.PAID);

        // and 300.00 for the fill paid 355.37: 300.00 − 355.37 = −55.37, a credit: overpaid by the manufacturer
        f.mfp.setManufacturerAmount(fullyPaid.id(), Money.parse("300.00"), "manufacturer's effectuation file");
        assertThat(receivable(fullyPaid)).isEqualTo(Money.parse("-55.37"));
        assertThat(refund("7001234-02").state()).isEqualTo(RefundState.OVERPAID);
        assertThat(refund("7001234-02").outstanding()).isEqualTo(Money.parse("-55.37"));
    }

    @Test
    void aClaimReversedAfterItsRefundGetsAReversingBatchAndTheRefundIsOwedBack() {
        Claim c = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();
        assertThat(receivable(c)).isEqualTo(Money.ZERO);

        f.db.transactions().inTransaction(tx -> ClaimReversals.reverse(tx, c.id(), LocalDate.of(2026, 2, 20), "returned to stock"));
        assertThat(f.mfp.recordRemittedRefunds().accrued()).isEqualTo(1);

        // accrual +355.37, reversing batch −355.37, refund received −355.37: −355.37 owed back to the manufacturer
        assertThat(accrualBatches(c)).extracting(LedgerEntry::amount).containsExactly(EXPECTED, EXPECTED.negate());
        assertThat(receivable(c)).isEqualTo(EXPECTED.negate());
        assertThat(receivable(c, LedgerAccount.MFP_REFUNDS)).isEqualTo(Money.ZERO);
        MfpRefund r = refund("7001234-02");
        assertThat(r.state()).isEqualTo(RefundState.REVERSED);
        assertThat(r.ledgerReceivable()).isEqualTo(r.outstanding());
    }

    @Test
    void aClaimReversedBeforeAnyRefundClosesItsReceivable() {
        Claim c = f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.mfp.recordRemittedRefunds();
        assertThat(receivable(c)).isEqualTo(EXPECTED);

        f.db.transactions().inTransaction(tx -> ClaimReversals.reverse(tx, c.id(), LocalDate.of(2026, 2, 5), "never picked up"));
        f.mfp.recordRemittedRefunds();

        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        assertThat(f.mfp.refunds(AFTER_ALL_DUE)).isEmpty();
    }

    @Test
    void thePriceListImportThatMakesAFillEligiblePostsItsReceivable() {
        Claim c = f.store(f.claim("7001800", 1, LocalDate.of(2026, 2, 9)).parties(f.office.patient().id(),
                f.office.plan().id(), "999999", "TESTPCN", "", f.office.prescriber().id(), f.office.drug().id(),
                MfpFixture.OTHER_NDC));
        f.mfp.recordRemittedRefunds();
        assertThat(receivable(c)).isEqualTo(Money.ZERO);

        f.mfp.importPrices("late-list.csv", new StringReader("""
                ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer
                55555012399,1.00000,3.00000,2026-01-01,,EXAMPLE BIOLOGICS LLC
                """));

        // (3.00000 − 1.00000) × 30 = 60.00, posted in the import's own transaction
        assertThat(receivable(c)).isEqualTo(Money.parse("60.00"));
    }

    @Test
    void writingOffAMissingRefundClosesTheReceivableWithTheTierOfItsAmount() {
        Claim c = f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.mfp.recordRemittedRefunds();
        assertThat(refund("7001400-00").state()).isEqualTo(RefundState.MISSING);

        Money written = f.mfp.writeOff(c.id(), "manufacturer refused, dispute window closed", AFTER_ALL_DUE);

        // 355.37 accrued − 355.37 written off = 0.00
        assertThat(written).isEqualTo(EXPECTED);
        assertThat(receivable(c)).isEqualTo(Money.ZERO);
        assertThat(receivable(c, LedgerAccount.MFP_REFUND_WRITE_OFF)).isEqualTo(EXPECTED);
        MfpRefund r = refund("7001400-00");
        assertThat(r.state()).isEqualTo(RefundState.WRITTEN_OFF);
        assertThat(r.ledgerReceivable()).isEqualTo(r.outstanding()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> f.mfp.writeOff(c.id(), "again", AFTER_ALL_DUE))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("this one is written off");
        String audit = f.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_record WHERE action = 'MFP_REFUND_WRITTEN_OFF'").mapTo(String.class).one());
        assertThat(audit).contains("BILLING_MANAGER");
        assertThatThrownBy(() -> org.rxledger.core.store.TestOwner.jdbi(f.db).useHandle(h -> h.execute("DELETE FROM mfp_write_off")))
                .hasMessageContaining("append-only");
    }

    @Test
    void aDisputedRefundIsNotWrittenOffUntilTheDisputeIsClosed() {
        Claim c = f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.mfp.recordRemittedRefunds();
        f.mfp.openDispute(c.id(), "MISSING", "", AFTER_ALL_DUE);

        assertThatThrownBy(() -> f.mfp.writeOff(c.id(), "give up", AFTER_ALL_DUE))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("resolve or withdraw it first");
        assertThat(receivable(c)).isEqualTo(EXPECTED);
    }

    @Test
    void thirdPartyAgingDoesNotCountTheMfpReceivable() {
        f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        ReconciliationService recon = new ReconciliationService(f.db.transactions());
        Money before = Money.sum(recon.aging(AFTER_ALL_DUE).stream().map(ReconciliationService.PayerAging::total).toList());

        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        assertThat(Money.sum(recon.aging(AFTER_ALL_DUE).stream().map(ReconciliationService.PayerAging::total).toList()))
                .isEqualTo(before);
        // while the MFP receivable holds the missing refund: 355.37 + (355.37 − 355.37)
        assertThat(f.db.transactions().<Money>read(tx -> tx.port(LedgerRepository.class)
                .balance(LedgerAccount.MFP_REFUND_RECEIVABLE))).isEqualTo(EXPECTED);
    }

    private MfpRefund refund(String rxFill) {
        Map<String, MfpRefund> all = f.mfp.refunds(AFTER_ALL_DUE).stream()
                .collect(Collectors.toMap(MfpRefund::rxFill, Function.identity()));
        return all.get(rxFill);
    }

    private Money receivable(Claim c) {
        return receivable(c, LedgerAccount.MFP_REFUND_RECEIVABLE);
    }

    private Money receivable(Claim c, LedgerAccount account) {
        return f.db.transactions().<Money>read(tx -> tx.port(LedgerRepository.class).claimBalance(c.id(), account));
    }

    private List<LedgerEntry> ledger(Claim c) {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).forClaim(c.id()));
    }

    private List<LedgerEntry> accrualBatches(Claim c) {
        return ledger(c).stream().filter(e -> e.account() == LedgerAccount.MFP_REFUND_RECEIVABLE
                && MfpService.LEDGER_SOURCE_ACCRUAL.equals(e.sourceType())).toList();
    }
}
