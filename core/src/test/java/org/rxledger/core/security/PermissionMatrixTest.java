package org.rxledger.core.security;

import org.rxledger.core.access.Role;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one permission matrix: least privilege as DOMAIN.md §9 and issue 16 ask. */
class PermissionMatrixTest {

    @Test
    void aClerkPostsButCannotUnpostOrSeeFullIdentifiers() {
        assertThat(PermissionMatrix.allows(List.of(Role.CLERK), Permission.POST)).isTrue();
        assertThat(PermissionMatrix.allows(List.of(Role.CLERK), Permission.UNPOST)).isFalse();
        assertThat(PermissionMatrix.allows(List.of(Role.CLERK), Permission.VIEW_FULL_IDENTIFIERS)).isFalse();
        assertThat(PermissionMatrix.allows(List.of(Role.SUPERVISOR), Permission.UNPOST)).isTrue();
    }

    @Test
    void eachWriteOffTierBelongsToItsRoleAndAbove() {
        assertThat(PermissionMatrix.permissionsOf(Role.CLERK)).contains(Permission.WRITEOFF_APPROVE_CLERK_TIER)
                .doesNotContain(Permission.WRITEOFF_APPROVE_SUPERVISOR_TIER);
        assertThat(PermissionMatrix.permissionsOf(Role.SUPERVISOR)).contains(Permission.WRITEOFF_APPROVE_SUPERVISOR_TIER)
                .doesNotContain(Permission.WRITEOFF_APPROVE_MANAGER_TIER);
        assertThat(PermissionMatrix.permissionsOf(Role.BILLING_MANAGER)).contains(Permission.WRITEOFF_APPROVE_MANAGER_TIER)
                .doesNotContain(Permission.WRITEOFF_APPROVE_ADMIN_TIER);
        assertThat(PermissionMatrix.permissionsOf(Role.ADMIN)).containsAll(EnumSet.allOf(Permission.class));
    }

    @Test
    void theAuditCoordinatorMovesNoMoneyAndTheImportServiceOnlyImports() {
        assertThat(PermissionMatrix.permissionsOf(Role.AUDIT_COORDINATOR))
                .doesNotContain(Permission.POST, Permission.UNPOST, Permission.MATCH_DECIDE, Permission.CLAIM_ENTER)
                .contains(Permission.AUDIT_CASE_MANAGE);
        assertThat(PermissionMatrix.permissionsOf(Role.IMPORT_SERVICE)).containsExactly(Permission.REMIT_IMPORT);
        assertThat(PermissionMatrix.permissionsOf(Role.READ_ONLY)).containsExactly(Permission.VIEW);
    }

    @Test
    void theRenderedMatrixHasARowPerPermissionAndAColumnPerRole() {
        String text = PermissionMatrix.render();

        assertThat(text.lines()).hasSize(Permission.values().length + 1);
        assertThat(text.lines().findFirst().orElseThrow()).contains("clerk").contains("billing-manager").contains("import-service");
        assertThat(text).containsPattern("unpost +- +yes");
    }

    @Test
    void rolesParseAsTypedOnTheCommandLine() {
        assertThat(Role.parse("billing-manager")).isEqualTo(Role.BILLING_MANAGER);
        assertThat(Role.parse("AUDIT_COORDINATOR")).isEqualTo(Role.AUDIT_COORDINATOR);
    }
}
