package org.rxledger.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClass.Predicates;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.rxledger.app.charges.ChargeEntryViewModel;
import org.rxledger.app.remits.MatchingViewModel;
import org.rxledger.app.remits.RemittancesViewModel;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Screens (views and their ViewModels) call core's use cases; they never open a transaction or read a repository
 * themselves, so every query a clerk's screen runs is a use case the command line and the tests can run too
 * (issue 15, docs/adr/0018-areas-own-their-ports.md).
 */
@AnalyzeClasses(packages = "org.rxledger.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ScreensUseUseCasesTest {

    /** The ports a {@link Tx} hands out: the areas' repositories and the journal, audit trail and logs. */
    private static final DescribedPredicate<JavaClass> PORTS = simpleNameEndingWith("Repository")
            .or(belongToAnyOf(Transactions.class, Tx.class))
            .or(Predicates.resideInAPackage("org.rxledger.core..")
                    .and(simpleNameIn("Journal", "AuditTrail", "DisclosureLog", "ImportPublications")))
            .as("transactions or repositories");

    /**
     * Screens that still query through {@code Transactions} themselves, from before this rule. The list only
     * shrinks: move the query into a core use case, take that use case in the constructor, and delete the line.
     */
    private static final Class<?>[] NOT_YET_MOVED = {
        ChargeEntryViewModel.class,
        MatchingViewModel.class,
        RemittancesViewModel.class,
    };

    @ArchTest
    static final ArchRule screensUseUseCasesNotTransactionsOrRepositories = noClasses()
            .that().resideInAPackage("org.rxledger.app..")
            .and(simpleNameEndingWith("View").or(simpleNameEndingWith("ViewModel")))
            .and(not(belongToAnyOf(NOT_YET_MOVED)))
            .should().dependOnClassesThat(PORTS);

    /** Keeps the list honest: a screen that no longer needs its place on it fails here until its line is deleted. */
    @ArchTest
    static final ArchRule everyScreenNotYetMovedStillNeedsItsPlace = classes()
            .that(onTheList())
            .should().dependOnClassesThat(PORTS);

    private static DescribedPredicate<JavaClass> onTheList() {
        Set<String> names = Arrays.stream(NOT_YET_MOVED).map(Class::getName).collect(Collectors.toSet());
        return DescribedPredicate.describe("screens not yet moved to use cases", c -> names.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> simpleNameIn(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("named one of " + set, c -> set.contains(c.getSimpleName()));
    }
}
