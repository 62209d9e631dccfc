package org.smolny.council.scenario;

import org.smolny.council.Council;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.motion.MotionText;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.Position;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.command.Command;
import org.smolny.council.command.Tick;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.OrgId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.InMemoryPersonalDataStore;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real organisation for scenario tests, founded under one of the example statutes in {@code docs/examples}:
 * a council, a movable clock, the personal-data store and every entry made, in order.
 */
public final class TestOrganisation {

    public static final Path NATIONAL_UNION = Path.of("../docs/examples/national-union.toml");
    public static final Path COOPERATIVES = Path.of("../docs/examples/cooperative-federation.toml");

    public final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    public final OrgId org = OrgId.generate(clock.instant());
    public final Council council = new Council(org);
    public final InMemoryPersonalDataStore personalData = new InMemoryPersonalDataStore();
    public final List<Entry> record = new ArrayList<>();
    private int admitted;

    public UnitId national;
    public UnitId north;
    public UnitId south;
    public UnitId docks;
    public UnitId depot;
    public UnitId harbour;

    /** The national union: national, regions North and South, branches Docks and Depot (North) and Harbour (South). */
    public static TestOrganisation nationalUnion() {
        return founded(NATIONAL_UNION, "national", "region", "branch");
    }

    /** The co-operative federation, with the same shape of tree: federation, two sectors, three co-operatives. */
    public static TestOrganisation cooperativeFederation() {
        return founded(COOPERATIVES, "federation", "sector", "cooperative");
    }

    private static TestOrganisation founded(Path statutes, String top, String middle, String bottom) {
        TestOrganisation organisation = new TestOrganisation();
        organisation.accept(new StatutesCommand.AdoptStatutes(read(statutes)), null);
        organisation.national = organisation.found(top, null, "The whole organisation");
        organisation.north = organisation.found(middle, organisation.national, "North");
        organisation.south = organisation.found(middle, organisation.national, "South");
        organisation.docks = organisation.found(bottom, organisation.north, "Docks");
        organisation.depot = organisation.found(bottom, organisation.north, "Depot");
        organisation.harbour = organisation.found(bottom, organisation.south, "Harbour");
        return organisation;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public UnitId found(String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(clock.instant());
        accept(new UnitCommand.FoundUnit(unit, type, parent, name), null);
        return unit;
    }

    /** A vote carried unanimously by everyone entitled. */
    public static VoteTally unanimous(int entitled) {
        return new VoteTally(entitled, entitled, entitled, 0, 0);
    }

    /** Admits a new member to {@code unit} by a unanimous vote; they are on probation from now. */
    public MemberId admit(UnitId unit) {
        MemberId member = MemberId.generate(clock.instant());
        admitted++;
        var commitment = personalData.store(member, new PersonalData("Member Number " + admitted, "member" + admitted + "@example.org", ""));
        accept(new MemberCommand.AdmitMember(member, unit, commitment, unanimous(12)), null);
        return member;
    }

    /** Admits {@code count} members to {@code unit}. */
    public List<MemberId> admit(UnitId unit, int count) {
        List<MemberId> members = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            members.add(admit(unit));
        }
        return members;
    }

    public void passDays(long days) {
        clock.advance(Duration.ofDays(days));
    }

    /** Passes the national union's probation (180 days) and a day more. */
    public void passProbation() {
        passDays(council.state().statutes().current().orElseThrow().membership().probationDays() + 1);
    }

    public Council.Execution run(Command command, MemberId by) {
        Council.Execution execution = council.execute(command, by, clock);
        record.addAll(execution.entries());
        return execution;
    }

    /** Runs {@code command}, which must be accepted; returns the events it produced. */
    public List<CouncilEvent> accept(Command command, MemberId by) {
        Council.Execution execution = run(command, by);
        assertThat(execution.reason()).as("refusal of " + command).isNull();
        return execution.entries().stream().map(Entry::event).toList();
    }

    /** Runs {@code command}, which must be refused without changing anything; returns the reason. */
    public String reject(Command command, MemberId by) {
        long before = council.state().entryCount();
        Council.Execution execution = run(command, by);
        assertThat(execution.accepted()).as("expected a refusal of " + command).isFalse();
        assertThat(council.state().entryCount()).isEqualTo(before);
        return execution.reason();
    }

    /** Lets time act: whatever fell due happens. */
    public List<CouncilEvent> tick() {
        return accept(new Tick(), null);
    }

    /** Elects {@code candidate} to a one-seat election of {@code post} in {@code unit}, every voter for them. */
    public MandateId elect(String post, UnitId unit, MemberId candidate, List<MemberId> voters) {
        ElectionId election = ElectionId.generate(clock.instant());
        accept(new ElectionCommand.ScheduleElection(election, post, unit, 1, clock.instant().plus(Duration.ofDays(14))), null);
        List<Ballot> ballots = voters.stream().map(voter -> new Ballot(voter, List.of(candidate))).toList();
        return accept(new ElectionCommand.HoldOpenElection(election, ballots), null).stream()
                .filter(CouncilEvent.MandateConferred.class::isInstance).map(CouncilEvent.MandateConferred.class::cast)
                .findFirst().orElseThrow().mandate();
    }

    /** The events of one type in the record so far. */
    public <E extends CouncilEvent> List<E> events(Class<E> type) {
        return record.stream().map(Entry::event).filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * A congress of the organisation's congress delegates (every one accredited, the first in the chair) takes up
     * one motion of decision type {@code type} titled {@code title}, every delegate votes for it, and the congress
     * closes; returns the reference to that closed vote. Needs at least one congress delegate in office.
     */
    public CongressVoteRef congressCarries(DecisionType type, String title) {
        return congressVotes(type, title, Position.FOR);
    }

    /** As {@link #congressCarries}, every delegate voting {@code position}. */
    public CongressVoteRef congressVotes(DecisionType type, String title,
                                                                     Position position) {
        List<Mandate.Active> seats = council.state().mandates().activeOfPost("congress-delegate");
        MemberId chair = seats.getFirst().holder();
        var congress = CongressId.generate(clock.instant());
        accept(new CongressCommand.ConveneCongress(congress, national,
                ConveningKind.REGULAR, "congress-delegate", null, chair, clock.instant()), null);
        for (Mandate.Active seat : seats) {
            accept(new CongressCommand.AccreditDelegate(congress, seat.id()), chair);
        }
        accept(new CongressCommand.OpenCongress(congress), chair);
        accept(new CongressCommand.AdoptAgenda(congress,
                List.of(new AgendaItem("Decisions reserved to the congress", 30, 3))), chair);
        accept(new CongressCommand.TakeItem(congress, 1), chair);
        var motion = MotionId.generate(clock.instant());
        accept(new CongressCommand.TableMotion(congress, motion, 1, title,
                MotionText.of(title), type, null), chair);
        accept(new CongressCommand.OpenVote(congress, motion, null,
                VoteMode.NAMED), chair);
        for (Mandate.Active seat : seats) {
            accept(new CongressCommand.CastVote(congress, position), seat.holder());
        }
        accept(new CongressCommand.CloseVote(congress), chair);
        accept(new CongressCommand.CloseCongress(congress), chair);
        return new CongressVoteRef(congress, motion);
    }
}
