package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.matching.MatchAction;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.journal.Journal;

class WaitingRematchTest {

    @TempDir
    Path dir;

    private static Money m(String s) {
        return Money.parse(s);
    }

    private static Claim unstored(PostingFixture f, String rx, String auth) {
        return f.claim().rx(rx).fill(1).authorization(auth).build();
    }

    private static Claim claim(PostingFixture f, String rx, String auth) {
        return f.store(f.claim().rx(rx).fill(1).authorization(auth));
    }

    private static MatchRecord decision(MatchingService matching, long paymentId, int seq) {
        return matching.decisions(paymentId).get(seq);
    }

    private static PaymentStatus status(PostingFixture f, long paymentId) {
        return f.db.transactions().read(tx -> tx.port(PostingRepository.class).payment(paymentId)).orElseThrow().status();
    }

    @Test
    void claimsImportedLaterAreMatchedAndTheHeldPaymentIsPostedLeavingPeopleAndMatchesAlone() {
        PostingFixture f = new PostingFixture(dir);
        Claim a = claim(f, "7000001", "A1");
        Claim d = claim(f, "7000004", "A4");
        Claim b = unstored(f, "7000002", "A2");
        Claim c = unstored(f, "7000003", "A3");
        Claim e = unstored(f, "7000005", "A5");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-01", a, "21.85"),
                PostingFixture.paid("7000004-01", d, "21.85"), PostingFixture.paid("7000002-01", b, "21.85"),
                PostingFixture.paid("7000003-01", c, "21.85"), PostingFixture.paid("7000005-01", e, "21.85")), List.of()));
        long paymentId = f.paymentId("T1");
        MatchingService matching = new MatchingService(f.db.transactions());
        assertThat(status(f, paymentId)).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(f.db.transactions().<String>read(tx -> tx.port(RemittanceRepository.class).postingHeldReason(paymentId))).isNotNull();
        // a person decides the first line is not this claim after all
        long manualLine = decision(matching, paymentId, 0).remitClaimId();
        matching.unmatch(manualLine, "the EOB names another patient");
        long matchedLine = decision(matching, paymentId, 1).remitClaimId();
        int matchedHistory = matching.history(matchedLine).size();

        // the claims of the second and third lines arrive
        Claim storedB = f.store(f.claim().rx("7000002").fill(1).authorization("A2"));
        Claim storedC = f.store(f.claim().rx("7000003").fill(1).authorization("A3"));
        WaitingRematch.Result r = new WaitingRematch(f.db.transactions()).run();

        assertThat(r).isEqualTo(new WaitingRematch.Result(3, 2, 1, 1));
        assertThat(decision(matching, paymentId, 2).claimId()).isEqualTo(storedB.id());
        assertThat(decision(matching, paymentId, 2).status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(decision(matching, paymentId, 2).explanation()).isNotBlank();
        assertThat(decision(matching, paymentId, 3).claimId()).isEqualTo(storedC.id());
        assertThat(decision(matching, paymentId, 4).status()).isEqualTo(MatchStatus.UNMATCHED);
        assertThat(decision(matching, paymentId, 0).action()).isEqualTo(MatchAction.MANUAL_UNMATCH);
        assertThat(decision(matching, paymentId, 0).claimId()).isNull();
        assertThat(matching.history(matchedLine)).hasSize(matchedHistory);
        assertThat(status(f, paymentId)).isEqualTo(PaymentStatus.POSTED);
        assertThat(f.db.transactions().<String>read(tx -> tx.port(RemittanceRepository.class).postingHeldReason(paymentId))).isNull();
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("109.25"));
        assertThat(f.balance(storedB.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(m("-43.70"));

        // again with nothing new: the last line is looked at and stays waiting; nothing is written
        long journal = f.db.transactions().read(tx -> tx.port(Journal.class).count());
        int postings = new PostingService(f.db.transactions()).postings(paymentId).size();
        int decisions = matching.history(decision(matching, paymentId, 4).remitClaimId()).size();
        assertThat(new WaitingRematch(f.db.transactions()).run()).isEqualTo(new WaitingRematch.Result(1, 0, 1, 0));
        assertThat(f.db.transactions().<Long>read(tx -> tx.port(Journal.class).count())).isEqualTo(journal);
        assertThat(new PostingService(f.db.transactions()).postings(paymentId)).hasSize(postings);
        assertThat(matching.history(decision(matching, paymentId, 4).remitClaimId())).hasSize(decisions);
    }

    @Test
    void aNewlyMatchedLineOfAPostedPaymentIsMovedOutOfUnappliedCashInAnAdjustBatch() {
        PostingFixture f = new PostingFixture(dir);
        Claim a = claim(f, "7000001", "A1");
        Claim b = unstored(f, "7000002", "A2");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-01", a, "21.85"),
                PostingFixture.paid("7000002-01", b, "21.85")), List.of()));
        long paymentId = f.paymentId("T1");
        assertThat(status(f, paymentId)).isEqualTo(PaymentStatus.POSTED);
        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(m("-21.85"));

        Claim storedB = f.store(f.claim().rx("7000002").fill(1).authorization("A2"));
        assertThat(new WaitingRematch(f.db.transactions()).run()).isEqualTo(new WaitingRematch.Result(1, 1, 0, 0));

        assertThat(f.balance(LedgerAccount.UNAPPLIED_CASH)).isEqualTo(Money.ZERO);
        assertThat(f.balance(storedB.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(m("43.70"));
        assertThat(new PostingService(f.db.transactions()).postings(paymentId)).extracting(PostingRepository.PostingRecord::kind)
                .containsExactly(PostingKind.POST, PostingKind.ADJUST);
        assertThat(new WaitingRematch(f.db.transactions()).run()).isEqualTo(new WaitingRematch.Result(0, 0, 0, 0));
    }
}
