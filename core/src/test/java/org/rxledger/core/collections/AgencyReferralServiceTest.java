package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;
import static org.rxledger.core.collections.CollectionsFixture.MANAGER;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AuditTrail;

/** Collection-agency referrals on a real H2: a manager's decision, recorded, exported as CSV; held accounts refused. */
class AgencyReferralServiceTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 1);
    private final CollectionsFixture f = new CollectionsFixture();
    private final AgencyReferralService referrals = new AgencyReferralService(f.db.transactions());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aManagerRefersAnAccountAndTheCsvCarriesItsBalanceAndCycle() throws IOException {
        f.fill(LocalDate.of(2025, 1, 5), "140.00");
        f.statements(LocalDate.of(2025, 1, 10), 4);

        assertThatThrownBy(() -> referrals.refer(CLERK, List.of(f.key()), "Acme Recovery", ON))
                .isInstanceOf(PermissionDenied.class);
        List<AgencyReferral> done = referrals.refer(MANAGER, List.of(f.key()), "Acme Recovery", ON);

        assertThat(done).singleElement().satisfies(r -> {
            assertThat(r.balance()).isEqualTo(Money.parse("140.00"));
            assertThat(r.statementsSent()).isEqualTo(4);
            assertThat(r.by()).isEqualTo("mona");
        });
        StringBuilder csv = new StringBuilder();
        AgencyReferralService.writeCsv(done, csv);
        assertThat(csv.toString().split("\r\n")).containsExactly(
                "account,name,balance,oldest_date_of_service,statements_sent,last_statement,last_payment,referred_on,agency",
                f.key() + ",\"TESTPATIENT, ALPHA\",140.00,2025-01-05,4,2025-04-10,,2025-06-01,Acme Recovery");
        List<org.rxledger.core.security.AuditRecord> audit = f.db.transactions()
                .read(tx -> tx.port(AuditTrail.class).forEntity("patient_account", f.key()));
        assertThat(audit)
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("ACCOUNT_REFERRED_TO_AGENCY"));
        assertThatThrownBy(() -> referrals.refer(MANAGER, List.of(f.key()), "Acme Recovery", ON.plusDays(1)))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("was referred on 2025-06-01 already");
    }

    @Test
    void anAccountOnHoldOrKeepingItsPlanIsNotReferredAndNothingIs() {
        f.fill(LocalDate.of(2025, 1, 5), "140.00");
        f.accounts.placeHold(CLERK, f.key(), HoldKind.BANKRUPTCY, "notice received", ON.minusDays(3));

        assertThatThrownBy(() -> referrals.refer(MANAGER, List.of(f.key()), "Acme Recovery", ON))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("on hold (bankruptcy)");
        f.accounts.releaseHold(CLERK, f.key(), HoldKind.BANKRUPTCY, "dismissed", ON.minusDays(2));
        new PaymentPlanService(f.db.transactions()).start(CLERK, f.key(), Money.parse("20.00"), 20, ON.minusDays(2), "");
        assertThatThrownBy(() -> referrals.refer(MANAGER, List.of(f.key()), "Acme Recovery", ON))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("keeps its payment plan");
        assertThatThrownBy(() -> referrals.refer(MANAGER, List.of("P999"), "Acme Recovery", ON))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("owes nothing");
        java.util.Map<String, LocalDate> referred = f.db.transactions().read(tx -> tx.port(CollectionsRepository.class).referrals());
        assertThat(referred).isEmpty();
    }
}
