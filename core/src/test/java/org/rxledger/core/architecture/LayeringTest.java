package org.rxledger.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ARCHITECTURE.md: core never sees JavaFX, POI or PDFBox; the domain never depends on the adapters. */
@AnalyzeClasses(packages = "org.rxledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule coreHasNoUserInterfaceOrDocumentLibraries = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.poi..", "org.apache.pdfbox..",
                    "org.controlsfx..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule domainAreasDoNotDependOnThePersistenceAdapters = noClasses()
            .that().resideOutsideOfPackages("org.rxledger.core.store..", "org.rxledger.core.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rxledger.core.store..", "org.rxledger.core.adapters..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainAreasDoNotTouchJdbiOrH2Directly = noClasses()
            .that().resideOutsideOfPackages("org.rxledger.core.store..", "org.rxledger.core.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule libraryCodeDoesNotPrintToTheConsole = noClasses()
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
