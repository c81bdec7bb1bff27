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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;

/** Write-off recommendations, tiered approval, rejection and reversal on a real H2 (issue 18, DOMAIN.md §6.2). */
class WriteOffServiceTest {

    private static final LocalDate FIRST_STATEMENT = LocalDate.of(2024, 9, 10);
    private final CollectionsFixture f = new CollectionsFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private WriteOff recommendOne(LocalDate asOf) {
        WriteOffService.Recommendations r = f.writeOffs.recommend(CLERK, asOf);
        assertThat(r.created()).hasSize(1);
        return r.created().get(0);
    }

    @Test
    void aSmallBalanceAfterTwoStatementsIsAnAdministrativeWriteOffAClerkMayApprove() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 1);
        assertThat(f.writeOffs.recommend(CLERK, LocalDate.of(2024, 10, 1)).created()).as("one statement only").isEmpty();
        f.statements(FIRST_STATEMENT.plusDays(30), 1);

        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));

        assertThat(w.kind()).isEqualTo(WriteOffKind.SMALL_BALANCE);
        assertThat(w.tier()).isEqualTo(ApprovalTier.CLERK);
        assertThat(w.amount()).isEqualTo(Money.parse("3.40"));
        assertThat(w.explanation()).contains("under 5.00 after 2 statements").contains("not bad debt");
        WriteOff approved = f.writeOffs.approve(CLERK_2, w.id());
        assertThat(approved.status()).isEqualTo(WriteOff.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("cody");
        assertThat(f.ledger(LedgerAccount.WRITE_OFF)).isEqualTo(Money.parse("3.40"));
        assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.ZERO);
    }

    @Test
    void theProposerNeverApprovesTheirOwnRecommendation() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);
        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));

        assertThatThrownBy(() -> f.writeOffs.approve(CLERK, w.id())).isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("proposed by carol; another person must approve it");
        assertThat(f.writeOffs.get(w.id()).status()).isEqualTo(WriteOff.Status.PENDING);
        assertThat(f.ledger(LedgerAccount.WRITE_OFF)).isEqualTo(Money.ZERO);
    }

    @Test
    void aFederalProgramPatientsCopayIsNeverWaivedRoutinely() {
        f.markFederal();
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);

        WriteOffService.Recommendations r = f.writeOffs.recommend(CLERK, LocalDate.of(2024, 10, 15));

        assertThat(r.created()).isEmpty();
        assertThat(r.refused()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(WriteOffKind.SMALL_BALANCE);
            assertThat(x.explanation()).contains("federal health-care program").contains("1001.952(k)(3)");
        });
    }

    @Test
    void badDebtAfterTheFullCycleNeedsTheTierOfItsAmount() {
        f.fill(LocalDate.of(2024, 9, 1), "180.00");
        f.statements(FIRST_STATEMENT, 4);
        assertThat(f.writeOffs.recommend(CLERK, FIRST_STATEMENT.plusDays(119)).created()).as("119 days").isEmpty();

        WriteOff w = recommendOne(FIRST_STATEMENT.plusDays(120));

        assertThat(w.kind()).isEqualTo(WriteOffKind.BAD_DEBT);
        assertThat(w.tier()).isEqualTo(ApprovalTier.SUPERVISOR);
        assertThat(w.explanation()).contains("120 days since the first statement").contains("4 statement(s) sent");
        assertThatThrownBy(() -> f.writeOffs.approve(CLERK_2, w.id())).isInstanceOf(PermissionDenied.class);
        List<AuditRecord> refused = f.db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("account", "cody"));
        assertThat(refused).extracting(AuditRecord::action).contains("PERMISSION_DENIED");

        f.writeOffs.approve(SUPERVISOR, w.id());
        assertThat(f.ledger(LedgerAccount.BAD_DEBT)).isEqualTo(Money.parse("180.00"));
    }

    @Test
    void aRecentPaymentOrAHoldStopsTheBadDebtRule() {
        f.fill(LocalDate.of(2024, 9, 1), "180.00");
        f.statements(FIRST_STATEMENT, 4);
        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("10.00"), PaymentMethod.COUNTER, "",
                FIRST_STATEMENT.plusDays(100), List.of()));
        assertThat(f.writeOffs.recommend(CLERK, FIRST_STATEMENT.plusDays(150)).created()).as("paid 50 days ago").isEmpty();

        f.accounts.placeHold(CLERK, f.key(), HoldKind.DISPUTE, "disputes the quantity", FIRST_STATEMENT.plusDays(150));
        assertThat(f.writeOffs.recommend(CLERK, FIRST_STATEMENT.plusDays(200)).created()).as("on hold").isEmpty();
    }

    @Test
    void bankruptcyWaitsForTheDischargeAndThenNeedsAnAdministrator() {
        f.fill(LocalDate.of(2024, 9, 1), "20.00");
        f.accounts.placeHold(CLERK, f.key(), HoldKind.BANKRUPTCY, "", LocalDate.of(2024, 9, 20));
        assertThat(f.writeOffs.recommend(CLERK, LocalDate.of(2024, 12, 1)).created()).isEmpty();

        f.accounts.placeHold(CLERK, f.key(), HoldKind.BANKRUPTCY_DISCHARGED, "discharge order", LocalDate.of(2025, 1, 2));
        WriteOff w = recommendOne(LocalDate.of(2025, 1, 3));

        assertThat(w.kind()).isEqualTo(WriteOffKind.BANKRUPTCY);
        assertThat(w.tier()).as("20.00, but bankruptcy").isEqualTo(ApprovalTier.ADMIN);
        assertThatThrownBy(() -> f.writeOffs.approve(MANAGER, w.id())).isInstanceOf(PermissionDenied.class);
        f.writeOffs.approve(ADMIN, w.id());
        assertThat(f.ledger(LedgerAccount.BAD_DEBT)).isEqualTo(Money.parse("20.00"));
    }

    @Test
    void deceasedAndCharityAreTheirOwnKinds() {
        f.fill(LocalDate.of(2024, 9, 1), "20.00");
        f.accounts.placeHold(CLERK, f.key(), HoldKind.HARDSHIP_APPROVED, "FPL 120%", LocalDate.of(2024, 10, 1));
        WriteOff charity = recommendOne(LocalDate.of(2024, 10, 2));
        assertThat(charity.kind()).isEqualTo(WriteOffKind.CHARITY);
        f.writeOffs.approve(ADMIN, charity.id());
        assertThat(f.ledger(LedgerAccount.CHARITY_CARE)).isEqualTo(Money.parse("20.00"));

        f.fill(LocalDate.of(2024, 11, 1), "7.00");
        f.accounts.releaseHold(CLERK, f.key(), HoldKind.HARDSHIP_APPROVED, "", LocalDate.of(2024, 11, 2));
        f.accounts.placeHold(CLERK, f.key(), HoldKind.DECEASED, "", LocalDate.of(2024, 11, 5));
        assertThat(recommendOne(LocalDate.of(2024, 11, 6)).kind()).isEqualTo(WriteOffKind.DECEASED);
    }

    @Test
    void aFillAThirdPartyStillOwesOnIsNeverWrittenOff() {
        f.fill(LocalDate.of(2024, 9, 1), "2.00");
        f.fill(LocalDate.of(2024, 9, 2), "1.50", true);
        f.statements(FIRST_STATEMENT, 2);

        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));

        assertThat(w.amount()).isEqualTo(Money.parse("2.00"));
        assertThat(w.items()).hasSize(1);
        assertThat(w.explanation()).contains("1 fill(s) left out: a third-party claim on them is still open");
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsTheBalance() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);
        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));

        assertThatThrownBy(() -> f.writeOffs.reject(SUPERVISOR, w.id(), " ")).hasMessageContaining("reason is required");
        WriteOff rejected = f.writeOffs.reject(SUPERVISOR, w.id(), "patient promised to pay Friday");

        assertThat(rejected.status()).isEqualTo(WriteOff.Status.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("patient promised to pay Friday");
        assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("3.40"));
        assertThatThrownBy(() -> f.writeOffs.approve(CLERK_2, w.id())).hasMessageContaining("already rejected");
    }

    @Test
    void anApprovalIsReversedByANewBatchAndTheBalanceComesBack() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);
        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));
        f.writeOffs.approve(SUPERVISOR, w.id());
        long entries = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());

        WriteOff reversed = f.writeOffs.reverse(SUPERVISOR, w.id(), "patient paid at the counter");

        assertThat(reversed.status()).isEqualTo(WriteOff.Status.REVERSED);
        long after = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
        assertThat(after).isEqualTo(entries + 2);
        assertThat(f.ledger(LedgerAccount.WRITE_OFF)).isEqualTo(Money.ZERO);
        assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("3.40"));
        List<AuditRecord> trail = f.db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("write_off", String.valueOf(w.id())));
        assertThat(trail).extracting(AuditRecord::action).containsExactly("WRITE_OFF_APPROVED", "WRITE_OFF_REVERSED");
    }

    @Test
    void anAccountThatChangedSinceTheRecommendationIsNotWrittenOff() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);
        WriteOff w = recommendOne(LocalDate.of(2024, 10, 15));
        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("1.00"), PaymentMethod.COUNTER, "",
                LocalDate.of(2024, 10, 16), List.of()));

        assertThatThrownBy(() -> f.writeOffs.approve(SUPERVISOR, w.id())).hasMessageContaining("changed since");
        assertThat(f.ledger(LedgerAccount.WRITE_OFF)).isEqualTo(Money.ZERO);
    }

    @Test
    void aWaitingRecommendationIsNotMadeTwice() {
        f.fill(LocalDate.of(2024, 9, 1), "3.40");
        f.statements(FIRST_STATEMENT, 2);
        recommendOne(LocalDate.of(2024, 10, 15));

        assertThat(f.writeOffs.recommend(CLERK, LocalDate.of(2024, 10, 16)).created()).isEmpty();
        assertThat(f.writeOffs.list()).hasSize(1);
    }
}
