package org.smolny.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module table of ARCHITECTURE.md, enforced on the compiled classes of the whole application:
 * what each module may depend on. (Maven already stops a module from using one it does not declare;
 * these rules also keep the declared dependencies from drifting.)
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importSmolny() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.smolny");
    }

    @Test
    void the_independent_verifier_never_depends_on_the_council_or_the_server() {
        noClasses().that().resideInAPackage("org.smolny.verify..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smolny.council..", "org.smolny.web..", "org.smolny.app..")
                .check(classes);
    }

    @Test
    void counting_depends_on_the_jdk_alone() {
        noClasses().that().resideInAPackage("org.smolny.count..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.smolny.count..", "java..", "javax..")
                .check(classes);
    }

    @Test
    void the_record_knows_nothing_of_ballots_councils_or_pages() {
        noClasses().that().resideInAPackage("org.smolny.record..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.smolny.ballot..", "org.smolny.count..", "org.smolny.council..", "org.smolny.web..", "org.smolny.app..",
                        "io.javalin..", "gg.jte..")
                .check(classes);
    }

    @Test
    void the_ballot_protocol_knows_nothing_of_the_record_or_the_organisation() {
        noClasses().that().resideInAPackage("org.smolny.ballot..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.smolny.record..", "org.smolny.count..", "org.smolny.council..", "org.smolny.web..", "org.smolny.app..")
                .check(classes);
    }

    @Test
    void the_council_core_is_free_of_http_and_the_command_line() {
        noClasses().that().resideInAPackage("org.smolny.council..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smolny.web..", "org.smolny.app..", "io.javalin..", "picocli..")
                .check(classes);
    }

    @Test
    void pages_and_api_never_reach_into_the_command_line() {
        noClasses().that().resideInAPackage("org.smolny.web..")
                .should().dependOnClassesThat().resideInAPackage("org.smolny.app..")
                .check(classes);
    }
}
