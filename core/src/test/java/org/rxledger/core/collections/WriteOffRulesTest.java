package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.ADMIN;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;
import static org.rxledger.core.collections.CollectionsFixture.CLERK_2;
import static org.rxledger.core.collections.CollectionsFixture.MANAGER;
import static org.rxledger.core.collections.CollectionsFixture.SUPERVISOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.access.Session;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;

/**
 * Each default of issue 18's write-off rules at its edge, on a real H2 with the real migrations: the approval tiers
 * by amount (and who may approve each), the small-balance and bad-debt thresholds, and every hold that stops the
 * rules. {@link WriteOffServiceTest} covers the kinds end to end.
 */
class WriteOffRulesTest {

    private static final LocalDate DOS = LocalDate.of(2024, 9, 1);
    private static final LocalDate FIRST_STATEMENT = LocalDate.of(2024, 9, 10);
    private static final Map<String, Session> BY_ROLE = Map.of("clerk", CLERK_2, "supervisor", SUPERVISOR,
            "billing_manager", MANAGER, "admin", ADMIN);
    private static final List<String> ORDER = List.of("clerk", "supervisor", "billing_manager", "admin");

    private final CollectionsFixture f = new CollectionsFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<WriteOff> recommend(LocalDate asOf) {
        return f.writeOffs.recommend(CLERK, asOf).created();
    }

    @ParameterizedTest(name = "bad debt of {0} needs {1}")
    @CsvSource({"25.00, clerk", "25.01, supervisor", "250.00, supervisor", "250.01, billing_manager",
            "1000.00, billing_manager", "1000.01, admin"})
    void theTierFollowsTheAmountAndOnlyThatTierOrAboveMayApprove(String amount, String tier) {
        f.fill(DOS, amount);
        f.statements(FIRST_STATEMENT, 4);

        WriteOff w = recommend(FIRST_STATEMENT.plusDays(120)).get(0);

        assertThat(w.kind()).isEqualTo(WriteOffKind.BAD_DEBT);
        assertThat(w.tier().jsonName()).isEqualTo(tier);
        int needed = ORDER.indexOf(tier);
        if (needed > 0) {
            Session below = BY_ROLE.get(ORDER.get(needed - 1));
            assertThatThrownBy(() -> f.writeOffs.approve(below, w.id())).isInstanceOf(PermissionDenied.class);
            assertThat(f.ledger(LedgerAccount.BAD_DEBT)).isEqualTo(Money.ZERO);
        }
        f.writeOffs.approve(BY_ROLE.get(tier), w.id());
        assertThat(f.ledger(LedgerAccount.BAD_DEBT)).isEqualTo(Money.parse(amount));
    }

    @Test
    void aSmallBalanceIsUnderFiveNotFiveItself() {
        f.fill(DOS, "5.00");
        f.statements(FIRST_STATEMENT, 2);
        assertThat(recommend(FIRST_STATEMENT.plusDays(40))).as("5.00 is not under 5.00").isEmpty();

        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("0.01"), PaymentMethod.COUNTER, "",
                FIRST_STATEMENT.plusDays(40), List.of()));
        WriteOff w = recommend(FIRST_STATEMENT.plusDays(41)).get(0);
        assertThat(w.kind()).isEqualTo(WriteOffKind.SMALL_BALANCE);
        assertThat(w.amount()).isEqualTo(Money.parse("4.99"));
        assertThat(w.tier()).isEqualTo(ApprovalTier.CLERK);
    }

    @Test
    void badDebtNeedsTheFinalNoticeNotJustThreeStatements() {
        f.fill(DOS, "80.00");
        f.statements(FIRST_STATEMENT, 3);
        assertThat(recommend(FIRST_STATEMENT.plusDays(150))).as("3 statements, no final notice").isEmpty();

        f.accounts.runStatements(CLERK, FIRST_STATEMENT.plusDays(150));
        assertThat(recommend(FIRST_STATEMENT.plusDays(150))).singleElement()
                .satisfies(w -> assertThat(w.kind()).isEqualTo(WriteOffKind.BAD_DEBT));
    }

    @Test
    void badDebtWaitsNinetyDaysAfterTheLastPayment() {
        f.fill(DOS, "80.00");
        f.statements(FIRST_STATEMENT, 4);
        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("10.00"), PaymentMethod.MAIL, "",
                FIRST_STATEMENT.plusDays(100), List.of()));

        assertThat(recommend(FIRST_STATEMENT.plusDays(189))).as("89 days after the payment").isEmpty();
        assertThat(recommend(FIRST_STATEMENT.plusDays(190))).as("90 days after the payment").singleElement()
                .satisfies(w -> assertThat(w.amount()).isEqualTo(Money.parse("70.00")));
    }

    @ParameterizedTest
    @EnumSource(value = HoldKind.class, names = {"DISPUTE", "THIRD_PARTY_OPEN", "BANKRUPTCY", "HARDSHIP_PENDING"})
    void everyHoldThatIsNotAWriteOffKindStopsBadDebtAndSmallBalance(HoldKind hold) {
        f.fill(DOS, "80.00");
        f.statements(FIRST_STATEMENT, 4);
        f.accounts.placeHold(CLERK, f.key(), hold, "", FIRST_STATEMENT.plusDays(100));

        assertThat(recommend(FIRST_STATEMENT.plusDays(200))).isEmpty();

        f.accounts.releaseHold(CLERK, f.key(), hold, "", FIRST_STATEMENT.plusDays(201));
        assertThat(recommend(FIRST_STATEMENT.plusDays(201))).as("released").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"DECEASED, DECEASED", "BANKRUPTCY_DISCHARGED, BANKRUPTCY", "HARDSHIP_APPROVED, CHARITY"})
    void deceasedBankruptcyAndCharityNeedAnAdministratorWhateverTheAmount(HoldKind hold, WriteOffKind kind) {
        f.fill(DOS, "1.00");
        f.accounts.placeHold(CLERK, f.key(), hold, "", DOS.plusDays(5));

        WriteOff w = recommend(DOS.plusDays(6)).get(0);

        assertThat(w.kind()).isEqualTo(kind);
        assertThat(w.tier()).isEqualTo(ApprovalTier.ADMIN);
        assertThatThrownBy(() -> f.writeOffs.approve(MANAGER, w.id())).isInstanceOf(PermissionDenied.class);
        assertThat(f.writeOffs.approve(ADMIN, w.id()).status()).isEqualTo(WriteOff.Status.APPROVED);
    }

    @Test
    void aPatientBalanceIsNeverWrittenOffWhileThePlanStillOwesTheSameFill() {
        f.fill(DOS, "80.00", true);
        f.statements(FIRST_STATEMENT, 4);
        assertThat(recommend(FIRST_STATEMENT.plusDays(200))).as("the claim itself may be given up (never paid), the "
                + "patient share not").noneMatch(w -> w.scope().equals("patient"));
        assertThat(f.writeOffs.recommend(CLERK, FIRST_STATEMENT.plusDays(200)).refused()).isEmpty();
    }
}
