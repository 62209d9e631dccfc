package org.smolny.verify.election;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The election verifier is independent of the server: it never uses the council module, the web or the database. */
class IndependenceTest {
    private final JavaClasses verifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smolny.verify.election");

    @Test
    void the_election_verifier_uses_neither_council_nor_web_nor_sql() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.smolny.council..", "org.smolny.web..", "java.sql..", "org.jdbi..")
                .check(verifier);
    }

    @Test
    void the_election_verifier_does_not_use_the_ballot_modules_simulator_or_prover_side() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.smolny.ballot.simulate..")
                .orShould().dependOnClassesThat().haveSimpleName("BallotEncryptor")
                .orShould().dependOnClassesThat().haveSimpleName("BallotBoard")
                .check(verifier);
    }
}
