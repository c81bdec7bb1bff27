package org.rxledger.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.money.Money;

class ClaimFilterTest {

    private static final ClaimSummary SMITH = row(1, "7001234", 2, "2025-03-03", "SMITH, JOHN", "ACME RX SOLUTIONS", ClaimStatus.PAID);
    private static final ClaimSummary SMITHERS = row(2, "7001299", 1, "2025-03-10", "SMITHERS, ANNA", "BLUEPEAK PBM", ClaimStatus.REJECTED);
    private static final ClaimSummary GARCIA = row(3, "8100001", 0, "2025-02-27", "GARCIA, MARIA", "ACME RX SOLUTIONS", ClaimStatus.REVERSED);
    private static final List<ClaimSummary> ALL = List.of(SMITH, SMITHERS, GARCIA);

    @Test
    void emptyFilterKeepsEveryClaim() {
        assertThat(ALL.stream().filter(ClaimFilter.NONE)).containsExactlyElementsOf(ALL);
        assertThat(ClaimFilter.NONE.isEmpty()).isTrue();
    }

    @Test
    void textMatchesRxNumberByPrefix() {
        assertThat(ALL.stream().filter(text("70012"))).containsExactly(SMITH, SMITHERS);
        assertThat(ALL.stream().filter(text("001234"))).isEmpty();
    }

    @Test
    void textWithFillMatchesOneFillOfAnRx() {
        assertThat(ALL.stream().filter(text("7001234-02"))).containsExactly(SMITH);
        assertThat(ALL.stream().filter(text("7001234-01"))).isEmpty();
    }

    @Test
    void textMatchesAnyPartOfThePatientNameIgnoringCase() {
        assertThat(ALL.stream().filter(text("smith"))).containsExactly(SMITH, SMITHERS);
        assertThat(ALL.stream().filter(text("maria"))).containsExactly(GARCIA);
        assertThat(ALL.stream().filter(text("  Anna "))).containsExactly(SMITHERS);
    }

    @Test
    void statusKeepsOnlyThatStatus() {
        ClaimFilter rejected = new ClaimFilter("", ClaimStatus.REJECTED, null, null, null);
        assertThat(ALL.stream().filter(rejected)).containsExactly(SMITHERS);
    }

    @Test
    void payerKeepsOnlyThatPayersClaims() {
        ClaimFilter acme = new ClaimFilter("", null, "ACME RX SOLUTIONS", null, null);
        assertThat(ALL.stream().filter(acme)).containsExactly(SMITH, GARCIA);
    }

    @Test
    void dateRangeIncludesBothEnds() {
        ClaimFilter march = new ClaimFilter("", null, null, LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-10"));
        assertThat(ALL.stream().filter(march)).containsExactly(SMITH, SMITHERS);
        ClaimFilter fromOnly = new ClaimFilter("", null, null, LocalDate.parse("2025-03-04"), null);
        assertThat(ALL.stream().filter(fromOnly)).containsExactly(SMITHERS);
        ClaimFilter toOnly = new ClaimFilter("", null, null, null, LocalDate.parse("2025-02-27"));
        assertThat(ALL.stream().filter(toOnly)).containsExactly(GARCIA);
    }

    @Test
    void filtersCombineWithAnd() {
        ClaimFilter f = new ClaimFilter("smith", ClaimStatus.PAID, "ACME RX SOLUTIONS", LocalDate.parse("2025-03-01"), null);
        assertThat(ALL.stream().filter(f)).containsExactly(SMITH);
    }

    private static ClaimFilter text(String text) {
        return new ClaimFilter(text, null, null, null, null);
    }

    static ClaimSummary row(long id, String rx, int fill, String dos, String patient, String payer, ClaimStatus status) {
        return new ClaimSummary(id, rx, fill, LocalDate.parse(dos), patient, payer, "Plan", "999999", "12345067890",
                "ATORVASTATIN 20 MG", new BigDecimal("30.000"), 30, status, "", Money.parse("48.25"),
                Money.parse("21.85"), Money.parse("10.00"), "A1", Channel.ELECTRONIC, "\u2022\u2022\u2022\u2022\u20221234", "1961-\u2022\u2022-\u2022\u2022");
    }
}
