package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;

/**
 * Issue 16 item 2: the use cases themselves refuse a person whose roles lack the permission (PermissionMatrix),
 * record the refusal, and change nothing; what is allowed is recorded as the signed-in person.
 */
class RoleEnforcementTest {

    @TempDir
    Path dir;

    private static Session as(String user, Role role) {
        return new Session(user, user, Set.of(role), "ws-7", TestDatabases.NOW);
    }

    private static long entries(PostingFixture f) {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).count());
    }

    private static Map<LedgerAccount, Money> trialBalance(PostingFixture f) {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance());
    }

    private static List<AuditRecord> audit(PostingFixture f, String type, String id) {
        return f.db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity(type, id));
    }

    /** A posted payment for one claim, imported as the test's administrator. */
    private PostingFixture postedPayment() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));
        return f;
    }

    @Test
    void aClerkCannotUnpostAndNothingChangesButTheRefusalIsAudited() {
        PostingFixture f = postedPayment();
        long paymentId = f.paymentId("T1");
        Map<LedgerAccount, Money> before = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).trialBalance());
        long entries = entries(f);
        f.db.transactions().signIn(as("pat", Role.CLERK));

        PostingService posting = new PostingService(f.db.transactions());
        assertThatThrownBy(() -> posting.unpost(paymentId, "wrong claim"))
                .isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("pat may not unpost a payment")
                .hasMessageContaining("'unpost'")
                .hasMessageContaining("Nothing was changed");

        assertThat(entries(f)).isEqualTo(entries);
        assertThat(trialBalance(f)).isEqualTo(before);
        assertThat(posting.postings(paymentId)).extracting(PostingRepository.PostingRecord::kind)
                .containsExactly(PostingKind.POST);
        assertThat(audit(f, "account", "pat"))
                .anySatisfy(r -> {
                    assertThat(r.action()).isEqualTo(Authorizer.AUDIT_REFUSED);
                    assertThat(r.detail()).contains("UNPOST").contains("unpost a payment");
                    assertThat(r.workstation()).isEqualTo("ws-7");
                });
    }

    @Test
    void aSupervisorUnpostsAndTheTrailNamesTheSignedInPersonNotTheOperatingSystemUser() {
        PostingFixture f = postedPayment();
        long paymentId = f.paymentId("T1");
        f.db.transactions().signIn(as("sam", Role.SUPERVISOR));

        new PostingService(f.db.transactions()).unpost(paymentId, "wrong claim");

        assertThat(audit(f, "payment", String.valueOf(paymentId)))
                .filteredOn(r -> r.action().equals("REMIT_UNPOSTED")).singleElement()
                .satisfies(r -> {
                    assertThat(r.user()).isEqualTo("sam");
                    assertThat(r.workstation()).isEqualTo("ws-7");
                });
    }

    @Test
    void anAuditCoordinatorCannotPostOrMatch() {
        PostingFixture f = postedPayment();
        long paymentId = f.paymentId("T1");
        f.db.transactions().signIn(as("sam", Role.SUPERVISOR));
        new PostingService(f.db.transactions()).unpost(paymentId, "to re-check");
        long entries = entries(f);
        f.db.transactions().signIn(as("ada", Role.AUDIT_COORDINATOR));

        assertThatThrownBy(() -> new PostingService(f.db.transactions()).post(paymentId))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("'post'");
        assertThatThrownBy(() -> new MatchingService(f.db.transactions()).matchPayment(paymentId))
                .isInstanceOf(PermissionDenied.class)
                .satisfies(e -> assertThat(((PermissionDenied) e).permission()).isEqualTo(Permission.MATCH_DECIDE));
        assertThat(entries(f)).isEqualTo(entries);
    }

    @Test
    void aClerkCannotEditThePayerDirectoryAndReadOnlyCannotRecordADeposit() {
        PostingFixture f = new PostingFixture(dir);
        f.db.transactions().signIn(as("pat", Role.CLERK));
        assertThatThrownBy(() -> new PayerDirectoryService(f.db.transactions()).createPayer("NEW PBM"))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("'payer-directory-edit'");
        assertThat(new PayerDirectoryService(f.db.transactions()).directory().payers())
                .noneMatch(p -> p.name().equalsIgnoreCase("NEW PBM"));

        f.db.transactions().signIn(as("rob", Role.READ_ONLY));
        DepositService deposits = new DepositService(f.db.transactions());
        assertThatThrownBy(() -> deposits.record(new NewDeposit(LocalDate.of(2025, 3, 14), Money.parse("10.00"), "T9",
                DepositMethod.ACH, null, null))).isInstanceOf(PermissionDenied.class).hasMessageContaining("'deposit-record'");
        assertThat(deposits.deposits()).isEmpty();
    }

    @Test
    void theImportServiceAccountImportsButCannotPostByHand() {
        PostingFixture f = new PostingFixture(dir);
        Claim c = f.store(f.claim());
        f.db.transactions().signIn(as("inbox", Role.IMPORT_SERVICE));

        f.importPayments("a.835", f.payment("T1", List.of(PostingFixture.paid("7001234-02", c, "21.85")), List.of()));

        assertThat(f.balance(c.id(), LedgerAccount.THIRD_PARTY_RECEIVABLE)).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> new PostingService(f.db.transactions()).unpost(f.paymentId("T1"), "no"))
                .isInstanceOf(PermissionDenied.class);
    }

    @Test
    void nobodySignedInIsRefusedBeforeAnythingIsWritten() {
        PostingFixture f = postedPayment();
        long paymentId = f.paymentId("T1");
        long entries = entries(f);
        f.db.transactions().signOut();

        assertThatThrownBy(() -> new PostingService(f.db.transactions()).unpost(paymentId, "x"))
                .isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("Nobody is signed in")
                .hasMessageContaining("'unpost'");
        assertThat(entries(f)).isEqualTo(entries);
    }
}
