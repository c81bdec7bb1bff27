package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.core.money.Money;

/** The tiers of DOMAIN.md §6.2 by amount and kind, on the default limits; and the rules without a database. */
class WriteOffPolicyTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "SMALL_BALANCE, 4.99, CLERK",
            "BAD_DEBT, 25.00, CLERK",
            "BAD_DEBT, 25.01, SUPERVISOR",
            "BAD_DEBT, 250.00, SUPERVISOR",
            "BAD_DEBT, 250.01, BILLING_MANAGER",
            "BAD_DEBT, 1000.00, BILLING_MANAGER",
            "BAD_DEBT, 1000.01, ADMIN",
            "DECEASED, 1.00, ADMIN",
            "BANKRUPTCY, 1.00, ADMIN",
            "CHARITY, 1.00, ADMIN"})
    void theTierFollowsTheAmountAndTheKind(WriteOffKind kind, String amount, ApprovalTier tier) {
        assertThat(ApprovalTier.of(kind, Money.parse(amount), CollectionSettings.DEFAULTS)).isEqualTo(tier);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a credit on the account stops every rule, -1.00, false",
            "a balance the plan still owes is never written off, 3.00, true"})
    void guardsApplyBeforeAnyRule(String why, String balance, boolean thirdPartyOpen) {
        AccountItem item = new AccountItem("P1", "X, Y", 1, 1, "1", 0, LocalDate.of(2024, 1, 1), "D",
                Money.parse(balance), thirdPartyOpen ? Money.parse("10.00") : Money.ZERO, false);
        WriteOffPolicy.Facts facts = new WriteOffPolicy.Facts("P1", List.of(item), Set.of(HoldKind.DECEASED), 4,
                LocalDate.of(2024, 2, 1), null);

        assertThat(new WriteOffPolicy(CollectionSettings.DEFAULTS).evaluate(facts, LocalDate.of(2025, 1, 1)))
                .isEqualTo(Optional.empty());
    }
}
