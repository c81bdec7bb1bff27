package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.exceptions.ExceptionStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.TestOwner;
import org.rxledger.core.journal.Journal;

/**
 * The exceptions queue derived from real imports (real H2, real migrations, match + post on import). Lives
 * beside {@link PostingFixture}, which builds the claims and 835s.
 */
class ExceptionQueueTest {

    @TempDir
    Path dir;

    private static Money m(String s) {
        return Money.parse(s);
    }

    private static ExceptionItem only(ExceptionQueue q, ExceptionCategory c) {
        List<ExceptionItem> items = q.items(ExceptionFilter.ALL.withCategory(c));
        assertThat(items).as("items of " + c).hasSize(1);
        return items.get(0);
    }

    private Claim claim(PostingFixture f, String rx, String auth) {
        return f.store(f.claim().rx(rx).fill(0).authorization(auth));
    }

    @Test
    void paidAsAdjudicatedRaisesNoException() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")), List.of()));
        assertThat(new ExceptionQueue(f.db.transactions()).items()).isEmpty();
    }

    @Test
    void shortPaidClaimSaysByHowMuchAndWhatToDo() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "20.00")), List.of()));
        ExceptionItem i = only(new ExceptionQueue(f.db.transactions()), ExceptionCategory.SHORT_PAID);
        assertThat(i.key()).isEqualTo("SHORT_PAID:C" + c.id());
        assertThat(i.reference()).isEqualTo("7000001-00");
        assertThat(i.payer()).isNotBlank();
        assertThat(i.trace()).isEqualTo("T1");
        assertThat(i.expected()).isEqualTo(m("21.85"));
        assertThat(i.paid()).isEqualTo(m("20.00"));
        assertThat(i.difference()).isEqualTo(m("-1.85"));
        assertThat(i.reason()).contains("Paid 20.00 of 21.85 expected").contains("CO-45");
        assertThat(i.nextStep()).contains("trace T1").contains("dispute");
        // paid by the payer on 2025-03-14 but imported today (the test clock's 2025-03-20): a new item, age 0
        assertThat(i.arose()).isEqualTo(java.time.LocalDate.of(2025, 3, 20));
        assertThat(i.age()).isZero();
        assertThat(i.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(i.owner()).isNull();
    }

    @Test
    void overPaidAndPaidTwiceAreToldApart() {
        PostingFixture f = new PostingFixture(dir);
        Claim over = claim(f, "7000001", "A1");
        Claim twice = claim(f, "7000002", "A2");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", over, "25.00"),
                PostingFixture.paid("7000002-00", twice, "21.85")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.paid("7000002-00", twice, "21.85")), List.of()));
        ExceptionQueue q = new ExceptionQueue(f.db.transactions());

        ExceptionItem o = only(q, ExceptionCategory.OVER_PAID);
        assertThat(o.claimId()).isEqualTo(over.id());
        assertThat(o.difference()).isEqualTo(m("3.15"));
        assertThat(o.nextStep()).contains("Expect a recoupment of 3.15");

        ExceptionItem t = only(q, ExceptionCategory.PAID_TWICE);
        assertThat(t.key()).isEqualTo("PAID_TWICE:C" + twice.id());
        assertThat(t.paid()).isEqualTo(m("43.70"));
        assertThat(t.trace()).isEqualTo("T1, T2");
        assertThat(t.nextStep()).contains("refund 21.85").contains("Do not post again");
    }

    @Test
    void denialNamesTheCarcAndItsNextStep() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        Claim cob = claim(f, "7000002", "A2");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.denied("7000001-00", c, "16"),
                PostingFixture.denied("7000002-00", cob, "22")), List.of()));
        List<ExceptionItem> denied = new ExceptionQueue(f.db.transactions())
                .items(ExceptionFilter.ALL.withCategory(ExceptionCategory.DENIED));
        assertThat(denied).hasSize(2);
        ExceptionItem d16 = denied.stream().filter(i -> i.claimId() == c.id()).findFirst().orElseThrow();
        assertThat(d16.reason()).contains("Denied").contains("CO-16").doesNotContain("not in the");
        assertThat(d16.nextStep()).startsWith("Appeal or rebill: CARC 16 (");
        ExceptionItem d22 = denied.stream().filter(i -> i.claimId() == cob.id()).findFirst().orElseThrow();
        assertThat(d22.nextStep()).startsWith("Coordination of benefits, CARC 22").contains("primary payer");
        assertThat(d22.paid()).isEqualTo(Money.ZERO);
    }

    @Test
    void reversalWithoutRepaymentIsQueuedAndLeavesOnceRepaid() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")), List.of()));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.reversal("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("FB", "CARRY", "-21.85"))));
        ExceptionQueue q = new ExceptionQueue(f.db.transactions());
        ExceptionItem r = only(q, ExceptionCategory.REVERSED);
        assertThat(r.paid()).isEqualTo(Money.ZERO);
        assertThat(r.nextStep()).contains("rebill");

        f.importPayments("c.835", f.payment("T3", List.of(PostingFixture.paid("7000001-00", c, "21.85")), List.of()));
        assertThat(q.items()).isEmpty();
    }

    @Test
    void payerReversalOfAFillAlsoReversedAtTheCounterIsNoException() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")), List.of()));
        f.db.transactions().inTransaction(tx -> org.rxledger.core.claim.ClaimReversals.reverse(tx, c.id(),
                c.dateOfService().plusDays(2), "returned to stock"));
        f.importPayments("b.835", f.payment("T2", List.of(PostingFixture.reversal("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("FB", "CARRY", "-21.85"))));
        assertThat(new ExceptionQueue(f.db.transactions()).items()).isEmpty();
    }

    @Test
    void unmatchedAndAmbiguousLinesSayWhatToMatch() {
        PostingFixture f = new PostingFixture(dir);
        Claim a = f.store(f.claim().rx("7000001").fill(1).authorization("A1"));
        f.store(f.claim().rx("7000001").fill(2).dateOfService(a.dateOfService().plusDays(1)).authorization("A2"));
        Claim lost = claim(f, "7000009", "A9");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001", null, null, a, "21.85"),
                RemitFixtures.unreadable(lost, "12.00")), List.of()));
        ExceptionQueue q = new ExceptionQueue(f.db.transactions());

        ExceptionItem u = only(q, ExceptionCategory.UNMATCHED);
        assertThat(u.key()).startsWith("UNMATCHED:R");
        assertThat(u.reference()).isEqualTo("PCN-UNKNOWN");
        assertThat(u.paid()).isEqualTo(m("12.00"));
        // neither line matched, so the payment was held, not posted: the money is not in unapplied cash yet
        assertThat(u.reason()).contains("names no stored claim").contains("its payment is not posted yet");
        assertThat(u.nextStep()).startsWith("Find the claim").endsWith("and post the payment once its lines are matched"
                + " (Post… in Remittances, or remit post)");
        new PostingService(f.db.transactions()).post(u.paymentId());
        ExceptionItem posted = only(q, ExceptionCategory.UNMATCHED);
        assertThat(posted.reason()).contains("(held as unapplied cash)");
        assertThat(posted.nextStep()).endsWith("then match by hand in Remittances");

        ExceptionItem amb = only(q, ExceptionCategory.AMBIGUOUS);
        assertThat(amb.candidates()).hasSize(2);
        assertThat(amb.nextStep()).startsWith("Match by hand: 2 candidates — Rx 7000001-0");

        // matched by hand: the unmatched item leaves the queue by itself
        new MatchingService(f.db.transactions()).match(u.remitClaimId(), lost.id(), "payer used its own number");
        assertThat(q.items(ExceptionFilter.ALL.withCategory(ExceptionCategory.UNMATCHED))).isEmpty();
    }

    @Test
    void plbTakebackNamingNoClaimIsQueuedAndOneNamingAClaimIsNot() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("WO", "7000001-00", "5.00"), PostingFixture.plb("WO", "AUDIT-77", "7.50"),
                        PostingFixture.plb("L6", null, "-1.25"))));
        ExceptionItem p = only(new ExceptionQueue(f.db.transactions()), ExceptionCategory.PLB_UNATTRIBUTED);
        assertThat(p.key()).startsWith("PLB_UNATTRIBUTED:P");
        assertThat(p.paid()).isEqualTo(m("7.50"));
        assertThat(p.reference()).isEqualTo("PLB WO AUDIT-77");
        assertThat(p.nextStep()).startsWith("Attribute PLB WO AUDIT-77 (7.50) to a claim");
    }

    @Test
    void patientPayMismatchComparesClp05WithTheAdjudicatedPatientPay() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        Money charge = c.grossAmountDue();
        Money paid = m("19.85");
        Money pr = m("12.00"); // adjudicated 10.00
        ClaimPayment line = RemittanceBuilder.claim("7000001-00", "1", charge, paid, pr, c.authorizationNumber(),
                c.dateOfService(), PostingFixture.NDC, new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(charge, paid, pr), List.of());
        f.importPayments("a.835", f.payment("T1", List.of(line), List.of()));
        ExceptionItem i = only(new ExceptionQueue(f.db.transactions()), ExceptionCategory.PATIENT_PAY);
        assertThat(i.expected()).isEqualTo(m("10.00"));
        assertThat(i.paid()).isEqualTo(m("12.00"));
        assertThat(i.reason()).contains("12.00 (CLP05)").contains("10.00");
        assertThat(i.nextStep()).startsWith("Bill the patient the further 2.00");
    }

    @Test
    void assignResolveAndReopenAreKeptAppendOnlyWithJournalAndAudit() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "20.00")), List.of()));
        ExceptionQueue q = new ExceptionQueue(f.db.transactions());
        String key = "SHORT_PAID:C" + c.id();
        long journalBefore = f.db.transactions().read(tx -> tx.port(Journal.class).count());

        assertThat(q.assignToMe(key).owner()).isEqualTo("clerk1");
        assertThatThrownBy(() -> q.resolve(key, "  ")).hasMessageContaining("note is required");
        ExceptionItem resolved = q.resolve(key.toLowerCase(java.util.Locale.ROOT), "Contractual MAC cut; accepted");
        assertThat(resolved.status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(resolved.note()).isEqualTo("Contractual MAC cut; accepted");
        assertThat(resolved.owner()).isEqualTo("clerk1");
        assertThatThrownBy(() -> q.resolve(key, "again")).hasMessageContaining("already resolved");

        // a new service (recomputed from the database) sees the same state; the open queue is empty
        ExceptionQueue fresh = new ExceptionQueue(f.db.transactions());
        assertThat(fresh.items(ExceptionFilter.OPEN)).isEmpty();
        assertThat(fresh.find(key).orElseThrow().status()).isEqualTo(ExceptionStatus.RESOLVED);

        ExceptionItem reopened = fresh.reopen(key, "payer promised a supplemental payment");
        assertThat(reopened.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(fresh.assign(key, "mgr").owner()).isEqualTo("mgr");

        long journalAfter = f.db.transactions().read(tx -> tx.port(Journal.class).count());
        assertThat(journalAfter).isEqualTo(journalBefore + 4);
        List<AuditRecord> audit = f.db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("exception", key));
        assertThat(audit).extracting(AuditRecord::action).containsExactly("EXCEPTION_ASSIGNED", "EXCEPTION_RESOLVED",
                        "EXCEPTION_REOPENED", "EXCEPTION_ASSIGNED");
        assertThatThrownBy(() -> q.resolve("SHORT_PAID:C999999", "x")).hasMessageContaining("no current exception");
        assertThatThrownBy(() -> q.resolve("SHORTPAID-42", "x")).hasMessageContaining("is not an exception key");
        assertThatThrownBy(() -> q.resolve("SHORT_PAID:Cx", "x")).hasMessageContaining("is not an exception key");
        for (String sql : new String[] {"UPDATE exception_action SET note = 'x'", "DELETE FROM exception_action"}) {
            assertThatThrownBy(() -> TestOwner.jdbi(f.db).useHandle(h -> h.execute(sql))).as(sql)
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void countsPerCategoryIncludeEveryCategory() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = claim(f, "7000001", "A1");
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "20.00")), List.of()));
        var counts = ExceptionQueue.counts(new ExceptionQueue(f.db.transactions()).items());
        assertThat(counts).hasSize(ExceptionCategory.values().length).containsEntry(ExceptionCategory.SHORT_PAID, 1)
                .containsEntry(ExceptionCategory.DENIED, 0);
    }
}
