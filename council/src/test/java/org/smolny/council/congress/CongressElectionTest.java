package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.count.report.CountReport;
import org.smolny.council.election.Election;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.MemberId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elections of bodies: the congress's ranked ballots are counted by the count module's method, STV giving a minority
 * its proportional share (drill D8); the elected receive their mandates.
 */
class CongressElectionTest {

    private final CongressHall hall = new CongressHall();
    private final ElectionId election;
    private final MemberId left;
    private final MemberId centre;
    private final MemberId right;
    private final MemberId minority;

    CongressElectionTest() {
        hall.inSessionOnFirstItem();
        election = ElectionId.generate(hall.union.clock.instant());
        hall.union.accept(new ElectionCommand.ScheduleElection(election, "national-executive", hall.union.national, 3,
                hall.union.clock.instant().plus(Duration.ofDays(1))), null);
        List<MemberId> harbour = hall.members.get(hall.union.harbour);
        left = harbour.get(10);
        centre = harbour.get(11);
        right = harbour.get(12);
        minority = hall.members.get(hall.warehouse).get(4);
    }

    private List<CouncilEvent> elect(String method, List<List<MemberId>> ballots) {
        return hall.union.accept(new CongressCommand.ElectBody(hall.congress, election, method, List.of(left, centre, right, minority), ballots), hall.chair);
    }

    @Test
    void stv_gives_a_minority_of_two_in_five_one_of_three_seats() {
        List<CouncilEvent> events = elect("stv-scottish", ballots());

        CongressEvent.BodyElected elected = (CongressEvent.BodyElected) events.getFirst();
        assertThat(elected.elected()).containsExactlyInAnyOrder(left, minority, centre);
        assertThat(elected.method()).isEqualTo("stv-scottish");
        assertThat(elected.rounds().getFirst()).startsWith("Round 1: ").contains("quota 2");
        assertThat(elected.ballotPapers()).isEqualTo(5);
        assertThat(hall.state().ballots(election)).containsExactly(new RankedVote(2, List.of(0, 1, 2)), new RankedVote(1, List.of(0, 2, 1)),
                new RankedVote(1, List.of(3)), new RankedVote(1, List.of(3, 0)));
        List<Mandate.Active> executive = hall.union.council.state().mandates().activeFor("national-executive", hall.union.national);
        assertThat(executive).extracting(Mandate.Active::holder).containsExactlyInAnyOrder(left, minority, centre);
        assertThat(hall.union.council.state().elections().find(election).orElseThrow()).isInstanceOf(Election.Held.class);
        assertThat(hall.state().elections()).containsExactly(elected);
    }

    @Test
    void the_same_ballots_counted_by_block_vote_give_the_minority_no_seat() {
        CongressEvent.BodyElected elected = (CongressEvent.BodyElected) elect("block", ballots()).getFirst();

        assertThat(elected.elected()).containsExactlyInAnyOrder(left, centre, right);
    }

    @Test
    void anyone_counts_the_election_again_from_the_record_and_finds_the_result_recorded() throws MalformedEntryException {
        elect("stv-scottish", ballots());
        List<Entry> exported = new ArrayList<>();
        for (Entry entry : hall.union.record) {
            exported.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        Congress rebuilt = Council.rebuild(hall.union.org, exported).state().congresses().find(hall.congress).orElseThrow();
        CongressEvent.BodyElected recorded = rebuilt.elections().getFirst();

        CountReport recount = CongressElection.recount(recorded, rebuilt.ballots(election));

        assertThat(recount.elected().stream().map(MemberId::parse).toList()).isEqualTo(recorded.elected());
        assertThat(recount.rounds().stream().map(CongressElection::summary).toList()).isEqualTo(recorded.rounds());
    }

    @Test
    void two_thousand_different_rankings_of_36_candidates_go_on_the_record_in_entries_under_64_kib() {
        List<RankedVote> grouped = new ArrayList<>();
        Random shuffle = new Random(2026);
        List<Integer> candidates = new ArrayList<>();
        for (int index = 0; index < 36; index++) {
            candidates.add(index);
        }
        for (int paper = 0; paper < 2000; paper++) {
            Collections.shuffle(candidates, shuffle);
            grouped.add(new RankedVote(1, List.copyOf(candidates)));
        }

        List<List<RankedVote>> parts = CongressElection.parts(grouped);

        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(grouped);
        assertThat(parts).hasSizeGreaterThan(1);
        for (int part = 0; part < parts.size(); part++) {
            Entry entry = Entry.of(hall.union.org, hall.union.clock.instant(), hall.chair, new CongressEvent.ElectionBallotsRecorded(
                    hall.congress, hall.union.national, election, part + 1, parts.get(part)));
            assertThat(EntryCodec.toBytes(entry).length).isLessThan(65_536);
        }
    }

    /** Three delegates of the majority rank its slate; two of the minority put their candidate first. */
    private List<List<MemberId>> ballots() {
        return List.of(List.of(left, centre, right), List.of(left, centre, right), List.of(left, right, centre),
                List.of(minority), List.of(minority, left));
    }

    @Test
    void an_election_by_a_method_the_count_module_does_not_know_is_refused_naming_the_methods() {
        String reason = hall.union.reject(new CongressCommand.ElectBody(hall.congress, election, "borda", List.of(left, centre),
                List.of(List.of(left))), hall.chair);

        assertThat(reason).startsWith("unknown method 'borda'; choose one of ").contains("stv-scottish", "stv-meek", "irv");
    }

    @Test
    void a_ballot_ranking_someone_who_is_not_a_candidate_is_refused_with_its_number() {
        MemberId stranger = hall.members.get(hall.union.docks).get(20);

        String reason = hall.union.reject(new CongressCommand.ElectBody(hall.congress, election, "stv-scottish", List.of(left, centre, right),
                List.of(List.of(left), List.of(centre, stranger))), hall.chair);

        assertThat(reason).isEqualTo("ballot paper 2 ranks " + stranger + ", who is not a candidate");
    }

    @Test
    void there_are_no_more_ballot_papers_than_seats_occupied() {
        List<List<MemberId>> six = java.util.Collections.nCopies(6, List.of(left));

        String reason = hall.union.reject(new CongressCommand.ElectBody(hall.congress, election, "stv-scottish", List.of(left, centre, right), six), hall.chair);

        assertThat(reason).isEqualTo("6 ballot papers, but only 5 seats are occupied by delegates present: one paper per seat");
    }

    @Test
    void an_election_is_held_once() {
        elect("stv-meek", List.of(List.of(left), List.of(centre), List.of(right), List.of(minority), List.of(left)));

        assertThat(hall.union.reject(new CongressCommand.ElectBody(hall.congress, election, "stv-meek", List.of(left, centre, right),
                List.of(List.of(left))), hall.chair)).isEqualTo("this election has already been held");
    }
}
