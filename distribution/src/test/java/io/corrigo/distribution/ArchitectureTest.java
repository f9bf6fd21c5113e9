package io.corrigo.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** Layering rules over every Corrigo module on the class path (the distribution sees them all). */
@Epic("Architecture")
@Feature("Layers")
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.corrigo");

    @Test
    void frameworkApiDependsOnNothingButTheJdkAndOsgiAnnotations() {
        noClasses().that().resideInAPackage("io.corrigo.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.corrigo.api..",
                        "org.osgi.annotation..", "org.osgi.service.component.annotations..")
                .check(CLASSES);
    }

    @Test
    void pluginsDoNotImportEachOther() {
        slices().matching("io.corrigo.plugin.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void pluginsDoNotImportHostInternalsOrReports() {
        noClasses().that().resideInAnyPackage("io.corrigo.plugin..", "io.corrigo.example..", "io.corrigo.djl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.corrigo.core..", "io.corrigo.reports..", "io.corrigo..internal..")
                .check(CLASSES);
    }

    @Test
    void theDropInExampleIsBuiltAgainstFrameworkApiOnly() {
        noClasses().that().resideInAPackage("io.corrigo.example..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.corrigo.api..", "io.corrigo.example..",
                        "org.osgi.service.component.annotations..")
                .check(CLASSES);
    }

    @Test
    void theApiDoesNotDependOnTheHost() {
        noClasses().that().resideInAnyPackage("io.corrigo.api..", "io.corrigo.reports..")
                .should().dependOnClassesThat().resideInAPackage("io.corrigo.core..")
                .check(CLASSES);
    }
}
