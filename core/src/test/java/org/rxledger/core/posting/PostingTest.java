package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.LinkKind;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.journal.JournalEvent;

class PostingTest {

    @TempDir
    Path dir;

    private static Money m(String s) {
        return Money.parse(s);
    }

    private ReconciliationService.ClaimRecon recon(PostingFixture f, long claimId) {
        return new ReconciliationService(f.db.transactions()).claims().stream().filter(r -> r.claimId() == claimId)
                .findFirst().orElseThrow();
    }

    @Test
    void paymentAsAdjudicatedClearsTheReceivableAndCashEqualsBpr02() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));

        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.PAYER_CASH)).isEqualTo(m("21.85"));
        assertThat(f.balance(c.id(), LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(m("10.00"));
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("21.85"));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.PAID);
        long paymentId = f.paymentId("T1");
        assertThat(f.db.transactions().read(tx -> tx.port(PostingRepository.class).payment(paymentId)).orElseThrow().status())
                .isEqualTo(PaymentStatus.POSTED);
        List<MatchRecord> decisions = new MatchingService(f.db.transactions()).decisions(paymentId);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(MatchStatus.MATCHED);
            assertThat(d.claimId()).isEqualTo(c.id());
            assertThat(d.explanation()).contains("date of service");
            assertThat(d.checks()).isNotEmpty();
        });
    }

    @Test
    void shortPayPostsTheContractualDifferenceAndIsUnderpaid() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "20.00")), List.of()));

        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.CONTRACTUAL_ADJUSTMENT)).isEqualTo(m("1.85"));
        ReconciliationService.ClaimRecon r = recon(f, c.id());
        assertThat(r.status()).isEqualTo(ReconStatus.UNDERPAID);
        assertThat(r.paid()).isEqualTo(m("20.00"));
    }

    @Test
    void denialIsDeniedAndNothingIsPaid() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.denied("7001234-02", c, "16")), List.of()));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.DENIED);
        assertThat(f.balance(c.id(), LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);
    }

    @Test
    void reversalInALaterRemittanceReversesThePaymentAndARepaymentLinksToIt() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.reversal("7001234-02", c, "21.85")),
                List.of(PostingFixture.plb("FB", "CARRY", "-21.85"))));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.REVERSED);
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(m("21.85"));

        f.importPayments("c.835", f.payment("T3", List.of(PostingFixture.paid("7001234-02", c, "19.00")), List.of()));
        ReconciliationService.ClaimRecon r = recon(f, c.id());
        assertThat(r.paid()).isEqualTo(m("19.00"));
        assertThat(r.status()).isEqualTo(ReconStatus.UNDERPAID);
        assertThat(f.balance(c.id(), LedgerAccount.PAYER_CASH)).isEqualTo(m("19.00"));
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);

        MatchingService matching = new MatchingService(f.db.transactions());
        MatchRecord reversal = matching.decisions(f.paymentId("T2")).get(0);
        assertThat(reversal.linkKind()).isEqualTo(LinkKind.REVERSES);
        assertThat(reversal.claimId()).isEqualTo(c.id());
        MatchRecord repay = matching.decisions(f.paymentId("T3")).get(0);
        assertThat(repay.linkKind()).isEqualTo(LinkKind.REPAYS);
        assertThat(repay.linkedRemitClaimId()).isEqualTo(reversal.remitClaimId());
    }

    @Test
    void aSupplementalPaymentAfterAShortPayRecoversTheWriteOffExactly() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "20.00")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.paid("7001234-02", c, "1.85")), List.of()));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.PAID);
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.CONTRACTUAL_ADJUSTMENT)).isEqualTo(Money.ZERO);
        MatchRecord second = new MatchingService(f.db.transactions()).decisions(f.paymentId("T2")).get(0);
        assertThat(second.linkKind()).isEqualTo(LinkKind.SUPPLEMENTS);
    }

    @Test
    void aReversalNegatesExactlyTheEntriesOfTheShortPaymentItReverses() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "20.00")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.reversal("7001234-02", c, "20.00"),
                PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.PAID);
        assertThat(f.balance(c.id(), LedgerAccount.CONTRACTUAL_ADJUSTMENT)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.PAYER_CASH)).isEqualTo(m("21.85"));
    }

    @Test
    void paidTwiceIsOverpaidAndLeavesACreditOnTheReceivable() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        assertThat(recon(f, c.id()).status()).isEqualTo(ReconStatus.OVERPAID);
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(m("-21.85"));
        MatchRecord second = new MatchingService(f.db.transactions()).decisions(f.paymentId("T2")).get(0);
        assertThat(second.linkKind()).isEqualTo(LinkKind.DUPLICATE_OF);
    }

    @Test
    void plbTakebackWithAClaimReferenceIsAttributedAndInterestIsNot() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        Claim other = f.store(f.claim().rx("7005555").fill(0).authorization("A25071000002"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7005555", other, "21.85")),
                List.of(PostingFixture.plb("WO", "7001234-02", "5.00"), PostingFixture.plb("L6", null, "-1.25"))));

        assertThat(f.balance(c.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("5.00"));
        assertThat(f.balance(LedgerAccount.PLB_INTEREST)).isEqualTo(m("-1.25"));
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("18.10"));
    }

    @Test
    void unmatchedClaimPaymentGoesToUnappliedCashUntilMatchedByHand() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        Claim other = f.store(f.claim().rx("7005555").fill(0).authorization("A25071000002"));
        // one of two claim payments matches, so the payment is posted automatically (AutoPostGuard)
        f.importPayments("a.835", f.payment("T1", List.of(RemitFixtures.unreadable(c, "21.85"),
                PostingFixture.paid("7005555", other, "21.85")), List.of()));
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(m("-21.85"));
        ReconciliationService recon = new ReconciliationService(f.db.transactions());
        assertThat(recon.unmatched()).singleElement().satisfies(u -> {
            assertThat(u.patientControlNumber()).isEqualTo("PCN-UNKNOWN");
            assertThat(u.paid()).isEqualTo(m("21.85"));
        });

        MatchingService matching = new MatchingService(f.db.transactions());
        long remitClaimId = recon.unmatched().get(0).remitClaimId();
        assertThatThrownBy(() -> matching.match(remitClaimId, c.id(), " ")).hasMessageContaining("reason");
        matching.match(remitClaimId, c.id(), "payer used its own claim number; confirmed by phone");

        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(Money.ZERO);
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("43.70"));
        assertThat(recon.unmatched()).isEmpty();
        assertThat(matching.history(remitClaimId)).extracting(MatchRecord::status)
                .containsExactly(MatchStatus.UNMATCHED, MatchStatus.MANUAL);

        matching.unmatch(remitClaimId, "wrong claim after all");
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(m("-21.85"));
        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(m("21.85"));
    }

    @Test
    void unpostAndRepostLeaveEveryBalanceExact() {
        PostingFixture f = new PostingFixture(dir);
        Claim a = f.store(f.claim());
        Claim b = f.store(f.claim().rx("7005555").fill(0).authorization("A25071000002"));
        Map<LedgerAccount, Money> before = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", a, "20.00"),
                PostingFixture.paid("7005555", b, "21.85"), RemitFixtures.unreadable(a, "3.00")),
                List.of(PostingFixture.plb("WO", "7005555", "2.00"))));
        Map<LedgerAccount, Money> posted = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance());
        long paymentId = f.paymentId("T1");

        PostingService posting = new PostingService(f.db.transactions());
        assertThatThrownBy(() -> posting.post(paymentId)).hasMessageContaining("already posted");
        posting.unpost(paymentId, "fixing a match");
        assertThat(nonZero(f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance()))).isEqualTo(nonZero(before));
        assertThat(f.balance(a.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(m("21.85"));

        posting.post(paymentId);
        assertThat(nonZero(f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance()))).isEqualTo(nonZero(posted));
        assertThat(posting.postings(paymentId)).extracting(PostingRepository.PostingRecord::kind)
                .containsExactly(PostingKind.POST, PostingKind.UNPOST, PostingKind.POST);
    }

    @Test
    void reviewFirstPayerIsMatchedButNotPostedUntilTheClerkPosts() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        new MatchingService(f.db.transactions()).saveSettings(
                new PayerRemitSettings("Acme Rx Solutions", PostingMode.REVIEW_FIRST, List.of()));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        long paymentId = f.paymentId("T1");
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);

        PostingService posting = new PostingService(f.db.transactions());
        PostingPreview preview = posting.preview(paymentId);
        assertThat(preview.cash()).isEqualTo(m("21.85")).isEqualTo(preview.amount());
        assertThat(preview.matchedClaims()).isEqualTo(1);
        posting.post(paymentId);
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("21.85"));
    }

    @Test
    void aPaymentThatMostlyMatchesNoClaimIsHeldForAClerkInsteadOfPostedToUnappliedCash() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        ImportOutcome outcome = f.importPayments("other-pharmacy.835", f.payment("T9", List.of(
                PostingFixture.paid("7001234-02", c, "21.85"), RemitFixtures.unreadable(c, "3.00"),
                RemitFixtures.unreadable(c, "4.00")), List.of()));
        long journalAfterImport = f.db.transactions().read(tx -> tx.port(Journal.class).count());

        PaymentSummary imported = ((ImportOutcome.Imported) outcome).payments().get(0);
        assertThat(imported.matchedCount()).isEqualTo(1);
        assertThat(imported.postingHeldReason()).startsWith("Not posted automatically: only 1 of 3 claim payments match"
                + " a stored claim (2 match none, 0 need review)");
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(Money.ZERO);
        RemittanceListRow held = f.db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).get(0);
        assertThat(held.status()).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(held.postingHeld()).isTrue();
        assertThat(held.postingHeldReason()).isEqualTo(imported.postingHeldReason());
        List<JournalEvent> events = f.db.transactions().read(tx -> tx.port(Journal.class).since(0, 1000));
        assertThat(events).extracting(JournalEvent::type).contains(MatchAndPostStep.EVENT_HELD);

        // the clerk has looked at it (the preview shows where the money would go) and posts it
        PostingService posting = new PostingService(f.db.transactions());
        long paymentId = f.paymentId("T9");
        assertThat(posting.preview(paymentId).unapplied()).isEqualTo(m("7.00"));
        posting.post(paymentId);
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("28.85"));
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(m("-7.00"));
        RemittanceListRow posted = f.db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).get(0);
        assertThat(posted.status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(posted.postingHeld()).isFalse();
        assertThat(posted.postingHeldReason()).isNull();
        long journalAfterPost = f.db.transactions().read(tx -> tx.port(Journal.class).count());
        assertThat(journalAfterPost).isGreaterThan(journalAfterImport);

        // an unpost does not bring the import-time hold back
        posting.unpost(paymentId, "checking the file again");
        assertThat(f.db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).get(0).postingHeld()).isFalse();
    }

    @Test
    void aPaymentWithHalfItsClaimPaymentsMatchedIsPostedAutomatically() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        ImportOutcome outcome = f.importPayments("a.835", f.payment("T1", List.of(
                PostingFixture.paid("7001234-02", c, "21.85"), RemitFixtures.unreadable(c, "3.00")), List.of()));
        assertThat(((ImportOutcome.Imported) outcome).payments().get(0).postingHeldReason()).isNull();
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("24.85"));
        assertThat(f.db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).get(0).status())
                .isEqualTo(PaymentStatus.POSTED);
    }

    private static Map<LedgerAccount, Money> nonZero(Map<LedgerAccount, Money> balances) {
        Map<LedgerAccount, Money> m = new java.util.EnumMap<>(LedgerAccount.class);
        balances.forEach((k, v) -> {
            if (!v.isZero()) {
                m.put(k, v);
            }
        });
        return m;
    }
}
