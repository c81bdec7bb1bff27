package org.rxledger.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.matching.MatchDecision.Verdict;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Clp07Convention;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.IdentityKind;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerIdentity;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.payer.RoutingLink;

class ClaimMatcherTest {

    private static final String PAYER = "ACME RX SOLUTIONS";
    private final ClaimMatcher matcher = new ClaimMatcher(new Clp01Patterns());

    private static ClaimFacts claim(long id, String rx, int fill, LocalDate dos, String auth) {
        return new ClaimFacts(id, rx, fill, dos, auth, "ZQX00012345", "12345067890", new BigDecimal("30.000"),
                Money.parse("21.85"), Money.parse("10.00"), Money.parse("48.25"), PAYER, ResponseStatus.PAID,
                Lifecycle.ACTIVE);
    }

    private static RemittedClaim remit(String clp01, String clp07, LocalDate dos) {
        return new RemittedClaim(PAYER, clp01, "1", clp07, dos, "ZQX00012345", "12345067890", new BigDecimal("30"),
                Money.parse("48.25"), Money.parse("21.85"), Money.parse("10.00"));
    }

    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);

    /** Rx 7001234 has three fills; fill 2 on 2025-03-03 is the one paid. */
    private final ClaimIndex index = new ClaimIndex(List.of(
            claim(1, "7001234", 0, LocalDate.of(2025, 1, 2), "A1"),
            claim(2, "7001234", 1, LocalDate.of(2025, 2, 1), "A2"),
            claim(3, "7001234", 2, DOS, "A3"),
            claim(4, "700123402", 0, LocalDate.of(2024, 6, 1), "A4")));

    @ParameterizedTest
    @ValueSource(strings = {"7001234-02", "7001234-2", "700123402", "7001234", "7001234-02-20250303", "700123402-20250303"})
    void matchesEveryCommonClp01FormatToTheRightFill(String clp01) {
        MatchDecision d = matcher.match(remit(clp01, null, DOS), index);
        assertThat(d.verdict()).as(d.reason()).isEqualTo(Verdict.MATCHED);
        assertThat(d.matchedClaimId()).contains(3L);
    }

    @Test
    void resolvesAnRxOnlyClp01ByDateOfServiceAmongTheFills() {
        MatchDecision d = matcher.match(remit("7001234", null, LocalDate.of(2025, 2, 1)), index);
        assertThat(d.matchedClaimId()).contains(2L);
        assertThat(d.best().orElseThrow().agreed()).extracting(KeyCheck::key).contains(MatchKey.DATE_OF_SERVICE);
    }

    @Test
    void matchesOnTheAuthorizationNumberAloneWhenClp01IsUnreadable() {
        MatchDecision d = matcher.match(remit("PATIENT-XYZ", "A3", DOS), index);
        assertThat(d.verdict()).isEqualTo(Verdict.MATCHED);
        assertThat(d.matchedClaimId()).contains(3L);
        assertThat(d.best().orElseThrow().explanation()).contains("CLP07 = authorization number");
    }

    @Test
    void explainsWhichKeysAgreedAndWhichDisagreed() {
        RemittedClaim otherNdc = new RemittedClaim(PAYER, "7001234-02", "1", "A3", DOS, "ZQX00012345", "99999999999",
                new BigDecimal("30"), Money.parse("48.25"), Money.parse("20.00"), Money.parse("10.00"));
        MatchCandidate best = matcher.match(otherNdc, index).best().orElseThrow();
        assertThat(best.agreed()).extracting(KeyCheck::key)
                .contains(MatchKey.AUTHORIZATION, MatchKey.RX, MatchKey.FILL, MatchKey.DATE_OF_SERVICE, MatchKey.MEMBER_ID);
        assertThat(best.disagreed()).extracting(KeyCheck::key).containsExactlyInAnyOrder(MatchKey.NDC, MatchKey.PAID_AMOUNT);
        assertThat(best.explanation()).contains("NDC disagreed: remittance 99999999999, claim 12345067890");
        assertThat(best.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void sendsTwoEquallyGoodCandidatesToAPersonInsteadOfGuessing() {
        ClaimIndex twins = new ClaimIndex(List.of(claim(10, "8000001", 0, DOS, null), claim(11, "8000001", 0, DOS, null)));
        MatchDecision d = matcher.match(remit("8000001", null, DOS), twins);
        assertThat(d.verdict()).isEqualTo(Verdict.AMBIGUOUS);
        assertThat(d.candidates()).hasSize(2);
        assertThat(d.matchedClaimId()).isEmpty();
    }

    @Test
    void callsACandidateWeakWhenOnlyTheRxNumberFits() {
        RemittedClaim vague = new RemittedClaim("OTHER PBM", "7001234", "1", null, LocalDate.of(2024, 12, 1), null, null,
                null, Money.parse("10.00"), Money.parse("5.00"), Money.ZERO);
        MatchDecision d = matcher.match(vague, index);
        assertThat(d.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(d.matchedClaimId()).isEmpty();
    }

    @Test
    void reportsUnmatchedWithAReasonWhenNothingFits() {
        MatchDecision d = matcher.match(remit("9999999-00", "NOPE", DOS), index);
        assertThat(d.verdict()).isEqualTo(Verdict.UNMATCHED);
        assertThat(d.reason()).contains("no stored claim for Rx 9999999 fill 0");
    }

    @Test
    void prefersThePaidAdjudicationOverARejectedOneForTheSameFill() {
        ClaimFacts rejected = new ClaimFacts(20, "8000002", 0, DOS, null, "ZQX00012345", "12345067890",
                new BigDecimal("30.000"), Money.ZERO, Money.ZERO, Money.parse("48.25"), PAYER, ResponseStatus.REJECTED,
                Lifecycle.ACTIVE);
        ClaimIndex both = new ClaimIndex(List.of(rejected, claim(21, "8000002", 0, DOS, null)));
        assertThat(matcher.match(remit("8000002-00", null, DOS), both).matchedClaimId()).contains(21L);
    }

    @Test
    void matchesAReversalToTheClaimItReversesUsingAbsoluteAmounts() {
        RemittedClaim reversal = new RemittedClaim(PAYER, "7001234-02", "22", "A3", DOS, "ZQX00012345", null, null,
                Money.parse("-48.25"), Money.parse("-21.85"), Money.parse("-10.00"));
        MatchDecision d = matcher.match(reversal, index);
        assertThat(d.matchedClaimId()).contains(3L);
        assertThat(d.best().orElseThrow().agreed()).extracting(KeyCheck::key).contains(MatchKey.PAID_AMOUNT);
    }

    @Test
    void usesPayerSpecificPatternsBeforeTheDefaults() {
        Clp01Patterns patterns = new Clp01Patterns().forPayer(PAYER, List.of("RX(?<rx>\\d+)F(?<fill>\\d+)"));
        MatchDecision d = new ClaimMatcher(patterns).match(remit("RX7001234F2", null, DOS), index);
        assertThat(d.matchedClaimId()).contains(3L);
        assertThat(d.best().orElseThrow().reading().pattern()).isEqualTo(PAYER + " #1");
    }

    @Test
    void aClaimChosenByHandWithAnotherFillThanClp01AgreesOnTheRxAndDisagreesOnTheFill() {
        // CLP01 reads fill 2; the person chooses fill 1 of the same Rx: the keys say so, as for a CLP07 candidate
        MatchCandidate c = ClaimMatcher.candidate(new Clp01Patterns(), remit("7001234-02", "A2", DOS),
                claim(2, "7001234", 1, LocalDate.of(2025, 2, 1), "A2"));
        assertThat(c.agreed()).extracting(KeyCheck::key).contains(MatchKey.RX, MatchKey.AUTHORIZATION);
        assertThat(c.disagreed()).extracting(KeyCheck::key).contains(MatchKey.FILL, MatchKey.DATE_OF_SERVICE);
        assertThat(c.disagreed()).filteredOn(k -> k.key() == MatchKey.FILL).singleElement()
                .satisfies(k -> assertThat(k.remitted() + "/" + k.stored()).isEqualTo("2/1"));
    }

    // ---- issue 14: payer directory, CLP07 habit, COB, CLP01 with a date ----

    private static final Routing PBM_ROUTING = new Routing("610502", "NSRX", "");
    private static final Routing COB_ROUTING = new Routing("004336", "BMCOB", "");

    private static DirectoryPayer payer(long id, String name, Routing routing) {
        return new DirectoryPayer(id, name, null,
                List.of(new PayerIdentity(IdentityKind.NAME, name)),
                List.of(new RoutingLink(id, id, routing, "IMPORT")));
    }

    private static final DirectoryPayer NORTHSTAR = payer(1, "NORTHSTAR RX BENEFITS", PBM_ROUTING);
    private static final DirectoryPayer BLUE = payer(2, "BLUE MEADOW HEALTH", COB_ROUTING);
    private static final PayerDirectory DIRECTORY =
            new PayerDirectory(List.of(NORTHSTAR, BLUE), Map.of());

    private static ClaimFacts routed(long id, String rx, int fill, String auth, String member, Routing r,
                                     String occ, String planPaid) {
        return new ClaimFacts(id, rx, fill, DOS, auth, member, "12345067890", new BigDecimal("30.000"), Money.parse(planPaid),
                Money.parse("10.00"), Money.parse("48.25"), "Payer BIN " + r.bin(), ResponseStatus.PAID, Lifecycle.ACTIVE,
                r.bin(), r.pcn(), "GRP1", occ);
    }

    private static RemittedClaim sent(String payer, String clp01, String clp02, String clp07, LocalDate dtm, String member,
                                      String paid) {
        return new RemittedClaim(payer, clp01, clp02, clp07, dtm, member, null, null, Money.parse("48.25"),
                Money.parse(paid), Money.parse("10.00"));
    }

    private static PayerContext context(DirectoryPayer payer, Clp07Convention c) {
        return new PayerContext(DIRECTORY, payer, c);
    }

    @Test
    void aClp07ThatIsThePayersOwnClaimNumberIsNoEvidenceAgainstTheClaim() {
        ClaimIndex one = new ClaimIndex(List.of(routed(30, "8100001", 1, "AUTH1", "NS1", PBM_ROUTING, "0", "21.85")));
        RemittedClaim r = sent("NORTHSTAR RX BENEFITS", "8100001-01", "1", "NS9000001", DOS, "NS1", "21.85");

        MatchDecision unknownHabit = new ClaimMatcher(new Clp01Patterns(), context(NORTHSTAR,
                Clp07Convention.UNKNOWN)).match(r, one);
        assertThat(unknownHabit.matchedClaimId()).contains(30L);
        assertThat(unknownHabit.best().orElseThrow().checks()).filteredOn(k -> k.key() == MatchKey.AUTHORIZATION)
                .singleElement().satisfies(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.NOT_AVAILABLE));
        assertThat(unknownHabit.best().orElseThrow().checks()).filteredOn(k -> k.key() == MatchKey.PAYER)
                .singleElement().satisfies(k -> assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.AGREED));

        // a payer known to send 503-F3 in CLP07: a different CLP07 still speaks against the claim
        MatchDecision carriesAuth = new ClaimMatcher(new Clp01Patterns(), context(NORTHSTAR,
                Clp07Convention.AUTHORIZATION)).match(r, one);
        assertThat(carriesAuth.best().orElseThrow().disagreed()).extracting(KeyCheck::key).contains(MatchKey.AUTHORIZATION);
    }

    @Test
    void anUnknownPayerOnEitherSideIsNotAvailableNeverADisagreement() {
        ClaimIndex one = new ClaimIndex(List.of(routed(31, "8100002", 0, null, "NS2", new Routing(
                "999999", "", ""), "0", "21.85")));
        MatchDecision d = new ClaimMatcher(new Clp01Patterns(), context(NORTHSTAR, null))
                .match(sent("NORTHSTAR RX BENEFITS", "8100002-00", "1", null, DOS, "NS2", "21.85"), one);
        assertThat(d.matchedClaimId()).contains(31L);
        assertThat(d.best().orElseThrow().checks()).filteredOn(k -> k.key() == MatchKey.PAYER).singleElement()
                .satisfies(k -> {
                    assertThat(k.outcome()).isEqualTo(KeyCheck.Outcome.NOT_AVAILABLE);
                    assertThat(k.stored()).isEqualTo("unknown (BIN 999999)");
                });
    }

    @Test
    void aSecondaryPaymentLandsOnTheSecondaryRowNeverOnThePrimarys() {
        ClaimIndex pair = new ClaimIndex(List.of(routed(40, "8100003", 1, "AUTHP", "NS3", PBM_ROUTING, "1", "21.85"),
                routed(41, "8100003", 1, "AUTHS", "BM3", COB_ROUTING, "2", "6.40")));
        MatchDecision secondary = new ClaimMatcher(new Clp01Patterns(), context(BLUE, null))
                .match(sent("BLUE MEADOW HEALTH", "8100003-01", "2", "BMX1", DOS, "BM3", "6.40"), pair);
        assertThat(secondary.matchedClaimId()).contains(41L);
        MatchDecision primary = new ClaimMatcher(new Clp01Patterns(), context(NORTHSTAR, null))
                .match(sent("NORTHSTAR RX BENEFITS", "8100003-01", "1", "NSX1", DOS, "NS3", "21.85"), pair);
        assertThat(primary.matchedClaimId()).contains(40L);

        // neither payer known to the directory, OCC not stated: the member id still keeps it off the primary's row
        ClaimIndex bare = new ClaimIndex(List.of(routed(42, "8100004", 1, "AUTHP", "NS4", PBM_ROUTING, "0", "21.85"),
                routed(43, "8100004", 1, "AUTHS", "BM4", COB_ROUTING, "0", "21.85")));
        MatchDecision blind = new ClaimMatcher(new Clp01Patterns())
                .match(sent("SOME SECONDARY", "8100004-01", "2", null, DOS, "BM4", "21.85"), bare);
        assertThat(blind.matchedClaimId()).contains(43L);
        // without a member id the two rows cannot be told apart: a person decides, with the keys that differ
        MatchDecision noMember = new ClaimMatcher(new Clp01Patterns())
                .match(sent("SOME SECONDARY", "8100004-01", "2", null, DOS, null, "21.85"), bare);
        assertThat(noMember.verdict()).isEqualTo(Verdict.AMBIGUOUS);
        assertThat(noMember.matchedClaimId()).isEmpty();
    }

    @Test
    void theDateInClp01CountsAsTheDateOfServiceWhenNoDtmIsSent() {
        ClaimIndex fills = new ClaimIndex(List.of(routed(50, "7001234", 2, null, "M1", PBM_ROUTING, "0", "21.85"),
                new ClaimFacts(51, "7001234", 2, DOS.minusDays(1), null, "M1", "12345067890", new BigDecimal("30.000"),
                        Money.parse("21.85"), Money.parse("10.00"), Money.parse("48.25"), null, ResponseStatus.PAID,
                        Lifecycle.ACTIVE)));
        for (String clp01 : List.of("700123402-20250303", "7001234-02-20250303")) {
            MatchDecision d = new ClaimMatcher(new Clp01Patterns()).match(sent("X", clp01, "1", null, null, "M1", "21.85"), fills);
            assertThat(d.matchedClaimId()).as(clp01).contains(50L);
            assertThat(d.best().orElseThrow().agreed()).extracting(KeyCheck::key).contains(MatchKey.DATE_OF_SERVICE);
        }
    }

    @Test
    void theOneCleanCandidateIsMatchedEvenBelowTheScoreThreshold() {
        // Rx + fill + member agree, no DOS, no amounts, no NDC: 45 points, but nothing speaks against it
        ClaimIndex one = new ClaimIndex(List.of(routed(60, "8100005", 3, null, "NS5", PBM_ROUTING, "0", "21.85")));
        RemittedClaim r = sent("NORTHSTAR RX BENEFITS", "8100005-03", "1", null, null, "NS5", "20.00");
        MatchDecision d = new ClaimMatcher(new Clp01Patterns()).match(r, one);
        assertThat(d.best().orElseThrow().score()).isLessThan(ClaimMatcher.MIN_SCORE);
        assertThat(d.matchedClaimId()).contains(60L);
        assertThat(d.reason()).startsWith("the only candidate whose Rx, fill and member id agree");
    }
}
