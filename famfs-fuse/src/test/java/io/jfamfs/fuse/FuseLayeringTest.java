package io.jfamfs.fuse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The FUSE layer could serve any file system: it must not know famfs. */
class FuseLayeringTest {
    @Test
    void fuseKnowsNothingOfFamfs() {
        noClasses().that().resideInAPackage("io.jfamfs.fuse..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jfamfs.omf..", "io.jfamfs.device..", "io.jfamfs.alloc..", "io.jfamfs.ns..",
                        "io.jfamfs.log..", "io.jfamfs.api..", "io.jfamfs.famfs..", "io.jfamfs.cli..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.jfamfs"));
    }

    @Test
    void kernelAbiKnowsNoSession() {
        noClasses().that().resideInAPackage("io.jfamfs.fuse.kernel..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jfamfs.fuse.session..", "io.jfamfs.sys..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.jfamfs"));
    }
}
