package org.rxledger.core.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;

/** Issue 16 item 3: the lock time is the office's; a workstation may only shorten it. */
class OfficeSettingsTest {

    private final Database db = TestDatabases.fresh();
    private final OfficeSettings settings = new OfficeSettings(db.transactions());

    @AfterEach
    void close() {
        db.close();
    }

    private void signIn(Role role) {
        db.transactions().signIn(new Session("lee", "Lee", Set.of(role), "ws-7", TestDatabases.NOW));
    }

    @Test
    void aWorkstationPreferenceOnlyShortensTheOfficesLockTime() {
        assertThat(OfficeSettings.effectiveLockMinutes(10, OptionalInt.of(5))).isEqualTo(5);
        assertThat(OfficeSettings.effectiveLockMinutes(10, OptionalInt.of(30))).isEqualTo(10);
        assertThat(OfficeSettings.effectiveLockMinutes(10, OptionalInt.of(0))).as("never is overruled").isEqualTo(10);
        assertThat(OfficeSettings.effectiveLockMinutes(10, OptionalInt.empty())).isEqualTo(10);
    }

    @Test
    void aBillingManagerSetsTheOfficesLockTimeAndTheChangeIsAudited() {
        assertThat(settings.lockAfterMinutes()).isEqualTo(OfficeSettings.DEFAULT_LOCK_MINUTES);
        signIn(Role.BILLING_MANAGER);

        settings.setLockAfterMinutes(5);

        assertThat(settings.lockAfterMinutes()).isEqualTo(5);
        List<AuditRecord> trail = db.transactions().read(tx -> tx.port(AuditTrail.class)
                .forEntity("office_setting", OfficeSettings.LOCK_AFTER_MINUTES));
        assertThat(trail).singleElement().satisfies(r -> {
            assertThat(r.user()).isEqualTo("lee");
            assertThat(r.detail()).contains("5");
        });
    }

    @Test
    void aClerkIsRefusedAndANonsenseValueChangesNothing() {
        signIn(Role.CLERK);
        assertThatThrownBy(() -> settings.setLockAfterMinutes(60)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("'settings-edit'");
        signIn(Role.ADMIN);
        assertThatThrownBy(() -> settings.setLockAfterMinutes(0)).isInstanceOf(RxLedgerException.class)
                .hasMessageContaining("1 to 240 minutes");
        assertThat(settings.lockAfterMinutes()).isEqualTo(OfficeSettings.DEFAULT_LOCK_MINUTES);
    }
}
