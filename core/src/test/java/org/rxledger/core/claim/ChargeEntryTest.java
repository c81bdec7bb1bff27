package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;
import org.rxledger.core.tx.Transactions;

/** Ledger, journal and audit effects of save, reverse, rebill and correct on a real H2 with the real migrations. */
class ChargeEntryTest {

    private final Database db = TestDatabases.fresh();
    private final Transactions tx = db.transactions();
    private final TestOffice office = TestOffice.create(tx);
    private final ChargeEntry entry = new ChargeEntry(tx, new ClaimRules(TestDatabases.CLOCK));

    @AfterEach
    void close() {
        db.close();
    }

    /** Claim 1 of DOMAIN.md §1.9 as a clerk enters it: plan pays 21.85, patient pays 10.00. */
    static Map<ClaimField, String> values() {
        Map<ClaimField, String> v = new EnumMap<>(ClaimRulesTest.sampleClaim());
        // the form takes these from the chosen patient and prescriber
        v.remove(ClaimField.PATIENT_FIRST_NAME);
        v.remove(ClaimField.PATIENT_LAST_NAME);
        v.remove(ClaimField.PATIENT_DOB);
        v.remove(ClaimField.PRESCRIBER_NPI);
        v.put(ClaimField.GROSS_AMOUNT_DUE, "");
        v.put(ClaimField.DATE_WRITTEN, "2024-12-15");
        v.put(ClaimField.INGREDIENT_COST_PAID, "30.10");
        v.put(ClaimField.DISPENSING_FEE_PAID, "1.75");
        return v;
    }

    private ChargeEntry.NewCharge charge(Map<ClaimField, String> values, boolean collected) {
        return new ChargeEntry.NewCharge(values, office.patient().id(), office.plan().id(), office.prescriber().id(),
                office.drug().id(), collected);
    }

    private ChargeEntry.NewCharge charge() {
        return charge(values(), false);
    }

    private Money balance(long claimId, LedgerAccount account) {
        return tx.read(t -> t.port(LedgerRepository.class).claimBalance(claimId, account));
    }

    @Test
    void savingAPaidChargeBooksPlanPaidToThirdPartyAndPatientPayToThePatientsAccount() {
        Claim saved = entry.save(charge());

        assertThat(saved.id()).isPositive();
        assertThat(saved.grossAmountDue()).isEqualTo(Money.parse("48.25")); // computed: 46.50 + 1.75
        assertThat(saved.source()).isEqualTo(ClaimSource.CHARGE_ENTRY);
        assertThat(saved.transactionCode()).isEqualTo("B1");
        assertThat(balance(saved.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
        assertThat(balance(saved.id(), LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("10.00"));
        assertThat(balance(saved.id(), LedgerAccount.COUNTER_CASH)).isEqualTo(Money.ZERO);
        assertThat(balance(saved.id(), LedgerAccount.PRESCRIPTION_SALES)).isEqualTo(Money.parse("-31.85"));
        tx.read(t -> {
            assertThat(t.port(Journal.class).since(0, 100)).extracting(e -> e.type()).containsExactly(ClaimRecorder.EVENT_CLAIM_RECORDED);
            assertThat(t.port(AuditTrail.class).forEntity("claim", String.valueOf(saved.id()))).extracting(AuditRecord::action)
                    .containsExactly("CLAIM_CREATED");
            assertThat(t.port(RejectQueueRepository.class).forClaim(saved.id())).isEmpty();
            return null;
        });
    }

    @Test
    void patientPayCollectedAtTheCounterGoesToCounterCash() {
        Claim saved = entry.save(charge(values(), true));

        assertThat(saved.patientPayCollected()).isTrue();
        assertThat(balance(saved.id(), LedgerAccount.COUNTER_CASH)).isEqualTo(Money.parse("10.00"));
        assertThat(balance(saved.id(), LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.ZERO);
    }

    @Test
    void aPaperClaimHasNoAuthorizationNumberAndStillEntersAccountsReceivable() {
        Map<ClaimField, String> v = values();
        v.put(ClaimField.CHANNEL, "PAPER");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "");

        Claim saved = entry.save(charge(v, false));

        assertThat(saved.channel()).isEqualTo(Channel.PAPER);
        assertThat(saved.authorizationNumber()).isNull();
        assertThat(balance(saved.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
    }

    @Test
    void aRejectedChargeMovesNoMoneyAndOpensAFollowUp() {
        Map<ClaimField, String> v = values();
        v.put(ClaimField.RESPONSE_STATUS, "R");
        v.put(ClaimField.REJECT_CODES, "75");
        v.put(ClaimField.PLAN_PAID_AMOUNT, "0");
        v.put(ClaimField.PATIENT_PAY_AMOUNT, "0");
        v.put(ClaimField.INGREDIENT_COST_PAID, "");
        v.put(ClaimField.DISPENSING_FEE_PAID, "");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "");

        Claim saved = entry.save(charge(v, false));

        tx.read(t -> {
            assertThat(t.port(LedgerRepository.class).forClaim(saved.id())).isEmpty();
            RejectFollowUp f = t.port(RejectQueueRepository.class).forClaim(saved.id()).orElseThrow();
            assertThat(f.status()).isEqualTo(FollowUpStatus.OPEN);
            assertThat(f.dueDate()).isEqualTo(LocalDate.of(2025, 3, 23)); // today (2025-03-20) + 3 days
            return null;
        });
    }

    @Test
    void refusesAChargeThatBreaksARuleAndWritesNothing() {
        Map<ClaimField, String> v = values();
        v.put(ClaimField.DAYS_SUPPLY, "0");
        v.put(ClaimField.PLAN_PAID_AMOUNT, "25.00");

        assertThatThrownBy(() -> entry.save(charge(v, false)))
                .isInstanceOfSatisfying(ChargeProblems.class, e -> assertThat(e.problems()).extracting(ClaimRules.Problem::field)
                        .containsExactlyInAnyOrder(ClaimField.DAYS_SUPPLY, ClaimField.PLAN_PAID_AMOUNT));
        tx.read(t -> {
            assertThat(t.port(ClaimRepository.class).count()).isZero();
            assertThat(t.port(LedgerRepository.class).count()).isZero();
            assertThat(t.port(Journal.class).count()).isZero();
            return null;
        });
    }

    @Test
    void refusesAnNdcThatIsNotTheChosenDrugs() {
        Map<ClaimField, String> v = values();
        v.put(ClaimField.NDC, "0002-7597-01");

        assertThatThrownBy(() -> entry.save(charge(v, false))).isInstanceOf(ChargeProblems.class)
                .hasMessageContaining("NDC 00002759701 is not the NDC of ATORVASTATIN");
    }

    @Test
    void refusesToBillTheSameFillTwice() {
        Claim first = entry.save(charge());

        assertThatThrownBy(() -> entry.save(charge())).isInstanceOf(ChargeProblems.class)
                .hasMessageContaining("already billed (claim #" + first.id());
        assertThat(tx.<Long>read(t -> t.port(ClaimRepository.class).count())).isEqualTo(1L);
    }

    @Test
    void rebillReversesTheOldReceivablesAndLinksTheNewAdjudication() {
        Claim old = entry.save(charge());
        Map<ClaimField, String> v = values();
        v.put(ClaimField.QUANTITY, "90");
        v.put(ClaimField.DAYS_SUPPLY, "90");
        v.put(ClaimField.INGREDIENT_COST_PAID, "60.10");
        v.put(ClaimField.PLAN_PAID_AMOUNT, "51.85");
        v.put(ClaimField.INGREDIENT_COST_SUBMITTED, "90.00");
        v.put(ClaimField.USUAL_AND_CUSTOMARY, "95.00");

        Claim rebilled = entry.rebill(old.id(), charge(v, false), LocalDate.of(2025, 3, 20));

        assertThat(rebilled.transactionCode()).isEqualTo("B3");
        assertThat(rebilled.replacesClaimId()).isEqualTo(old.id());
        Claim oldNow = tx.read(t -> t.port(ClaimRepository.class).find(old.id()).orElseThrow());
        assertThat(oldNow.lifecycle()).isEqualTo(Lifecycle.REBILLED);
        for (LedgerAccount account : LedgerAccount.values()) {
            assertThat(balance(old.id(), account)).as(account.name()).isEqualTo(Money.ZERO);
        }
        List<LedgerEntry> oldEntries = tx.read(t -> t.port(LedgerRepository.class).forClaim(old.id()));
        assertThat(oldEntries).hasSize(6).filteredOn(e -> e.reversesEntryId() != null)
                .allSatisfy(e -> assertThat(e.sourceType()).isEqualTo(ClaimPostings.SOURCE_CLAIM_REBILL));
        assertThat(balance(rebilled.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("51.85"));
        assertThat(tx.<Object>read(t -> t.port(LedgerRepository.class).balance(LedgerAccount.THIRD_PARTY_RECEIVABLE))).isEqualTo(Money.parse("51.85"));

        List<FillHistory.Step> history = entry.history(rebilled.id());
        assertThat(history).extracting(FillHistory.Step::what)
                .containsExactly("Billed (B1)", "Rebilled (B3)", "Replaced by rebill");
        assertThat(history.get(2).detail()).isEqualTo("#" + old.id() + " replaced by #" + rebilled.id());
        assertThat(tx.<List<org.rxledger.core.journal.JournalEvent>>read(t -> t.port(Journal.class).since(0, 100))).extracting(e -> e.type()).contains(ChargeEntry.EVENT_CLAIM_REBILLED);
    }

    @Test
    void historyShowsBilledThenReversed() {
        Claim saved = entry.save(charge());
        entry.reverse(saved.id(), LocalDate.of(2025, 3, 20), "return to stock");

        assertThat(entry.history(saved.id())).extracting(FillHistory.Step::what, FillHistory.Step::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Billed (B1)", "#" + saved.id() + " Paid, plan paid 21.85, patient pay 10.00"),
                        org.assertj.core.groups.Tuple.tuple("Reversed (B2)", "#" + saved.id() + ": return to stock"));
    }

    @Test
    void rebillMustKeepTheRxAndFill() {
        Claim old = entry.save(charge());
        Map<ClaimField, String> v = values();
        v.put(ClaimField.FILL_NUMBER, "3");

        assertThatThrownBy(() -> entry.rebill(old.id(), charge(v, false), LocalDate.of(2025, 3, 20)))
                .isInstanceOf(ChargeProblems.class).hasMessageContaining("keeps the Rx number and fill");
        assertThat(tx.<Object>read(t -> t.port(ClaimRepository.class).find(old.id()).orElseThrow().lifecycle())).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void aCorrectionOfAmountsReversesAndRepostsTheReceivablesAndAuditsBeforeAndAfter() {
        Claim saved = entry.save(charge());
        Map<ClaimField, String> changes = new EnumMap<>(ClaimField.class);
        changes.put(ClaimField.PATIENT_PAY_AMOUNT, "5.00");
        changes.put(ClaimField.PLAN_PAID_AMOUNT, "26.85");

        Claim corrected = entry.correct(saved.id(), changes, null);

        assertThat(corrected.planPaid()).isEqualTo(Money.parse("26.85"));
        assertThat(balance(saved.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("26.85"));
        assertThat(balance(saved.id(), LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(Money.parse("5.00"));
        List<LedgerEntry> entries = tx.read(t -> t.port(LedgerRepository.class).forClaim(saved.id()));
        // 3 original + 3 reversing (CLAIM_CORRECTION) + 3 reposted: nothing updated or deleted
        assertThat(entries).hasSize(9);
        assertThat(entries).filteredOn(e -> ClaimPostings.SOURCE_CLAIM_CORRECTION.equals(e.sourceType())).hasSize(3);
        AuditRecord audit = tx.read(t -> t.port(AuditTrail.class).forEntity("claim", String.valueOf(saved.id()))).stream()
                .filter(r -> r.action().equals("CLAIM_CORRECTED")).findFirst().orElseThrow();
        assertThat(audit.detail()).contains("\"patient_pay_amount\":{\"before\":\"10.00\",\"after\":\"5.00\"}")
                .contains("\"plan_paid_amount\":{\"before\":\"21.85\",\"after\":\"26.85\"}")
                .contains("\"ledgerReposted\":true");

        // a later reversal nets everything, including the reposted entries, to zero
        entry.reverse(saved.id(), LocalDate.of(2025, 3, 20), "billing error");
        for (LedgerAccount account : LedgerAccount.values()) {
            assertThat(balance(saved.id(), account)).as(account.name()).isEqualTo(Money.ZERO);
        }
    }

    @Test
    void aCorrectionOfBillingDataWithoutAmountsLeavesTheLedgerAlone() {
        Claim saved = entry.save(charge());
        long ledgerBefore = tx.read(t -> t.port(LedgerRepository.class).count());

        Claim corrected = entry.correct(saved.id(), Map.of(ClaimField.DAW, "1", ClaimField.CARDHOLDER_ID, "ZQX00099999"), null);

        assertThat(corrected.daw()).isEqualTo("1");
        assertThat(corrected.cardholderId()).isEqualTo("ZQX00099999");
        assertThat(tx.<Long>read(t -> t.port(LedgerRepository.class).count())).isEqualTo(ledgerBefore);
        assertThat(entry.history(saved.id())).last().satisfies(s -> {
            assertThat(s.what()).isEqualTo("Corrected");
            assertThat(s.detail()).contains("Cardholder ID ZQX00012345 → ZQX00099999").contains("DAW code 0 → 1");
        });
    }

    @Test
    void aCorrectionCannotChangeTheKeysAPayerMatchesBy() {
        Claim saved = entry.save(charge());

        assertThatThrownBy(() -> entry.correct(saved.id(), Map.of(ClaimField.DATE_OF_SERVICE, "2025-03-04"), null))
                .isInstanceOf(ChargeProblems.class).hasMessageContaining("Date of service cannot be corrected").hasMessageContaining("rebill");
    }

    @Test
    void aCorrectionIsCheckedByTheSameRules() {
        Claim saved = entry.save(charge());

        assertThatThrownBy(() -> entry.correct(saved.id(), Map.of(ClaimField.PLAN_PAID_AMOUNT, "40.00"), null))
                .isInstanceOf(ChargeProblems.class).hasMessageContaining("does not match ingredient cost paid");
        assertThat(tx.<Object>read(t -> t.port(ClaimRepository.class).find(saved.id()).orElseThrow().planPaid())).isEqualTo(Money.parse("21.85"));
    }

    @Test
    void markingPaperClearsTheAuthorizationNumberAndKeepsTheReceivable() {
        Claim saved = entry.save(charge());

        Claim paper = entry.markPaper(saved.id());

        assertThat(paper.channel()).isEqualTo(Channel.PAPER);
        assertThat(paper.authorizationNumber()).isNull();
        assertThat(balance(saved.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.parse("21.85"));
        assertThat(tx.<List<AuditRecord>>read(t -> t.port(AuditTrail.class).forEntity("claim", String.valueOf(saved.id())))).last()
                .satisfies(r -> assertThat(r.detail()).contains("\"channel\":{\"before\":\"ELECTRONIC\",\"after\":\"PAPER\"}")
                        .contains("\"authorization_number\":{\"before\":\"A25071000001\",\"after\":\"\"}"));
    }

    @Test
    void aReturningPatientsCoverageIsTheCardOfTheirLatestAcceptedClaim() {
        assertThat(entry.lastCoverage(office.patient().id())).isEmpty();
        entry.save(charge());
        // a later claim the payer rejected for the cardholder id must not become the card on file
        Map<ClaimField, String> rejected = values();
        rejected.put(ClaimField.RX_NUMBER, "7001299");
        rejected.put(ClaimField.DATE_OF_SERVICE, "2025-03-10");
        rejected.put(ClaimField.CARDHOLDER_ID, "WRONG000001");
        rejected.put(ClaimField.RESPONSE_STATUS, "R");
        rejected.put(ClaimField.REJECT_CODES, "07");
        rejected.put(ClaimField.PLAN_PAID_AMOUNT, "0");
        rejected.put(ClaimField.PATIENT_PAY_AMOUNT, "0");
        rejected.put(ClaimField.INGREDIENT_COST_PAID, "");
        rejected.put(ClaimField.DISPENSING_FEE_PAID, "");
        rejected.put(ClaimField.AUTHORIZATION_NUMBER, "");
        entry.save(charge(rejected, false));

        ChargeEntry.Coverage coverage = entry.lastCoverage(office.patient().id()).orElseThrow();

        assertThat(coverage.plan()).isEqualTo(office.plan());
        assertThat(coverage.cardholderId()).isEqualTo("ZQX00012345");
        assertThat(coverage.personCode()).isEqualTo("001");
    }
}
