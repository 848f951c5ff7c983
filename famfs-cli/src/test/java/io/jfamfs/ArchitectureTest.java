package io.jfamfs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of DESIGN.md pointing down: a cycle or an upward import fails the build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProduction() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // famfs-core's test-jar (golden-image fixtures) is on this module's test class path
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.jfamfs");
    }

    @Test
    void onDiskFormatKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.jfamfs.omf..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.device..", "io.jfamfs.alloc..",
                        "io.jfamfs.ns..", "io.jfamfs.log..", "io.jfamfs.api..", "io.jfamfs.fuse..",
                        "io.jfamfs.famfs..", "io.jfamfs.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void namespaceAndAllocatorKnowNoDevicesLogsOrApi() {
        noClasses().that().resideInAnyPackage("io.jfamfs.ns..", "io.jfamfs.alloc..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.device..", "io.jfamfs.log..",
                        "io.jfamfs.api..", "io.jfamfs.fuse..", "io.jfamfs.famfs..", "io.jfamfs.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void logDoesNotReachUpToTheApi() {
        noClasses().that().resideInAPackage("io.jfamfs.log..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.api..", "io.jfamfs.fuse..",
                        "io.jfamfs.famfs..", "io.jfamfs.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void fuseLayerKnowsNothingOfFamfs() {
        noClasses().that().resideInAPackage("io.jfamfs.fuse..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.omf..", "io.jfamfs.device..",
                        "io.jfamfs.alloc..", "io.jfamfs.ns..", "io.jfamfs.log..", "io.jfamfs.api..",
                        "io.jfamfs.famfs..", "io.jfamfs.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void coreKnowsNoDaemonAndNobodyImportsTheCli() {
        noClasses().that().resideOutsideOfPackage("io.jfamfs.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.jfamfs.cli..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("io.jfamfs.omf..", "io.jfamfs.device..", "io.jfamfs.alloc..",
                        "io.jfamfs.ns..", "io.jfamfs.log..", "io.jfamfs.api..", "io.jfamfs.sys..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.fuse..", "io.jfamfs.famfs..")
                .allowEmptyShould(true).check(classes);
    }
}
