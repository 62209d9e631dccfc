package org.smolny.council.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberImportTest {

    @TempDir
    Path folder;
    private ShellOrganisation union;

    @AfterEach
    void close() {
        if (union != null) {
            union.close();
        }
    }

    private MemberImport.Report run(String csv) throws Exception {
        return new MemberImport(union.council).run(new BufferedReader(new StringReader(csv)));
    }

    @Test
    void good_rows_are_admitted_and_each_bad_row_is_reported_with_its_line_and_writes_nothing() throws Exception {
        union = new ShellOrganisation(folder);
        long before = union.store.size();

        MemberImport.Report report = run("""
                unit,name,email,phone,vote
                Docks,Ada Byron,ada@example.org,,12/10/9/1/0
                Nowhere,Bob Stone,bob@example.org,,12/10/9/1/0
                Docks,"Stone, Carla",carla@example.org,+33 1 23 45 67 89,12/10/9/1/0
                Docks,,dan@example.org,,12/10/9/1/0
                Docks,Eve,not-an-address,,12/10/9/1/0
                Docks,Fay,fay@example.org,,12/10/9
                North,Gus,gus@example.org,,12/10/9/1/0
                Docks,Hal,hal@example.org,,12/13/9/1/0
                Docks,Ivy,ivy@example.org,,12/10/9/1/0
                """);

        assertThat(report.admitted()).isEqualTo(3);
        assertThat(report.errors()).extracting(MemberImport.RowError::line).containsExactly(3L, 5L, 6L, 7L, 8L, 9L);
        assertThat(report.errors().get(0).reason()).isEqualTo("there is no unit 'Nowhere' (neither a unit's name nor a unit id)");
        assertThat(report.errors().get(1).reason()).isEqualTo("personal data needs a name");
        assertThat(report.errors().get(2).reason()).isEqualTo("'not-an-address' is not an e-mail address");
        assertThat(report.errors().get(3).reason()).contains("is not entitled/present/for/against/abstentions");
        assertThat(report.errors().get(4).reason()).startsWith("refused: ");
        assertThat(report.errors().get(5).reason()).isEqualTo("more present (13) than entitled to vote (12)");
        assertThat(union.store.size()).isEqualTo(before + 3);
        assertThat(union.text(handle -> handle.createQuery("SELECT COUNT(*) FROM council_person").mapTo(String.class).one())).isEqualTo("3");
        assertThat(union.text(handle -> handle.createQuery("SELECT name FROM council_person WHERE email = 'carla@example.org'")
                .mapTo(String.class).one())).isEqualTo("Stone, Carla");
    }

    @Test
    void a_file_without_the_required_columns_imports_nothing() {
        union = new ShellOrganisation(folder);
        long before = union.store.size();

        assertThatThrownBy(() -> run("unit,name,email,vote\nDocks,Ada,ada@example.org,12/10/9/1/0\n"))
                .isInstanceOf(MemberImport.BadHeader.class).hasMessageContaining("lacks the column 'phone'");
        assertThat(union.store.size()).isEqualTo(before);
    }
}
