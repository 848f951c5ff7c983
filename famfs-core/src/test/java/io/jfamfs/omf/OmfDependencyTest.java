package io.jfamfs.omf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps omf a pure codec (bytes, no files, no other jfamfs package) and device below everything. */
class OmfDependencyTest {
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jfamfs");

    @Test
    void omfShouldDependOnNoOtherJfamfsPackageNorOnFiles() {
        noClasses().that().resideInAPackage("io.jfamfs.omf..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.device..", "io.jfamfs.sys..",
                        "io.jfamfs.log..", "io.jfamfs.ns..", "io.jfamfs.alloc..", "io.jfamfs.api..", "java.nio.file..",
                        "java.io.File")
                .check(MAIN);
    }

    @Test
    void deviceShouldDependOnlyOnSys() {
        noClasses().that().resideInAPackage("io.jfamfs.device..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jfamfs.omf..", "io.jfamfs.log..",
                        "io.jfamfs.ns..", "io.jfamfs.alloc..", "io.jfamfs.api..")
                .check(MAIN);
    }
}
