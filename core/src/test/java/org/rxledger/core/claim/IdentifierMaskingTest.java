package org.rxledger.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.access.PermissionDenied;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * Issue 16 item 6, minimum necessary: list rows carry a patient's date of birth and cardholder id masked for roles
 * without view-full-identifiers, and the detail's full identifiers are for those roles only, each view audited.
 */
class IdentifierMaskingTest {

    private Database db;
    private Claim claim;

    @BeforeEach
    void office() {
        db = TestDatabases.fresh();
        TestOffice office = TestOffice.create(db.transactions());
        claim = db.transactions().inTransaction(
                tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(), office.payer().id()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void signIn(Role role) {
        db.transactions().signIn(new Session("pat", "Pat", Set.of(role), "ws-7", TestDatabases.NOW));
    }

    private ClaimSummary listRow() {
        List<ClaimSummary> rows = db.transactions().read(tx -> tx.port(ClaimRepository.class).summaries(tx.identifierMask()));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<AuditRecord> audit() {
        return db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("claim", String.valueOf(claim.id())));
    }

    @Test
    void theMaskKeepsTheLastFourOfAnIdAndTheYearOfBirth() {
        assertThat(IdentifierMask.MASKED.cardholderId("ZZX001234567")).isEqualTo("•••••4567");
        assertThat(IdentifierMask.MASKED.cardholderId(" 123 ")).isEqualTo("•••••");
        assertThat(IdentifierMask.MASKED.cardholderId(null)).isEmpty();
        assertThat(IdentifierMask.MASKED.dateOfBirth(LocalDate.of(1961, 3, 14))).isEqualTo("1961-••-••");
        assertThat(IdentifierMask.FULL.cardholderId("ZZX001234567")).isEqualTo("ZZX001234567");
        assertThat(IdentifierMask.FULL.dateOfBirth(LocalDate.of(1961, 3, 14))).isEqualTo("1961-03-14");
        assertThat(IdentifierMask.of(Optional.empty())).isEqualTo(IdentifierMask.MASKED);
    }

    @Test
    void aClerkSeesTheClaimsListMaskedAndASupervisorInFull() {
        String id = claim.cardholderId();
        signIn(Role.CLERK);
        assertThat(listRow().cardholderId()).isEqualTo("•••••" + id.substring(id.length() - 4)).doesNotContain(id);
        assertThat(listRow().dateOfBirth()).isEqualTo("1962-••-••");

        signIn(Role.READ_ONLY);
        assertThat(listRow().cardholderId()).startsWith("•••••");

        signIn(Role.SUPERVISOR);
        assertThat(listRow().cardholderId()).isEqualTo(id);
        assertThat(listRow().dateOfBirth()).isEqualTo("1962-04-15");
    }

    @Test
    void nobodySignedInReadsMasked() {
        db.transactions().signOut();
        assertThat(listRow().dateOfBirth()).isEqualTo("1962-••-••");
    }

    @Test
    void aSupervisorsViewOfTheFullIdentifiersIsAuditedWithoutTheirValues() {
        signIn(Role.SUPERVISOR);
        ClaimIdentifiers identifiers = new ClaimIdentifiers(db.transactions());
        assertThat(identifiers.fullAllowed()).isTrue();

        ClaimIdentifiers.Shown shown = identifiers.reveal(claim.id());

        assertThat(shown).isEqualTo(new ClaimIdentifiers.Shown("1962-04-15", claim.cardholderId()));
        AuditRecord viewed = audit().stream().filter(r -> r.action().equals(ClaimIdentifiers.AUDIT_VIEWED))
                .findFirst().orElseThrow();
        assertThat(viewed.user()).isEqualTo("pat");
        assertThat(viewed.detail()).contains("cardholder_id").doesNotContain(claim.cardholderId())
                .doesNotContain("1962").doesNotContain("TESTPATIENT");
    }

    @Test
    void aClerkIsRefusedTheFullIdentifiersAndTheRefusalIsAudited() {
        signIn(Role.CLERK);
        ClaimIdentifiers identifiers = new ClaimIdentifiers(db.transactions());
        assertThat(identifiers.fullAllowed()).isFalse();

        assertThatThrownBy(() -> identifiers.reveal(claim.id())).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("view-full-identifiers");
        assertThat(audit()).extracting(AuditRecord::action).doesNotContain(ClaimIdentifiers.AUDIT_VIEWED);
        List<AuditRecord> refusals = db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("account", "pat"));
        assertThat(refusals).extracting(AuditRecord::action).contains(Authorizer.AUDIT_REFUSED);
        assertThat(ClaimIdentifiers.masked(claim, null).cardholderId()).startsWith("•••••");
    }
}
