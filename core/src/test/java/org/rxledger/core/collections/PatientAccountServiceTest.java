package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;
import static org.rxledger.core.collections.CollectionsFixture.READ_ONLY;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;

/** Patient accounts on a real H2 with the real migrations: balances and aging from the ledger, payments, holds, statements. */
class PatientAccountServiceTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 20);
    private final CollectionsFixture f = new CollectionsFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void balanceAndAgingAreSummedFromTheLedgerToTheCent() {
        f.fill(LocalDate.of(2025, 3, 10), "10.01");   // 10 days
        f.fill(LocalDate.of(2025, 2, 1), "20.02");    // 47 days
        f.fill(LocalDate.of(2024, 12, 20), "30.03");  // 90 days
        f.fill(LocalDate.of(2024, 11, 1), "0.04");    // 139 days

        PatientAccount a = f.accounts.accounts(AS_OF).get(0);

        assertThat(a.key()).isEqualTo(f.key());
        assertThat(a.name()).isEqualTo("TESTPATIENT, ALPHA");
        assertThat(a.balance()).isEqualTo(Money.parse("60.10"));
        assertThat(a.aging().get(AgingBucket.CURRENT)).isEqualTo(Money.parse("10.01"));
        assertThat(a.aging().get(AgingBucket.DAYS_31_60)).isEqualTo(Money.parse("20.02"));
        assertThat(a.aging().get(AgingBucket.DAYS_61_90)).isEqualTo(Money.parse("30.03"));
        assertThat(a.aging().get(AgingBucket.DAYS_91_120)).isEqualTo(Money.ZERO);
        assertThat(a.aging().get(AgingBucket.OVER_120)).isEqualTo(Money.parse("0.04"));
        assertThat(a.balance()).isEqualTo(f.ledger(LedgerAccount.PATIENT_RECEIVABLE));
    }

    @Test
    void aCopayCollectedAtTheCounterLeavesNoBalance() {
        f.db.transactions().inTransaction(tx -> org.rxledger.core.claim.ClaimRecorder.record(tx,
                org.rxledger.core.testdata.ClaimBuilder.aPaidClaim(f.office).collectedAtCounter().build(), f.office.payer().id()));

        assertThat(f.accounts.accounts(AS_OF)).isEmpty();
    }

    @Test
    void aPaymentIsAppliedOldestFirstAndPostedAsOneBalancedBatch() {
        Claim old = f.fill(LocalDate.of(2025, 1, 5), "12.00");
        Claim recent = f.fill(LocalDate.of(2025, 3, 1), "8.00");

        PatientAccountService.Applied applied = f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(),
                Money.parse("15.00"), PaymentMethod.PHONE, "", AS_OF, List.of()));

        assertThat(applied.byFill()).containsExactly(
                java.util.Map.entry(old.rxFill(), Money.parse("12.00")), java.util.Map.entry(recent.rxFill(), Money.parse("3.00")));
        AccountDetail d = f.accounts.account(f.key(), AS_OF);
        assertThat(d.account().balance()).isEqualTo(Money.parse("5.00"));
        assertThat(d.items()).extracting(AccountItem::claimId).containsExactly(recent.id());
        assertThat(d.account().lastPayment()).isEqualTo(AS_OF);
        assertThat(f.ledger(LedgerAccount.PATIENT_CASH)).isEqualTo(Money.parse("15.00"));
        assertThat(d.activity()).extracting(AccountActivity::by).contains("carol");
        List<org.rxledger.core.security.AuditRecord> audit = f.db.transactions()
                .read(tx -> tx.port(AuditTrail.class).forEntity("patient_account", f.key()));
        assertThat(audit).anySatisfy(r -> assertThat(r.action()).isEqualTo("PATIENT_PAYMENT_POSTED"));
    }

    @Test
    void aPaymentCanBeAppliedToAChosenFill() {
        f.fill(LocalDate.of(2025, 1, 5), "12.00");
        Claim recent = f.fill(LocalDate.of(2025, 3, 1), "8.00");

        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("8.00"), PaymentMethod.MAIL, "check 1042",
                AS_OF, List.of(recent.id())));

        assertThat(f.accounts.account(f.key(), AS_OF).items()).extracting(AccountItem::rxFill).doesNotContain(recent.rxFill());
    }

    @Test
    void aPaymentLargerThanWhatIsOwedIsRefusedAndNothingIsWritten() {
        f.fill(LocalDate.of(2025, 1, 5), "12.00");
        long entries = entries();

        assertThatThrownBy(() -> f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("12.01"),
                PaymentMethod.COUNTER, "", AS_OF, List.of())))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("more than the 12.00 owed");
        assertThat(entries()).isEqualTo(entries);
    }

    private long entries() {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
    }

    @Test
    void aCardNumberIsNeverKeptOnlyATokenReference() {
        assertThatThrownBy(() -> new PatientAccountService.Payment(f.key(), Money.parse("5.00"), PaymentMethod.CARD,
                "4111 1111 1111 1111", AS_OF, List.of())).hasMessageContaining("looks like a card number");
        assertThatThrownBy(() -> new PatientAccountService.Payment(f.key(), Money.parse("5.00"), PaymentMethod.CARD,
                "", AS_OF, List.of())).hasMessageContaining("token reference");
        assertThat(new PatientAccountService.Payment(f.key(), Money.parse("5.00"), PaymentMethod.CARD, "tok_9f3a2b",
                AS_OF, List.of()).reference()).isEqualTo("tok_9f3a2b");
    }

    @Test
    void aCreditIsRefundedBackToZero() {
        Claim c = f.fill(LocalDate.of(2025, 1, 5), "12.00");
        f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), Money.parse("12.00"), PaymentMethod.COUNTER, "",
                AS_OF, List.of()));
        // the payer's remittance later lowers the patient's share by 2.00: a credit on the account
        f.db.transactions().inTransaction(tx -> {
            var b = new org.rxledger.core.ledger.LedgerBatch("TEST_REMIT", "pr", AS_OF, tx.clock().instant(), "test");
            b.add(LedgerAccount.PATIENT_RECEIVABLE, Money.parse("-2.00"), c.id(), c.patientId(), null, "PR lower");
            b.add(LedgerAccount.CONTRACTUAL_ADJUSTMENT, Money.parse("2.00"), c.id(), c.patientId(), null, "PR lower");
            tx.port(LedgerRepository.class).append(b);
            return null;
        });
        assertThat(f.accounts.account(f.key(), AS_OF).account().balance()).isEqualTo(Money.parse("-2.00"));

        assertThatThrownBy(() -> f.accounts.refund(CLERK, f.key(), Money.parse("2.50"), PaymentMethod.MAIL, "", AS_OF))
                .hasMessageContaining("credit of 2.00");
        f.accounts.refund(CLERK, f.key(), Money.parse("2.00"), PaymentMethod.MAIL, "refund check 88", AS_OF);

        assertThat(f.accounts.accounts(AS_OF)).isEmpty();
        assertThat(f.ledger(LedgerAccount.PATIENT_CASH)).isEqualTo(Money.parse("10.00"));
    }

    @Test
    void statementsFollowTheCycleAndStopOnHold() {
        f.fill(LocalDate.of(2025, 1, 5), "12.00");

        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 1, 10))).extracting(Statement::number).containsExactly(1);
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 2, 8))).as("29 days later: not due").isEmpty();
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 2, 9))).extracting(Statement::number).containsExactly(2);

        f.accounts.placeHold(CLERK, f.key(), HoldKind.BANKRUPTCY, "notice from trustee", LocalDate.of(2025, 2, 20));
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 3, 11))).as("bankruptcy stops collection").isEmpty();
        assertThat(f.accounts.accounts(AS_OF).get(0).holds()).containsExactly(HoldKind.BANKRUPTCY);

        f.accounts.releaseHold(CLERK, f.key(), HoldKind.BANKRUPTCY, "case dismissed", LocalDate.of(2025, 3, 12));
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 3, 12))).extracting(Statement::number).containsExactly(3);
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 4, 11))).extracting(Statement::number).containsExactly(4);
        assertThat(f.accounts.runStatements(CLERK, LocalDate.of(2025, 5, 11))).as("after the final notice, none").isEmpty();
    }

    @Test
    void aPersonWithoutThePermissionIsRefusedAndTheRefusalIsAudited() {
        f.fill(LocalDate.of(2025, 1, 5), "12.00");

        assertThatThrownBy(() -> f.accounts.placeHold(READ_ONLY, f.key(), HoldKind.DISPUTE, "", AS_OF))
                .isInstanceOf(PermissionDenied.class);
        assertThat(f.accounts.accounts(AS_OF).get(0).holds()).isEmpty();
    }

    @Test
    void ledgerRowsBehindAccountsCannotBeChanged() {
        f.fill(LocalDate.of(2025, 1, 5), "12.00");
        f.accounts.placeHold(CLERK, f.key(), HoldKind.DISPUTE, "wrong drug billed", AS_OF);

        assertThatThrownBy(() -> org.rxledger.core.store.TestOwner.jdbi(f.db).useHandle(h -> h.execute("DELETE FROM account_hold_event")))
                .hasMessageContaining("append-only");
    }

    @Test
    void anUnknownAccountIsNamedInTheRefusal() {
        assertThatThrownBy(() -> f.accounts.account("P999", AS_OF)).hasMessageContaining("no account P999");
        assertThatThrownBy(() -> f.accounts.account("12", AS_OF)).hasMessageContaining("expected P followed by");
    }
}
