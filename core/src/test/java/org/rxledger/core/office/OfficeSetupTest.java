package org.rxledger.core.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.access.Role;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.TestDatabases;

/** A new office set up headless (issue 16 item 1): identity and first administrator together, or nothing. */
class OfficeSetupTest {

    private final Database db = TestDatabases.fresh();
    private final AccountService accounts = new AccountService(db.transactions(), new PasswordHasher(1_000));
    private final OfficeSetup setup = new OfficeSetup(db.transactions(), accounts);
    private final OfficeSetup.NewOffice office = new OfficeSetup.NewOffice("Maple Street Pharmacy", "1234567893",
            "0312345", "12 Maple St", "Springfield", "il", "62701", "217-555-0100");

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savesThePharmacysIdentityAndTheFirstAdministrator() {
        assertThat(setup.folderIsEmpty()).isTrue();

        setup.initialise(office, "owner", "Pat Owner", "a long password".toCharArray());

        Pharmacy saved = db.transactions().read(tx -> tx.port(ReferenceRepository.class).pharmacy()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Maple Street Pharmacy");
        assertThat(saved.npi()).isEqualTo("1234567893");
        assertThat(saved.ncpdpId()).isEqualTo("0312345");
        assertThat(saved.state()).isEqualTo("IL");
        assertThat(accounts.signIn("owner", "a long password".toCharArray(), "ws").roles()).containsExactly(Role.ADMIN);
        java.util.List<org.rxledger.core.security.AuditRecord> audit = db.transactions()
                .read(tx -> tx.port(AuditTrail.class).forEntity("pharmacy", "0312345"));
        assertThat(audit).hasSize(1);
        assertThat(setup.folderIsEmpty()).isFalse();
    }

    @Test
    void aSecondSetupIsRefusedAndChangesNothing() {
        setup.initialise(office, "owner", null, "a long password".toCharArray());

        assertThatThrownBy(() -> setup.initialise(new OfficeSetup.NewOffice("Other", "1234567893", "0312345", null, null,
                null, null, null), "other", null, "another password".toCharArray()))
                .isInstanceOf(RxLedgerException.class).hasMessageContaining("already holds an office");
        assertThat(db.transactions().read(tx -> tx.port(ReferenceRepository.class).pharmacy()).orElseThrow().name())
                .isEqualTo("Maple Street Pharmacy");
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void aWeakPasswordLeavesNoPharmacyBehind() {
        assertThatThrownBy(() -> setup.initialise(office, "owner", null, "short".toCharArray()))
                .hasMessageContaining("at least 8 characters");

        java.util.Optional<Pharmacy> pharmacy = db.transactions().read(tx -> tx.port(ReferenceRepository.class).pharmacy());
        assertThat(pharmacy).isEmpty();
        assertThat(setup.folderIsEmpty()).isTrue();
    }

    @Test
    void identifiersAreCheckedWithTheirRules() {
        assertThat(code(() -> new OfficeSetup.NewOffice("X", "1234567890", "0312345", null, null, null, null, null)))
                .isEqualTo("OFFICE_NPI_INVALID");
        assertThat(code(() -> new OfficeSetup.NewOffice("X", "1234567893", "31234", null, null, null, null, null)))
                .isEqualTo("OFFICE_NCPDP_INVALID");
        assertThat(code(() -> new OfficeSetup.NewOffice(" ", "1234567893", "0312345", null, null, null, null, null)))
                .isEqualTo("OFFICE_NAME_INVALID");
        assertThat(code(() -> new OfficeSetup.NewOffice("X", "1234567893", "0312345", null, null, "Illinois", null, null)))
                .isEqualTo("OFFICE_STATE_INVALID");
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (RxLedgerException e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }
}
