package org.rxledger.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.remit.MatchStatus;

/** Member ids in match explanations are masked like the Claims list's cardholder ids (issue 16, minimum necessary). */
class MemberIdMaskingTest {

    private static final KeyCheck AGREED = new KeyCheck(MatchKey.MEMBER_ID, KeyCheck.Outcome.AGREED, "ZQX00012345", "ZQX00012345");
    private static final KeyCheck DISAGREED = new KeyCheck(MatchKey.MEMBER_ID, KeyCheck.Outcome.DISAGREED, "ZQX00099999",
            "ZQX00012345");
    private static final KeyCheck NDC = new KeyCheck(MatchKey.NDC, KeyCheck.Outcome.DISAGREED, "12345067890", "54321098701");

    @Test
    void aMaskedReaderSeesTheLastFourOfEachMemberIdAndEveryOtherKeyAsItIs() {
        String explanation = "Matched by clerk1: same patient. Keys: Claim 7001234-02 on 2025-03-03 (score 80): agreed Rx, "
                + "member id; " + DISAGREED.describe() + "; " + NDC.describe() + "; " + AGREED.describe();

        String masked = KeyCheck.maskMemberIds(explanation, IdentifierMask.MASKED);

        assertThat(masked).doesNotContain("ZQX00012345").doesNotContain("ZQX00099999")
                .contains("member id disagreed: remittance •••••9999, claim •••••2345")
                .contains("member id agreed (•••••2345)")
                .contains("NDC disagreed: remittance 12345067890, claim 54321098701");
        assertThat(KeyCheck.maskMemberIds(explanation, IdentifierMask.FULL)).isEqualTo(explanation);
        assertThat(DISAGREED.masked(IdentifierMask.MASKED)).isEqualTo(new KeyCheck(MatchKey.MEMBER_ID,
                KeyCheck.Outcome.DISAGREED, "•••••9999", "•••••2345"));
        assertThat(NDC.masked(IdentifierMask.MASKED)).isSameAs(NDC);
    }

    @Test
    void aDecisionIsMaskedInItsChecksCandidatesAndExplanation() {
        MatchRecord.CandidateSummary candidate = new MatchRecord.CandidateSummary(7, "7001234", 2, "2025-03-03", 80,
                "Claim 7001234-02 (score 80): agreed Rx; " + DISAGREED.describe(), 0.8, List.of(DISAGREED, NDC));
        MatchRecord record = new MatchRecord(1, 2, MatchAction.AUTO, MatchDecision.Verdict.AMBIGUOUS,
                MatchStatus.NEEDS_REVIEW, null, 80, 0.8, "Claim 7001234-02: " + DISAGREED.describe(), List.of(DISAGREED),
                List.of(candidate), null, null, null, Instant.EPOCH, "system");

        MatchRecord masked = record.masked(IdentifierMask.MASKED);

        assertThat(masked.toString()).doesNotContain("ZQX00012345").doesNotContain("ZQX00099999");
        assertThat(masked.candidates().get(0).checks()).contains(NDC);
        assertThat(record.masked(IdentifierMask.FULL)).isSameAs(record);
    }
}
