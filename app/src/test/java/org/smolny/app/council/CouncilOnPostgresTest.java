package org.smolny.app.council;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.Rebuild;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The council shell's same JDBC code on a real PostgreSQL server: commands, query tables, rebuild check, erasure. */
@Tag("postgres")
class CouncilOnPostgresTest {

    @Test
    void the_council_records_recalls_and_rebuilds_identically_on_postgresql(@TempDir Path work) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        try (PostgresServer server = PostgresServer.start();
             RecordStore store = RecordStore.open(StoreConfig.postgresql(server.jdbcUrl(), server.user(), server.password()))) {
            CouncilService council = CouncilService.open(store, now::get);
            accept(council.execute(new StatutesCommand.AdoptStatutes(Files.readString(Path.of("../docs/examples/national-union.toml"))), null));
            UnitId national = found(council, "national", null, "The union");
            UnitId north = found(council, "region", national, "North");
            UnitId docks = found(council, "branch", north, "Docks");
            List<MemberId> members = new ArrayList<>();
            for (int index = 0; index < 8; index++) {
                MemberId member = MemberId.generate(now.get());
                members.add(member);
                accept(council.admit(member, docks, new PersonalData("Member " + index, "m" + index + "@example.org", ""),
                        new VoteTally(10, 8, 8, 0, 0), null));
            }
            long size = store.size();
            assertThat(council.execute(new MemberCommand.Resign(members.get(0)), members.get(1))).isInstanceOf(CommandResult.Refused.class);
            assertThat(store.size()).isEqualTo(size);
            now.updateAndGet(instant -> instant.plus(Duration.ofDays(181)));
            ElectionId election = ElectionId.generate(now.get());
            accept(council.execute(new ElectionCommand.ScheduleElection(election, "branch-delegate", docks, 1,
                    now.get().plus(Duration.ofDays(14))), null));
            MandateId delegate = ((CommandResult.Recorded) accept(council.execute(new ElectionCommand.HoldOpenElection(election,
                    members.stream().map(voter -> new Ballot(voter, List.of(members.get(0)))).toList()), null))).entries().stream()
                    .map(entry -> entry.entry().event()).filter(CouncilEvent.MandateConferred.class::isInstance)
                    .map(event -> ((CouncilEvent.MandateConferred) event).mandate()).findFirst().orElseThrow();
            PetitionId petition = PetitionId.generate(now.get());
            accept(council.execute(new RecallCommand.OpenRecallPetition(petition, delegate), members.get(1)));
            accept(council.execute(new RecallCommand.SignRecallPetition(petition), members.get(2)));

            String status = council.queries().withHandle(handle -> handle.createQuery(
                    "SELECT status FROM council_mandate WHERE mandate_id = :m").bind("m", delegate.toString()).mapTo(String.class).one());
            assertThat(status).isEqualTo("recalled");
            assertThat(Rebuild.check(store, work)).isInstanceOf(Rebuild.Identical.class);
            assertThat(council.erase(members.get(3))).isTrue();
            assertThat(council.person(members.get(3))).isEmpty();
            CouncilService reopened = CouncilService.open(store, now::get);
            assertThat(reopened.org()).isEqualTo(council.org());
            boolean ended = reopened.read(state -> state.mandates().active(delegate).isEmpty());
            assertThat(ended).isTrue();
        }
    }

    private static UnitId found(CouncilService council, String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(council.clock().instant());
        accept(council.execute(new UnitCommand.FoundUnit(unit, type, parent, name), null));
        return unit;
    }

    private static CommandResult accept(CommandResult result) {
        assertThat(result).isInstanceOf(CommandResult.Recorded.class);
        return result;
    }
}
