package org.smolny.record.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pure parts of the record (tree, proofs, entries, checkpoints) know nothing of storage or frameworks. */
class RecordArchitectureTest {

    private static final JavaClasses RECORD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smolny.record");

    @Test
    void the_merkle_tree_and_its_proofs_depend_on_the_jdk_only() {
        noClasses().that().resideInAPackage("org.smolny.record.merkle..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.smolny.record.merkle..", "java..")
                .check(RECORD);
    }

    @Test
    void entries_and_checkpoints_do_not_touch_storage() {
        noClasses().that().resideInAnyPackage("org.smolny.record.json..", "org.smolny.record.checkpoint..",
                        "org.smolny.record.merkle..", "org.smolny.record.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smolny.record.store..", "org.jdbi..", "org.flywaydb..")
                .check(RECORD);
    }
}
