package org.rxledger.reports.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ARCHITECTURE.md: reports never import JavaFX and never reach into the persistence adapters. */
@AnalyzeClasses(packages = "org.rxledger.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportsLayeringTest {

    @ArchTest
    static final ArchRule reportsHaveNoJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule reportsUseDomainPortsNotTheStore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.rxledger.core.store..", "org.jdbi..", "org.h2..");
}
