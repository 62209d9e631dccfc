package org.smolny.council.election;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D5: posts the statutes make elective are filled by election of a defined electorate, never from above. */
class ElectiveOfficeTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 9);
    private final List<MemberId> depot = union.admit(union.depot, 3);

    ElectiveOfficeTest() {
        union.passProbation();
    }

    private ElectionId schedule(String post, int seats) {
        ElectionId election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, post, union.docks, seats, union.clock.instant().plus(Duration.ofDays(10))), null);
        return election;
    }

    @Test
    void an_appointment_to_an_elective_post_is_refused() {
        String reason = union.reject(new MandateCommand.AppointToPost(MandateId.generate(union.clock.instant()), "branch-secretary",
                union.docks, docks.get(0)), null);
        assertThat(reason).isEqualTo("post 'branch-secretary' is elective under the statutes (elected by 'branch-members' for 24 months): "
                + "an appointment is refused; schedule an election");
    }

    @Test
    void a_post_the_statutes_leave_to_appointment_can_be_filled_by_appointment_and_counts_as_appointed() {
        union.accept(new MandateCommand.AppointToPost(MandateId.generate(union.clock.instant()), "regional-organiser", union.north, docks.get(0)), null);
        union.elect("branch-secretary", union.docks, docks.get(1), docks);

        Indicators.MandateSources sources = new Indicators(union.council.state()).mandateSources(union.national);

        assertThat(sources).isEqualTo(new Indicators.MandateSources(1, 1));
        assertThat(sources.appointedShare()).isEqualByComparingTo(new BigDecimal("0.5"));
    }

    @Test
    void electors_fill_the_seats_by_plurality_for_the_statutory_term() {
        ElectionId election = schedule("branch-delegate", 2);
        List<Ballot> ballots = List.of(
                new Ballot(docks.get(0), List.of(docks.get(1), docks.get(2))),
                new Ballot(docks.get(3), List.of(docks.get(1), docks.get(4))),
                new Ballot(docks.get(5), List.of(docks.get(2))),
                new Ballot(docks.get(6), List.of(docks.get(1))));

        List<CouncilEvent> events = union.accept(new ElectionCommand.HoldOpenElection(election, ballots), null);

        CouncilEvent.ElectionHeld held = (CouncilEvent.ElectionHeld) events.getFirst();
        assertThat(held.elected()).containsExactly(docks.get(1), docks.get(2));
        assertThat(held.results()).first().isEqualTo(new CandidateResult(docks.get(1), 3));
        List<CouncilEvent.MandateConferred> mandates = events.stream().skip(1).map(CouncilEvent.MandateConferred.class::cast).toList();
        assertThat(mandates).extracting(CouncilEvent.MandateConferred::holder).containsExactly(docks.get(1), docks.get(2));
        assertThat(mandates).allSatisfy(mandate -> {
            assertThat(mandate.source()).isEqualTo(MandateSource.ELECTED);
            assertThat(mandate.endsAt()).isEqualTo(Instant.parse("2027-07-05T09:00:00Z"));
        });
    }

    @Test
    void members_of_another_unit_do_not_vote() {
        ElectionId election = schedule("branch-secretary", 1);
        String reason = union.reject(new ElectionCommand.HoldOpenElection(election,
                List.of(new Ballot(depot.get(0), List.of(docks.get(1))))), null);
        assertThat(reason).startsWith(depot.get(0) + " is not in the electorate 'branch-members'");
    }

    @Test
    void members_on_probation_neither_vote_nor_stand() {
        MemberId newcomer = union.admit(union.docks);
        ElectionId election = schedule("branch-secretary", 1);

        assertThat(union.reject(new ElectionCommand.HoldOpenElection(election, List.of(new Ballot(newcomer, List.of(docks.get(1))))), null))
                .startsWith(newcomer + " is not in the electorate");
        assertThat(union.reject(new ElectionCommand.HoldOpenElection(election, List.of(new Ballot(docks.get(0), List.of(newcomer)))), null))
                .isEqualTo("candidate " + newcomer + " cannot stand: only full members (past probation) of the unit can");
    }

    @Test
    void a_tie_for_the_last_seat_is_not_decided_by_the_software() {
        ElectionId election = schedule("branch-secretary", 1);
        String reason = union.reject(new ElectionCommand.HoldOpenElection(election, List.of(
                new Ballot(docks.get(0), List.of(docks.get(1))), new Ballot(docks.get(2), List.of(docks.get(3))))), null);
        assertThat(reason).startsWith("a tie for the last seat, at 1 votes").endsWith("hold a run-off between them");
    }

    @Test
    void an_elector_votes_once() {
        ElectionId election = schedule("branch-secretary", 1);
        String reason = union.reject(new ElectionCommand.HoldOpenElection(election, List.of(
                new Ballot(docks.get(0), List.of(docks.get(1))), new Ballot(docks.get(0), List.of(docks.get(1))))), null);
        assertThat(reason).isEqualTo("elector " + docks.get(0) + " voted twice");
    }

    @Test
    void no_more_seats_are_put_to_election_than_the_statutes_give_the_post() {
        schedule("branch-delegate", 2);
        String reason = union.reject(new ElectionCommand.ScheduleElection(ElectionId.generate(union.clock.instant()), "branch-delegate",
                union.docks, 1, union.clock.instant().plus(Duration.ofDays(10))), null);
        assertThat(reason).startsWith("post 'branch-delegate' in 'Docks' has 0 seat(s) neither filled nor already up for election");
    }

    @Test
    void a_mandate_ends_with_its_term_and_the_seat_goes_to_election() {
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(1), docks);
        union.passDays(731);

        List<CouncilEvent> events = union.tick();

        assertThat(events).contains(new CouncilEvent.MandateExpired(secretary, union.docks));
        assertThat(events).filteredOn(CouncilEvent.ElectionScheduled.class::isInstance).map(CouncilEvent.ElectionScheduled.class::cast)
                .anySatisfy(election -> {
                    assertThat(election.post()).isEqualTo("branch-secretary");
                    assertThat(election.kind()).isEqualTo(ElectionKind.REGULAR);
                });
        assertThat(union.council.state().mandates().find(secretary).orElseThrow()).isInstanceOf(Mandate.Ended.class);
    }

    @Test
    void the_holder_may_give_up_a_mandate_and_a_by_election_follows_but_nobody_else_can_end_it() {
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(1), docks);
        assertThat(union.reject(new MandateCommand.RelinquishMandate(secretary, "pushed out"), docks.get(2)))
                .isEqualTo("only the holder can give up a mandate; electors end it by recall");

        List<CouncilEvent> events = union.accept(new MandateCommand.RelinquishMandate(secretary, "moving abroad"), docks.get(1));

        assertThat(events.get(1)).isInstanceOfSatisfying(CouncilEvent.ElectionScheduled.class,
                election -> assertThat(election.kind()).isEqualTo(ElectionKind.BY_ELECTION));
    }
}
