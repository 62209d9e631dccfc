package org.smolny.council.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The council core is pure: no HTTP, no SQL, no frameworks, no files, no clock of its own (the SQL shell, {@code ..council.shell..}, is outside it). */
class PureCoreTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/smolny/council/shell/"))
            .importPackages("org.smolny.council");

    @Test
    void the_core_depends_on_no_http_sql_or_framework_package() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net.http..", "java.net..", "jakarta..", "javax.servlet..",
                        "io.javalin..", "org.eclipse.jetty..", "org.jdbi..", "org.flywaydb..", "org.springframework..",
                        "picocli..", "gg.jte..", "org.xerial..", "org.sqlite..", "org.postgresql..")
                .check(CORE);
    }

    @Test
    void jackson_is_used_only_to_read_statutes_and_to_write_entries() {
        noClasses().that().resideOutsideOfPackages("org.smolny.council.event..", "org.smolny.council.statutes..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void only_the_statutes_reader_touches_files() {
        noClasses().that().resideOutsideOfPackage("org.smolny.council.statutes..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
                .check(CORE);
    }

    @Test
    void the_core_reads_time_only_from_the_instant_it_is_given() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(CORE);
    }
}
