package org.rxledger.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package of core is one area (or a small shared kernel such as {@code money}, {@code id} or {@code tx}) and
 * the areas form no import cycle, so an area can be read, tested and changed from its own package and the ones it
 * names (docs/adr/0018-areas-own-their-ports.md).
 */
@AnalyzeClasses(packages = "org.rxledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices().matching("org.rxledger.core.(*)..")
            .should().beFreeOfCycles();
}
