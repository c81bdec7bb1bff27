package org.rxledger.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.matching.MatchDecision.Verdict;
import org.rxledger.core.money.Money;

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
}
