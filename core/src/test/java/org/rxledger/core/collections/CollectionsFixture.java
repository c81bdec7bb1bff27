package org.rxledger.core.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.money.Money;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;
import org.rxledger.core.ledger.LedgerRepository;

/** A real H2 office with patient balances: fills whose copay was not collected and whose plan has paid. */
final class CollectionsFixture implements AutoCloseable {

    static final Session CLERK = session("carol", Role.CLERK);
    static final Session CLERK_2 = session("cody", Role.CLERK);
    static final Session SUPERVISOR = session("sam", Role.SUPERVISOR);
    static final Session MANAGER = session("mona", Role.BILLING_MANAGER);
    static final Session ADMIN = session("ada", Role.ADMIN);
    static final Session READ_ONLY = session("rita", Role.READ_ONLY);

    final Database db = TestDatabases.fresh();
    final TestOffice office = TestOffice.create(db.transactions());
    final PatientAccountService accounts = new PatientAccountService(db.transactions());
    final WriteOffService writeOffs = new WriteOffService(db.transactions());
    private int rx = 7100000;

    static Session session(String user, Role role) {
        return new Session(user, user, Set.of(role), "ws-test", Instant.parse("2025-03-20T08:00:00Z"));
    }

    String key() {
        return AccountKey.patient(office.patient().id());
    }

    /** A fill on {@code dos} whose copay was left on the account; {@code planOpen} leaves the plan's share unpaid. */
    Claim fill(LocalDate dos, String copay, boolean planOpen) {
        Claim c = db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office)
                .rx(String.valueOf(rx++)).fill(0).dateOfService(dos).patientPay(copay).build(), office.payer().id()));
        if (!planOpen) {
            payPlan(c);
        }
        return c;
    }

    Claim fill(LocalDate dos, String copay) {
        return fill(dos, copay, false);
    }

    /** The plan's payment, as a posted remittance would book it (cash in, third-party receivable to zero). */
    void payPlan(Claim c) {
        db.transactions().inTransaction(tx -> {
            LedgerBatch b = new LedgerBatch("TEST_REMIT", String.valueOf(c.id()), c.dateOfService().plusDays(14),
                    tx.clock().instant(), "test");
            b.add(LedgerAccount.PAYER_CASH, c.planPaid(), c.id(), c.patientId(), office.payer().id(), "paid");
            b.add(LedgerAccount.THIRD_PARTY_RECEIVABLE, c.planPaid().negate(), c.id(), c.patientId(), office.payer().id(), "paid");
            tx.port(LedgerRepository.class).append(b);
            return null;
        });
    }

    Money ledger(LedgerAccount account) {
        return db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(account));
    }

    void markFederal() {
        accounts.markFederalProgram(ADMIN, office.plan().id(), "MEDICARE_PART_D");
    }

    /** Statement runs every 30 days from {@code first}, {@code count} of them. */
    void statements(LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            accounts.runStatements(CLERK, first.plusDays(30L * i));
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
