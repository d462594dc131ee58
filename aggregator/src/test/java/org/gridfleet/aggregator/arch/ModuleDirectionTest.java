package org.gridfleet.aggregator.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module direction of docs/design/ARCHITECTURE.md, checked on every Gridfleet class on the classpath. */
class ModuleDirectionTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gridfleet");
    }

    @Test
    void degradationShouldDependOnNothingOfOursNorOnIo() {
        noClasses().that().resideInAPackage("org.gridfleet.degradation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.v2g..", "org.gridfleet.market..",
                        "org.gridfleet.aggregator..", "org.gridfleet.loadtest..", "io.vertx..", "com.fasterxml..",
                        "java.sql..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void v2gShouldNeverDependOnMarketOrAggregator() {
        noClasses().that().resideInAPackage("org.gridfleet.v2g..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.market..", "org.gridfleet.aggregator..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void marketShouldNeverDependOnV2gOrAggregator() {
        noClasses().that().resideInAPackage("org.gridfleet.market..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.v2g..", "org.gridfleet.aggregator..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void v2gControlShouldNeverDependOnVertx() {
        noClasses().that().resideInAPackage("org.gridfleet.v2g.control..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .allowEmptyShould(true).check(classes);
    }
}
