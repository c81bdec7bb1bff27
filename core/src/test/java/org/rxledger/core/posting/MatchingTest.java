package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchDecision;
import org.rxledger.core.matching.MatchKey;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.RemittanceRepository;

/** Matching through the real import on H2: CLP01 formats, date-of-service choice, CLP07 alone, review queue. */
class MatchingTest {

    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);

    @TempDir
    Path dir;

    private MatchRecord onlyDecision(PostingFixture f, String trace) {
        List<MatchRecord> d = new MatchingService(f.db.transactions()).decisions(f.paymentId(trace));
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @ParameterizedTest(name = "CLP01 {0}")
    @ValueSource(strings = {"7001234", "7001234-02", "7001234-2", "700123402", "7001234-02-20250303",
            "700123402-20250303", "0007001234-02"})
    void everyClp01FormatMatchesTheFill(String clp01) {
        PostingFixture f = new PostingFixture(dir);
        f.store(f.claim().fill(1).dateOfService(DOS.minusDays(30)).authorization("A25071000009"));
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid(clp01, null, DOS, c, "21.85")), List.of()));
        MatchRecord d = onlyDecision(f, "T1");
        assertThat(d.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(d.claimId()).isEqualTo(c.id());
    }

    @Test
    void rxOnlyClp01IsResolvedByDateOfServiceAmongTheFills() {
        PostingFixture f = new PostingFixture(dir);
        Claim first = f.store(f.claim().fill(1).dateOfService(DOS.minusDays(30)).authorization("A1"));
        Claim second = f.store(f.claim().fill(2).dateOfService(DOS).authorization("A2"));
        Claim third = f.store(f.claim().fill(3).dateOfService(DOS.plusDays(10)).authorization("A3"));
        f.importPayments("a.835", f.payment("T1", List.of(
                PostingFixture.paid("7001234", null, DOS.plusDays(10), third, "21.85"),
                PostingFixture.paid("7001234", null, DOS.minusDays(30), first, "21.85")), List.of()));
        List<MatchRecord> d = new MatchingService(f.db.transactions()).decisions(f.paymentId("T1"));
        assertThat(d).extracting(MatchRecord::claimId).containsExactly(third.id(), first.id());
        assertThat(d.get(0).checks()).anySatisfy(k -> {
            assertThat(k.key()).isEqualTo(MatchKey.DATE_OF_SERVICE);
            assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.AGREED);
        });
        assertThat(f.balance(second.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
    }

    @Test
    void clp07AloneMatchesTheAuthorizationNumberWhenClp01IsUnreadable() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim().authorization("B77123456"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("SEE-CLP07", "B77123456", null, c, "21.85")),
                List.of()));
        MatchRecord d = onlyDecision(f, "T1");
        assertThat(d.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(d.claimId()).isEqualTo(c.id());
        assertThat(d.explanation()).contains("CLP07 = authorization number");
    }

    @Test
    void confirmingTheMatchedClaimByHandMakesItAPersonsDecisionAndLeavesTheLedgerAlone() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        MatchRecord auto = onlyDecision(f, "T1");
        assertThat(auto.status()).isEqualTo(MatchStatus.MATCHED);
        long entriesBefore = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());

        MatchingService matching = new MatchingService(f.db.transactions());
        MatchRecord confirmed = matching.match(auto.remitClaimId(), c.id(), "checked against the paper EOB");

        assertThat(confirmed.status()).isEqualTo(MatchStatus.MANUAL);
        assertThat(confirmed.claimId()).isEqualTo(c.id());
        assertThat(confirmed.explanation()).startsWith("Confirmed by ").contains("checked against the paper EOB");
        long entriesAfter = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        assertThat(entriesAfter).as("no undo-and-repost batch for a confirmation").isEqualTo(entriesBefore);
        assertThat(new PostingService(f.db.transactions()).postings(f.paymentId("T1")))
                .extracting(PostingRepository.PostingRecord::kind).containsExactly(PostingKind.POST);
        // automatic matching run again leaves a person's decision alone
        assertThat(matching.matchPayment(f.paymentId("T1")).skippedManual()).isEqualTo(1);
        assertThat(matching.history(auto.remitClaimId())).extracting(MatchRecord::status)
                .containsExactly(MatchStatus.MATCHED, MatchStatus.MANUAL);
    }

    @Test
    void ambiguousCandidatesAreQueuedWithCandidatesAndNotApplied() {
        PostingFixture f = new PostingFixture(dir);
        Claim a = f.store(f.claim().fill(1).dateOfService(DOS).authorization("A1"));
        f.store(f.claim().fill(2).dateOfService(DOS.plusDays(1)).authorization("A2"));
        // Rx only, no date, no CLP07: both fills fit equally
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234", null, null, a, "21.85")), List.of()));
        MatchRecord d = onlyDecision(f, "T1");
        assertThat(d.status()).isEqualTo(MatchStatus.NEEDS_REVIEW);
        assertThat(d.verdict()).isIn(MatchDecision.Verdict.AMBIGUOUS, MatchDecision.Verdict.WEAK);
        assertThat(d.claimId()).isNull();
        assertThat(d.candidates()).hasSize(2);
        // not applied to either claim; as the payment's only claim payment it also holds the payment for a clerk
        assertThat(f.balance(a.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(a.planPaid());
        assertThat(f.balance(LedgerAccount.PAYER_CASH)).isEqualTo(Money.ZERO);
        assertThat(f.db.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).get(0).postingHeld()).isTrue();
    }

    @Test
    void payerPatternReadsItsOwnClp01Layout() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        new MatchingService(f.db.transactions()).saveSettings(new PayerRemitSettings("ACME RX SOLUTIONS",
                PostingMode.AUTOMATIC, List.of("RX(?<rx>\\d+)F(?<fill>\\d{2})")));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("RX7001234F02", null, DOS, c, "21.85")),
                List.of()));
        assertThat(onlyDecision(f, "T1").claimId()).isEqualTo(c.id());
    }

    @Test
    void withoutThePayerPatternTheSameLayoutIsUnmatched() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("RX7001234F02", null, DOS, c, "21.85")),
                List.of()));
        assertThat(onlyDecision(f, "T1").status()).isEqualTo(MatchStatus.UNMATCHED);
    }

    @Test
    void correctedClaimWithF8LinksToThePaymentItCorrects() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.reversal("7001234-02", c, "21.85"),
                PostingFixture.withF8(PostingFixture.paid("7001234-02", "NEWCLAIM9", DOS, c, "22.85"), c.authorizationNumber())),
                List.of()));
        List<MatchRecord> d = new MatchingService(f.db.transactions()).decisions(f.paymentId("T2"));
        assertThat(d.get(0).linkKind()).isEqualTo(org.rxledger.core.matching.LinkKind.REVERSES);
        assertThat(d.get(1).linkKind()).isEqualTo(org.rxledger.core.matching.LinkKind.CORRECTS);
        assertThat(d.get(1).claimId()).isEqualTo(c.id());
    }

    @Test
    void aManualMatchKeepsTheCandidatesItWasChosenFromWithTheirKeyChecks() {
        PostingFixture f = new PostingFixture(dir);
        f.store(f.claim().fill(1).dateOfService(DOS).authorization("A1"));
        Claim b = f.store(f.claim().fill(2).dateOfService(DOS.plusDays(1)).authorization("A2"));
        // Rx only, no date, no CLP07: both fills fit equally, so the line waits for a person
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234", null, null, b, "21.85")), List.of()));
        MatchingService matching = new MatchingService(f.db.transactions());
        MatchRecord auto = onlyDecision(f, "T1");
        assertThat(auto.status()).isEqualTo(MatchStatus.NEEDS_REVIEW);

        matching.match(auto.remitClaimId(), b.id(), "PBM confirmed fill 2 by phone");

        // read back from H2: the manual decision lists both candidates, each with its key checks and confidence
        MatchRecord manual = onlyDecision(f, "T1");
        assertThat(manual.action()).isEqualTo(org.rxledger.core.matching.MatchAction.MANUAL_MATCH);
        assertThat(manual.claimId()).isEqualTo(b.id());
        assertThat(manual.candidates()).extracting(MatchRecord.CandidateSummary::fill).containsExactlyInAnyOrder(1, 2);
        assertThat(manual.candidates()).allSatisfy(c -> {
            assertThat(c.confidence()).isNotNull().isBetween(0.0, 1.0);
            assertThat(c.checks()).anySatisfy(k -> {
                assertThat(k.key()).isEqualTo(MatchKey.RX);
                assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.AGREED);
            });
            assertThat(c.checks()).extracting(KeyCheck::key).contains(MatchKey.FILL, MatchKey.DATE_OF_SERVICE,
                    MatchKey.MEMBER_ID, MatchKey.NDC, MatchKey.QUANTITY, MatchKey.PAID_AMOUNT);
        });
        // the chosen claim's own key checks: every key compared against fill 2
        assertThat(manual.checks()).extracting(KeyCheck::key).contains(MatchKey.RX, MatchKey.FILL,
                MatchKey.DATE_OF_SERVICE, MatchKey.MEMBER_ID, MatchKey.NDC, MatchKey.QUANTITY, MatchKey.PAID_AMOUNT);
        assertThat(manual.checks()).filteredOn(k -> k.key() == MatchKey.PAID_AMOUNT)
                .singleElement().satisfies(k -> assertThat(k.remitted()).isEqualTo("21.85"));
        // the automatic decision before it is kept unchanged, with its candidates now carrying their checks too
        List<MatchRecord> history = matching.history(auto.remitClaimId());
        assertThat(history).extracting(MatchRecord::action).containsExactly(
                org.rxledger.core.matching.MatchAction.AUTO, org.rxledger.core.matching.MatchAction.MANUAL_MATCH);
        assertThat(history.get(0).candidates()).hasSize(2).allSatisfy(c -> assertThat(c.checks()).isNotEmpty());
    }

    @Test
    void aManualMatchToAClaimTheMatcherDidNotFindListsItWithTheMatchersCandidates() {
        PostingFixture f = new PostingFixture(dir);
        Claim found = f.store(f.claim().fill(1).dateOfService(DOS).authorization("A1"));
        Claim other = f.store(f.claim().rx("7005555").fill(0).dateOfService(DOS).authorization("A9"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-01", null, DOS, found, "21.85")),
                List.of()));
        MatchingService matching = new MatchingService(f.db.transactions());
        MatchRecord auto = onlyDecision(f, "T1");
        assertThat(auto.claimId()).isEqualTo(found.id());

        matching.match(auto.remitClaimId(), other.id(), "payer keyed the wrong Rx; EOB shows 7005555");

        MatchRecord manual = onlyDecision(f, "T1");
        assertThat(manual.candidates()).extracting(MatchRecord.CandidateSummary::claimId)
                .containsExactly(found.id(), other.id());
        assertThat(manual.checks()).anySatisfy(k -> {
            assertThat(k.key()).isEqualTo(MatchKey.RX);
            assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.DISAGREED);
        });
    }
}
