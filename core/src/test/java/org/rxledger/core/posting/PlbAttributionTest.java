package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.store.TestOwner;

/** A person attributes a PLB takeback to a claim (real H2, real migrations). */
class PlbAttributionTest {

    @TempDir
    Path dir;

    private static Money m(String s) {
        return Money.parse(s);
    }

    private List<ExceptionItem> loose(PostingFixture f) {
        return new ExceptionQueue(f.db.transactions()).items(ExceptionFilter.ALL.withCategory(ExceptionCategory.PLB_UNATTRIBUTED));
    }

    @Test
    void attributeReattributeUnpostAndRefusals() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim().rx("7000001").fill(0).authorization("A1"));
        Claim d = f.store(f.claim().rx("7000002").fill(0).authorization("A2"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("WO", "AUDIT-77", "7.50"))));
        List<ExceptionItem> items = loose(f);
        assertThat(items).hasSize(1);
        long plbId = Long.parseLong(items.get(0).key().substring(items.get(0).key().indexOf(":P") + 2));
        long paymentId = f.db.transactions().read(tx -> tx.port(PostingRepository.class).plbPayment(plbId)).getAsLong();
        PostingService service = new PostingService(f.db.transactions());

        assertThatThrownBy(() -> service.attributePlb(plbId, c.id(), " ")).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> service.attributePlb(999_999L, c.id(), "audit")).hasMessageContaining("no PLB item 999999");
        assertThatThrownBy(() -> service.attributePlb(plbId, 999_999L, "audit")).hasMessageContaining("no claim 999999");

        PostingResult r = service.attributePlb(plbId, c.id(), "audit letter 77");
        assertThat(r.kind()).isEqualTo(PostingKind.ADJUST);
        assertThat(f.balance(c.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(f.balance(LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(loose(f)).isEmpty();
        assertThatThrownBy(() -> service.attributePlb(plbId, c.id(), "again"))
                .hasMessageContaining("already attributed to claim " + c.id());

        service.attributePlb(plbId, d.id(), "wrong claim, letter says 7000002");
        assertThat(f.balance(c.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("0.00"));
        assertThat(f.balance(d.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(f.balance(LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));

        service.unpost(paymentId, "redo");
        assertThat(f.balance(LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("0.00"));
        assertThat(f.balance(d.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("0.00"));
        assertThatThrownBy(() -> service.attributePlb(plbId, c.id(), "audit"))
                .hasMessageContaining("is not posted");
        // posting again keeps the hand attribution in force (the latest, to 7000002) in the posting batch itself
        PostingResult again = service.post(paymentId);
        assertThat(again.postedCash()).isEqualTo(f.db.transactions().read(tx -> tx.port(PostingRepository.class).payment(paymentId)).get().amount());
        assertThat(f.balance(LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(f.balance(d.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(f.balance(c.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("0.00"));
        assertThat(attributed(f, paymentId)).containsExactly(java.util.Map.entry(plbId, d.id()));
        assertThat(loose(f)).isEmpty();
    }

    @Test
    void repostKeepsTheHandAttributionInThePostingBatchAndCashStillEqualsBpr02() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim().rx("7000001").fill(0).authorization("A1"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("WO", "AUDIT-77", "7.50"), PostingFixture.plb("L6", "INTEREST", "-1.25"))));
        long plbId = plbIdOf(loose(f).get(0));
        long paymentId = f.db.transactions().read(tx -> tx.port(PostingRepository.class).plbPayment(plbId)).getAsLong();
        Money bpr02 = f.db.transactions().read(tx -> tx.port(PostingRepository.class).payment(paymentId)).get().amount();
        PostingService service = new PostingService(f.db.transactions());
        service.attributePlb(plbId, c.id(), "audit letter 77");

        PostingResult r = service.repost(paymentId, "fix a match");

        assertThat(r.kind()).isEqualTo(PostingKind.POST);
        assertThat(r.postedCash()).isEqualTo(bpr02);
        Money onLedger = f.db.transactions().read(tx -> tx.port(PostingRepository.class).postedCash(paymentId));
        assertThat(onLedger).isEqualTo(bpr02);
        assertThat(f.balance(c.id(), LedgerAccount.PLB_RECOUPMENT)).isEqualTo(m("7.50"));
        assertThat(loose(f)).isEmpty();
        // the re-post's POST batch carries the attribution itself (no ADJUST batch after it)
        List<PostingRepository.PostingRecord> log = service.postings(paymentId);
        assertThat(log.get(log.size() - 1).kind()).isEqualTo(PostingKind.POST);
        // the interest item, never attributed, stays claim-less
        assertThat(f.balance(LedgerAccount.PLB_INTEREST)).isEqualTo(m("-1.25"));
        assertThat(attributed(f, paymentId)).containsOnlyKeys(plbId);
    }

    @Test
    void previewOfAnUnpostedPaymentShowsTheHandAttribution() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim().rx("7000001").fill(0).authorization("A1"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("WO", "AUDIT-77", "7.50"))));
        long plbId = plbIdOf(loose(f).get(0));
        long paymentId = f.db.transactions().read(tx -> tx.port(PostingRepository.class).plbPayment(plbId)).getAsLong();
        PostingService service = new PostingService(f.db.transactions());
        service.attributePlb(plbId, c.id(), "audit letter 77");
        service.unpost(paymentId, "redo");

        PostingPreview preview = service.preview(paymentId);

        assertThat(preview.unattributedPlb()).isZero();
        assertThat(preview.entries()).filteredOn(e -> e.account() == LedgerAccount.PLB_RECOUPMENT)
                .singleElement().satisfies(e -> {
                    assertThat(e.claimId()).isEqualTo(c.id());
                    assertThat(e.memo()).contains("attributed by hand");
                });
    }

    @Test
    void handAttributionsAreAppendOnlyAndTheLatestWins() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim().rx("7000001").fill(0).authorization("A1"));
        Claim d = f.store(f.claim().rx("7000002").fill(0).authorization("A2"));
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7000001-00", c, "21.85")),
                List.of(PostingFixture.plb("WO", "AUDIT-77", "7.50"))));
        long plbId = plbIdOf(loose(f).get(0));
        long paymentId = f.db.transactions().read(tx -> tx.port(PostingRepository.class).plbPayment(plbId)).getAsLong();
        PostingService service = new PostingService(f.db.transactions());
        service.attributePlb(plbId, c.id(), "first");
        service.attributePlb(plbId, d.id(), "second");

        PostingRepository.PlbAttribution inForce = f.db.transactions().read(tx -> tx.port(PostingRepository.class).plbAttributions(paymentId)).get(plbId);
        assertThat(inForce.claimId()).isEqualTo(d.id());
        assertThat(inForce.reason()).isEqualTo("second");
        assertThat(inForce.attributedBy()).isNotBlank();
        assertThatThrownBy(() -> TestOwner.jdbi(f.db).useHandle(h -> h.execute("DELETE FROM plb_attribution")))
                .hasMessageContaining("append-only");
    }

    private static java.util.Map<Long, Long> attributed(PostingFixture f, long paymentId) {
        return f.db.transactions().read(tx -> RemittancePosting.attributedClaims(tx, paymentId));
    }

    private static long plbIdOf(ExceptionItem item) {
        return Long.parseLong(item.key().substring(item.key().indexOf(":P") + 2));
    }
}
