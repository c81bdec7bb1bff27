package org.rxledger.core.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rxledger.core.money.Money;

/** The wording rules without a database: next steps by CARC and NCPDP reject, keys, categories, state folding. */
class ExceptionRulesTest {

    private static ExceptionRepository.ClaimCode cas(String group, String code) {
        return new ExceptionRepository.ClaimCode(1, ExceptionRepository.ClaimCode.CAS, group, code, Money.parse("10.00"));
    }

    @ParameterizedTest(name = "CARC {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "16  | Appeal or rebill: CARC 16 (Claim lacks information",
            "18  | Duplicate per the payer, CARC 18",
            "22  | Coordination of benefits, CARC 22",
            "27  | Eligibility, CARC 27 (Service after coverage ended)",
            "29  | Timely filing, CARC 29",
            "197 | Authorization, CARC 197"})
    void denialNextStepFollowsTheCarc(String carc, String start) {
        assertThat(ExceptionRules.denialStep(List.of(cas("PR", "3"), cas("CO", carc)))).startsWith(start);
    }

    @Test
    void anNcpdpRejectRemarkWinsAndNamesItsFix() {
        List<ExceptionRepository.ClaimCode> codes = List.of(cas("CO", "16"),
                new ExceptionRepository.ClaimCode(1, "RX", null, "75", null));
        assertThat(ExceptionRules.denialStep(codes)).startsWith("Rework NCPDP reject 75 (").endsWith("Then rebill.");
        assertThat(ExceptionRules.describe(codes)).contains("CO-16 Claim lacks information").contains("NCPDP 75 ")
                .contains("(family ").doesNotContain("not in the");
    }

    @Test
    void anOverPaymentOfAClaimThatExpectedNothingSaysWhyNothingWasExpected() {
        var line = new ExceptionRepository.ClaimLine(5, "7001234", 1, java.time.LocalDate.of(2025, 3, 3), "ACME",
                Money.ZERO, Money.parse("4.20"), 1, 0, 0, 0, java.time.LocalDate.of(2025, 3, 14), "EFT1", 9, 3);

        ExceptionItem item = new ExceptionRules(java.time.LocalDate.of(2025, 3, 20)).claim(line, List.of()).orElseThrow();

        assertThat(item.category()).isEqualTo(ExceptionCategory.OVER_PAID);
        assertThat(item.reason()).isEqualTo("Paid 4.20, 4.20 more than the 0.00 expected (nothing was expected: the "
                + "claim was reversed or rebilled at the counter, or the patient pay covered the whole price)");
    }

    @Test
    void anItemIsAsOldAsItsImportNotAsThePayersPaymentDate() {
        // a payment the payer dated in 2001 (as the public sample files are), imported three days ago (payment 3)
        var line = new ExceptionRepository.ClaimLine(5, "7001234", 1, java.time.LocalDate.of(2001, 1, 3), "ACME",
                Money.parse("10.00"), Money.parse("4.20"), 1, 0, 0, 0, java.time.LocalDate.of(2001, 1, 14), "EFT1", 9, 3);
        var rules = new ExceptionRules(java.time.LocalDate.of(2025, 3, 20), java.util.Map.of(3L, java.time.LocalDate.of(2025, 3, 17)));

        ExceptionItem item = rules.claim(line, List.of()).orElseThrow();

        assertThat(item.arose()).isEqualTo(java.time.LocalDate.of(2025, 3, 17));
        assertThat(item.age()).isEqualTo(3);
    }

    @Test
    void aDenialWithoutCodesSaysToCallThePayer() {
        assertThat(ExceptionRules.denialStep(List.of())).startsWith("Call the payer");
    }

    @Test
    void keysNameCategoryAndRowAndCategoriesParseAsTyped() {
        assertThat(ExceptionCategory.SHORT_PAID.key(42)).isEqualTo("SHORT_PAID:C42");
        assertThat(ExceptionCategory.UNMATCHED.key(7)).isEqualTo("UNMATCHED:R7");
        assertThat(ExceptionCategory.PLB_UNATTRIBUTED.key(9)).isEqualTo("PLB_UNATTRIBUTED:P9");
        assertThat(ExceptionCategory.parse("short-paid")).isEqualTo(ExceptionCategory.SHORT_PAID);
        assertThat(ExceptionCategory.parse("Reversed, not repaid")).isEqualTo(ExceptionCategory.REVERSED);
        assertThatThrownBy(() -> ExceptionCategory.parse("late")).hasMessageContaining("expected one of UNMATCHED");
    }

    @Test
    void theLatestActionsDecideOwnerStatusAndNote() {
        java.time.Instant at = java.time.Instant.parse("2025-03-20T10:00:00Z");
        var state = ExceptionQueue.fold(List.of(
                new ExceptionRepository.Action("K", "ASSIGN", "ann", null, at, "ann"),
                new ExceptionRepository.Action("K", "RESOLVE", null, "done", at, "ann"),
                new ExceptionRepository.Action("K", "ASSIGN", "bob", null, at, "mgr"),
                new ExceptionRepository.Action("K", "REOPEN", null, "not done", at, "bob"),
                new ExceptionRepository.Action("J", "RESOLVE", null, "ok", at, "bob")));
        assertThat(state.get("K")).isEqualTo(new ExceptionItem.WorkState("bob", ExceptionStatus.OPEN, "not done"));
        assertThat(state.get("J")).isEqualTo(new ExceptionItem.WorkState(null, ExceptionStatus.RESOLVED, "ok"));
    }
}
