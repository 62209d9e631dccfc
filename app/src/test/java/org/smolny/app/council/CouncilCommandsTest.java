package org.smolny.app.council;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli;
import org.smolny.app.serve.RecordServer;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

class CouncilCommandsTest {

    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MemberId member;

    private int smolny(String... args) {
        return SmolnyCli.execute(out, err, args);
    }

    /** A record with the example statutes, a branch, and one member. */
    private void organisation() throws Exception {
        try (RecordStore store = RecordServer.openStore(data)) {
            CouncilService council = CouncilService.open(store, InstantSource.system());
            council.execute(new StatutesCommand.AdoptStatutes(Files.readString(Path.of("../docs/examples/national-union.toml"))), null);
            UnitId national = UnitId.generate(Instant.now());
            council.execute(new UnitCommand.FoundUnit(national, "national", null, "The union"), null);
            UnitId north = UnitId.generate(Instant.now());
            council.execute(new UnitCommand.FoundUnit(north, "region", national, "North"), null);
            UnitId docks = UnitId.generate(Instant.now());
            council.execute(new UnitCommand.FoundUnit(docks, "branch", north, "Docks"), null);
            member = MemberId.generate(Instant.now());
            CommandResult admitted = council.admit(member, docks, new PersonalData("Ada Byron", "ada@example.org", ""),
                    new VoteTally(10, 8, 8, 0, 0), null);
            assertThat(admitted).isInstanceOf(CommandResult.Recorded.class);
        }
    }

    @Test
    void rebuild_check_passes_on_an_intact_database_fails_naming_a_tampered_row_and_rebuild_repairs_it() throws Exception {
        organisation();
        assertThat(smolny("rebuild", "--check", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Identical").contains("council_member: 1 rows");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + RecordServer.database(data));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE council_unit SET name = 'Renamed' WHERE name = 'Docks'");
        }
        assertThat(smolny("rebuild", "--check", "--data", data.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("DIFFERENT: table council_unit").contains("'Renamed' in the live table");

        assertThat(smolny("rebuild", "--data", data.toString())).isZero();
        assertThat(smolny("rebuild", "--check", "--data", data.toString())).isZero();
    }

    @Test
    void member_erase_removes_the_personal_data_once_and_refuses_what_is_not_a_member_id() throws Exception {
        organisation();

        assertThat(smolny("member", "erase", member.toString(), "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Erased the personal data of member " + member);
        assertThat(smolny("member", "erase", member.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(smolny("member", "erase", "ada", "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no personal data is held for member").contains("'ada' is not a member id");
        assertThat(smolny("record", "verify", RecordServer.database(data).toString())).as(out + " " + err).isZero();
    }

    @Test
    void import_members_reports_each_bad_row_and_admits_the_others() throws Exception {
        organisation();
        Path csv = data.resolve("members.csv");
        Files.writeString(csv, "unit,name,email,phone,vote\nDocks,Bea,bea@example.org,,10/8/8/0/0\nDocks,Cy,cy-at-example,,10/8/8/0/0\n");

        int code = smolny("import", "members", csv.toString(), "--data", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Admitted 1 members; 1 rows skipped.");
        assertThat(err.toString()).contains("members.csv: line 3: 'cy-at-example' is not an e-mail address");
        assertThat(smolny("import", "members", data.resolve("missing.csv").toString(), "--data", data.toString())).isEqualTo(1);
    }

    @Test
    void the_council_commands_refuse_a_data_folder_without_a_record() {
        assertThat(smolny("rebuild", "--check", "--data", data.resolve("empty").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("there is no record at");
    }
}
