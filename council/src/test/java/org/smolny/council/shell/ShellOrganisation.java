package org.smolny.council.shell;

import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.scenario.MovableClock;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The national union of the example statutes, run through the shell on a real SQLite file. */
final class ShellOrganisation implements AutoCloseable {

    final Path database;
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    RecordStore store;
    CouncilService council;
    UnitId national;
    UnitId north;
    UnitId docks;
    private int admitted;

    ShellOrganisation(Path folder) {
        this.database = folder.resolve("smolny.sqlite");
        open();
        accept(new StatutesCommand.AdoptStatutes(TestOrganisation.read(TestOrganisation.NATIONAL_UNION)), null);
        national = found("national", null, "The whole union");
        north = found("region", national, "North");
        docks = found("branch", north, "Docks");
    }

    void open() {
        store = RecordStore.open(StoreConfig.sqlite(database));
        council = CouncilService.open(store, clock);
    }

    void reopen() {
        store.close();
        open();
    }

    UnitId found(String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(clock.instant());
        accept(new UnitCommand.FoundUnit(unit, type, parent, name), null);
        return unit;
    }

    List<CommandResult.RecordedEntry> accept(org.smolny.council.command.Command command, MemberId by) {
        CommandResult result = council.execute(command, by);
        assertThat(result).as("result of " + command).isInstanceOf(CommandResult.Recorded.class);
        return ((CommandResult.Recorded) result).entries();
    }

    MemberId admit(UnitId unit) {
        MemberId member = MemberId.generate(clock.instant());
        admitted++;
        CommandResult result = council.admit(member, unit, new PersonalData("Member " + admitted, "m" + admitted + "@example.org", ""),
                new VoteTally(12, 12, 12, 0, 0), null);
        assertThat(result).isInstanceOf(CommandResult.Recorded.class);
        return member;
    }

    List<MemberId> admit(UnitId unit, int count) {
        List<MemberId> members = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            members.add(admit(unit));
        }
        return members;
    }

    void passProbation() {
        clock.advance(Duration.ofDays(181));
    }

    MandateId elect(String post, UnitId unit, MemberId candidate, List<MemberId> voters) {
        ElectionId election = ElectionId.generate(clock.instant());
        accept(new ElectionCommand.ScheduleElection(election, post, unit, 1, clock.instant().plus(Duration.ofDays(14))), null);
        return accept(new ElectionCommand.HoldOpenElection(election, voters.stream().map(voter -> new Ballot(voter, List.of(candidate))).toList()), null)
                .stream().map(CommandResult.RecordedEntry::entry).map(entry -> entry.event())
                .filter(CouncilEvent.MandateConferred.class::isInstance).map(CouncilEvent.MandateConferred.class::cast)
                .findFirst().orElseThrow().mandate();
    }

    /** The single value of a query on the query tables. */
    String text(org.jdbi.v3.core.HandleCallback<String, RuntimeException> query) {
        return council.queries().withHandle(query);
    }

    java.util.Optional<org.smolny.council.member.Membership.Active> activeMember(MemberId member) {
        return council.read(state -> state.members().active(member));
    }

    org.smolny.council.mandate.Mandate mandate(MandateId mandate) {
        return council.read(state -> state.mandates().find(mandate).orElseThrow());
    }

    @Override
    public void close() {
        store.close();
    }
}
