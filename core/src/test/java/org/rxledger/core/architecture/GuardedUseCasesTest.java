package org.rxledger.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.office.OfficeSetup;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.tx.Transactions;

/**
 * Issue 16: no unguarded write path. Every write goes through {@link Transactions#inTransaction}; use cases
 * must open it with the permission they need ({@code inTransaction(Permission, action, work)}, checked by
 * {@link Authorizer}). The unchecked form is left to the store, the check itself, sign-in and accounts (which
 * check the acting session themselves), setting up a new office, and creating the demo office in an empty one.
 */
@AnalyzeClasses(packages = "org.rxledger", importOptions = ImportOption.DoNotIncludeTests.class)
class GuardedUseCasesTest {

    @ArchTest
    static final ArchRule onlyTheStoreAndSignInOpenUncheckedWriteTransactions = noClasses()
            .that().resideOutsideOfPackages("org.rxledger.core.store..", "org.rxledger.core.tx..")
            .and().doNotBelongToAnyOf(Authorizer.class, AccountService.class, OfficeSetup.class, DemoOffice.class)
            .should().callMethod(Transactions.class, "inTransaction", Transactions.Work.class)
            .because("a use case that writes opens its transaction with the Permission it needs "
                    + "(docs/adr/0020-sign-in-and-enforcement.md)");
}
