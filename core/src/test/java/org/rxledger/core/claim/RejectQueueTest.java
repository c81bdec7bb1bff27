package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;
import org.rxledger.core.tx.Transactions;

class RejectQueueTest {

    private final Database db = TestDatabases.fresh();
    private final Transactions tx = db.transactions();
    private final TestOffice office = TestOffice.create(tx);
    private final ChargeEntry entry = new ChargeEntry(tx, new ClaimRules(TestDatabases.CLOCK));
    private final RejectQueue queue = new RejectQueue(tx);

    @AfterEach
    void close() {
        db.close();
    }

    private Claim rejected(String rx, String... codes) {
        Map<ClaimField, String> v = ChargeEntryTest.values();
        v.put(ClaimField.RX_NUMBER, rx);
        v.put(ClaimField.RESPONSE_STATUS, "R");
        v.put(ClaimField.REJECT_CODES, String.join(",", codes));
        v.put(ClaimField.PLAN_PAID_AMOUNT, "0");
        v.put(ClaimField.PATIENT_PAY_AMOUNT, "0");
        v.put(ClaimField.INGREDIENT_COST_PAID, "");
        v.put(ClaimField.DISPENSING_FEE_PAID, "");
        v.put(ClaimField.AUTHORIZATION_NUMBER, "");
        return entry.save(charge(v));
    }

    private ChargeEntry.NewCharge charge(Map<ClaimField, String> v) {
        return new ChargeEntry.NewCharge(v, office.patient().id(), office.plan().id(), office.prescriber().id(), office.drug().id(), false);
    }

    @Test
    void groupsRejectsByTheFamilyOfTheFirstCodeWithMeaningAndFix() {
        rejected("7000001", "79");
        rejected("7000002", "75", "88");
        rejected("7000003", "65");
        rejected("7000004", "92");

        List<RejectQueue.WorkItem> items = queue.items();
        Map<String, List<RejectQueue.WorkItem>> groups = queue.byFamily(items);

        // work order of DOMAIN.md §10.1: eligibility, …, prior auth, …, refill too soon, …, outage
        assertThat(groups.keySet()).containsExactly("ELIGIBILITY", "PRIOR_AUTH", "REFILL_TOO_SOON", "OUTAGE");
        RejectQueue.WorkItem pa = groups.get("PRIOR_AUTH").get(0);
        assertThat(pa.primaryCode()).isEqualTo("75");
        assertThat(pa.meaning()).isEqualTo("Prior authorization required");
        assertThat(pa.fix()).contains("Start PA");
        assertThat(pa.familyLabel()).isEqualTo("Prior auth");
        assertThat(pa.row().rejectCodes()).containsExactly("75", "88");
        assertThat(pa.row().patientName()).isEqualTo("TESTPATIENT, ALPHA");
        // an outage is retried the next day
        assertThat(groups.get("OUTAGE").get(0).followUp().dueDate()).isEqualTo(LocalDate.of(2025, 3, 21));
    }

    @Test
    void assigningAnOwnerPutsTheItemInProgressAndIsAudited() {
        Claim claim = rejected("7000001", "79");
        long id = queue.items().get(0).followUp().id();

        RejectFollowUp f = queue.assign(id, "dana", LocalDate.of(2025, 3, 25));

        assertThat(f.owner()).isEqualTo("dana");
        assertThat(f.status()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(queue.items().get(0).followUp().dueDate()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(tx.<List<AuditRecord>>read(t -> t.port(AuditTrail.class).forEntity("reject_followup", String.valueOf(id)))).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("\"claimId\":" + claim.id()).contains("\"after\":\"dana\""));
        assertThat(tx.<List<org.rxledger.core.journal.JournalEvent>>read(t -> t.port(Journal.class).since(0, 100))).extracting(e -> e.type()).contains(RejectQueue.EVENT_FOLLOW_UP_CHANGED);
    }

    @Test
    void waitingAndClosingButNotResolvingByHand() {
        rejected("7000001", "75");
        long id = queue.items().get(0).followUp().id();

        assertThat(queue.changeStatus(id, FollowUpStatus.WAITING, "PA sent to prescriber").note()).isEqualTo("PA sent to prescriber");
        assertThatThrownBy(() -> queue.changeStatus(id, FollowUpStatus.RESOLVED, ""))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("rebilling");
    }

    @Test
    void overdueWhenOpenPastItsDueDate() {
        rejected("7000001", "79");
        long id = queue.items().get(0).followUp().id();
        queue.assign(id, "dana", LocalDate.of(2025, 3, 19)); // today is 2025-03-20

        assertThat(queue.items().get(0).overdue()).isTrue();
    }

    @Test
    void resolvingByRebillLinksTheNewClaimAndPostsItsReceivables() {
        Claim rejected = rejected("7000001", "75");

        Map<ClaimField, String> v = ChargeEntryTest.values();
        v.put(ClaimField.RX_NUMBER, "7000001");
        Claim paid = entry.rebill(rejected.id(), charge(v), LocalDate.of(2025, 3, 20));

        RejectQueue.WorkItem item = queue.items().get(0);
        assertThat(item.followUp().status()).isEqualTo(FollowUpStatus.RESOLVED);
        assertThat(item.followUp().resolvedByClaimId()).isEqualTo(paid.id());
        assertThat(item.followUp().owner()).isEqualTo(TestDatabases.CLERK.user());
        assertThat(tx.<Object>read(t -> t.port(LedgerRepository.class).claimBalance(paid.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE))).isEqualTo(Money.parse("21.85"));
        assertThat(tx.<List<org.rxledger.core.ledger.LedgerEntry>>read(t -> t.port(LedgerRepository.class).forClaim(rejected.id()))).isEmpty();
        assertThatThrownBy(() -> queue.changeStatus(item.followUp().id(), FollowUpStatus.OPEN, ""))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("resolved by rebill claim #" + paid.id());
    }

    @Test
    void rejectedRowsOfAClaimsFileJoinTheQueueToo() {
        String csv = String.join("\n",
                "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,patient_first_name,"
                        + "patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,ingredient_cost_submitted,"
                        + "dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,plan_paid_amount,"
                        + "authorization_number,response_status,reject_codes",
                "7001234,2,2025-03-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,"
                        + "1987654328,46.50,1.75,52.00,48.25,10.00,21.85,A25071000001,P,",
                "7001235,0,2025-03-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,"
                        + "1987654328,46.50,1.75,52.00,48.25,0,0,,R,79") + "\n";
        ClaimImportResult result = new ClaimImportService(tx, new ClaimRules(TestDatabases.CLOCK))
                .importCsv("claims.csv", new java.io.StringReader(csv));

        assertThat(result.errors()).isEmpty();
        assertThat(queue.items()).singleElement().satisfies(i -> {
            assertThat(i.row().rxNumber()).isEqualTo("7001235");
            assertThat(i.family()).isEqualTo("REFILL_TOO_SOON");
        });
    }
}
