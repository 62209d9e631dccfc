package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.election.Election;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.count.report.CountReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elections of bodies by ranked ballots cast one by one: the chair opens the election, each delegate present casts
 * their seat's ranked ballot (weighted by the seat's cards in a card election), a ballot cast again replaces the
 * seat's earlier one, and the chair closes it; the count, its rounds and every ballot are on the record. Docks has 30
 * members, Depot 12, Harbour 20, Warehouse 8, Airport 15.
 */
class RankedBallotsTest {

    private final CongressHall hall = new CongressHall();
    private final ElectionId election;
    private final MemberId left;
    private final MemberId centre;
    private final MemberId right;
    private final MemberId minority;

    RankedBallotsTest() {
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

    private void open(String method, VoteMode mode) {
        hall.union.accept(new CongressCommand.OpenElection(hall.congress, election, method, List.of(left, centre, right, minority), mode),
                hall.chair);
    }

    private CongressEvent.RankedBallotCast cast(MemberId delegate, MemberId... ranking) {
        return (CongressEvent.RankedBallotCast) hall.union.accept(
                new CongressCommand.CastRankedBallot(hall.congress, election, List.of(ranking)), delegate).getFirst();
    }

    private String refuseCast(MemberId delegate, MemberId... ranking) {
        return hall.union.reject(new CongressCommand.CastRankedBallot(hall.congress, election, List.of(ranking)), delegate);
    }

    /** Three delegates rank the majority's slate, two put the minority's candidate first. */
    private void majorityAndMinorityVote() {
        cast(hall.delegate(hall.union.docks), left, centre, right);
        cast(hall.delegate(hall.union.depot), left, centre, right);
        cast(hall.delegate(hall.union.harbour), left, right, centre);
        cast(hall.delegate(hall.warehouse), minority);
        cast(hall.delegate(hall.airport), minority, left);
    }

    private CongressEvent.BodyElected close() {
        return (CongressEvent.BodyElected) hall.union.accept(new CongressCommand.CloseElection(hall.congress, election), hall.chair).getFirst();
    }

    @Test
    void each_delegate_casts_a_ranked_ballot_and_stv_gives_the_minority_its_seat_when_the_chair_closes() {
        open(null, VoteMode.NAMED);
        majorityAndMinorityVote();

        List<CouncilEvent> closing = hall.union.accept(new CongressCommand.CloseElection(hall.congress, election), hall.chair);

        CongressEvent.BodyElected elected = (CongressEvent.BodyElected) closing.getFirst();
        assertThat(elected.method()).isEqualTo("stv-scottish");
        assertThat(elected.elected()).containsExactlyInAnyOrder(left, centre, minority);
        assertThat(elected.ballotPapers()).isEqualTo(5);
        assertThat(elected.ballotParts()).isZero();
        assertThat(elected.rounds().getFirst()).startsWith("Round 1: ").contains("quota 2");
        assertThat(closing).noneMatch(CongressEvent.ElectionBallotsRecorded.class::isInstance);
        List<Mandate.Active> executive = hall.union.council.state().mandates().activeFor("national-executive", hall.union.national);
        assertThat(executive).extracting(Mandate.Active::holder).containsExactlyInAnyOrder(left, centre, minority);
        assertThat(hall.union.council.state().elections().find(election).orElseThrow()).isInstanceOf(Election.Held.class);
        assertThat(hall.state().openElections()).isEmpty();
        assertThat(hall.state().castBallots(election)).extracting(CongressEvent.RankedBallotCast::voter)
                .containsExactlyElementsOf(hall.delegates());
    }

    @Test
    void in_a_card_election_each_ballot_weighs_the_members_its_seat_represents() {
        open("stv-meek", VoteMode.CARD);

        CongressEvent.RankedBallotCast docks = cast(hall.delegate(hall.union.docks), minority, left);
        cast(hall.delegate(hall.union.depot), left, centre, right);
        cast(hall.delegate(hall.union.harbour), right, centre);
        cast(hall.delegate(hall.warehouse), centre);
        cast(hall.delegate(hall.airport), left, centre);

        assertThat(docks.weight()).isEqualTo(30);
        assertThat(docks.seat()).isEqualTo(hall.delegateMandates.get(hall.union.docks));
        CongressEvent.BodyElected elected = close();
        assertThat(elected.method()).isEqualTo("stv-meek");
        assertThat(elected.elected()).hasSize(3).contains(minority, left);
        assertThat(elected.rounds().getFirst()).as("85 cards for 3 seats: a quota of a quarter of 85")
                .isEqualTo("Round 1: first preferences; quota 21.250000001");
        assertThat(hall.state().castBallots(election)).extracting(CongressEvent.RankedBallotCast::weight)
                .containsExactly(30L, 12L, 20L, 8L, 15L);
    }

    @Test
    void a_ballot_cast_again_before_the_close_replaces_the_seats_earlier_ballot() {
        open("stv-scottish", VoteMode.NAMED);
        cast(hall.delegate(hall.union.docks), minority);
        majorityAndMinorityVote();

        assertThat(hall.state().castBallots(election)).hasSize(5);
        assertThat(hall.state().replacedBallots(election)).isEqualTo(1);
        assertThat(hall.state().castBallots(election).getLast().ranking()).containsExactly(minority, left);
        assertThat(hall.state().castBallots(election).stream().filter(ballot -> ballot.voter().equals(hall.delegate(hall.union.docks))))
                .singleElement().extracting(CongressEvent.RankedBallotCast::ranking).isEqualTo(List.of(left, centre, right));
        assertThat(close().ballotPapers()).isEqualTo(5);
    }

    @Test
    void a_ballot_is_refused_from_anyone_without_a_seat_and_for_a_ranking_naming_a_stranger_or_a_candidate_twice() {
        open(null, VoteMode.NAMED);
        MemberId stranger = hall.members.get(hall.union.docks).get(20);
        long before = hall.union.record.size();

        assertThat(refuseCast(stranger, left)).isEqualTo("you hold no accredited seat at this congress: only an accredited delegate,"
                + " or the alternate sitting in their place, casts a ballot");
        assertThat(refuseCast(hall.delegate(hall.union.docks), left, stranger))
                .isEqualTo("the ballot ranks " + stranger + ", who is not a candidate in this election");
        assertThat(refuseCast(hall.delegate(hall.union.docks), left, centre, left))
                .isEqualTo("the ballot ranks " + left + " twice: rank each candidate at most once");
        assertThat(refuseCast(hall.delegate(hall.union.docks))).isEqualTo("rank at least one candidate, 1 for your first preference");
        assertThat(hall.union.record).hasSize((int) before);
    }

    @Test
    void an_absent_delegate_does_not_cast_and_the_alternate_in_their_seat_does() {
        MandateId seat = hall.delegateMandates.get(hall.union.harbour);
        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.harbour), false), hall.chair);
        hall.union.accept(new CongressCommand.SeatAlternate(hall.congress, seat, hall.alternateMandates.get(hall.union.harbour)), hall.chair);
        open(null, VoteMode.CARD);

        assertThat(refuseCast(hall.delegate(hall.union.harbour), left)).isEqualTo("only a delegate or alternate present in the hall can do this");
        CongressEvent.RankedBallotCast alternate = cast(hall.alternate(hall.union.harbour), right, left);
        assertThat(alternate.seat()).isEqualTo(seat);
        assertThat(alternate.weight()).isEqualTo(20);
    }

    @Test
    void once_closed_the_election_takes_no_more_ballots_and_is_not_counted_twice() {
        open(null, VoteMode.NAMED);
        majorityAndMinorityVote();
        close();

        assertThat(refuseCast(hall.delegate(hall.union.docks), left))
                .isEqualTo("election " + election + " is closed: its ballots were counted and the result is on the record");
        assertThat(hall.union.reject(new CongressCommand.CloseElection(hall.congress, election), hall.chair))
                .isEqualTo("there is no election " + election + " open for ballots at this congress");
    }

    @Test
    void only_the_chair_opens_and_closes_an_election_and_only_ranked_methods_the_seats_allow() {
        List<MemberId> candidates = List.of(left, centre, right, minority);

        assertThat(hall.union.reject(new CongressCommand.OpenElection(hall.congress, election, null, candidates, VoteMode.NAMED),
                hall.delegate(hall.union.docks))).isEqualTo("only the chair of the congress can do this");
        assertThat(hall.union.reject(new CongressCommand.OpenElection(hall.congress, election, "block", candidates, VoteMode.NAMED),
                hall.chair)).isEqualTo("the delegates' ranked ballots are counted by one of stv-scottish, stv-meek, stv-wigm, irv, not 'block'");
        assertThat(hall.union.reject(new CongressCommand.OpenElection(hall.congress, election, "irv", candidates, VoteMode.NAMED),
                hall.chair)).isEqualTo("irv elects one candidate; this election fills 3 seats: count it by stv-scottish, stv-meek or stv-wigm");
        open(null, VoteMode.NAMED);
        assertThat(hall.union.reject(new CongressCommand.OpenElection(hall.congress, election, null, candidates, VoteMode.NAMED),
                hall.chair)).isEqualTo("election " + election + " is already open for ballots");
        assertThat(hall.union.reject(new CongressCommand.CloseElection(hall.congress, election), hall.chair))
                .isEqualTo("no ballot has been cast in this election: it needs at least one before it is closed");
        cast(hall.delegate(hall.union.docks), left);
        assertThat(hall.union.reject(new CongressCommand.CloseElection(hall.congress, election), hall.delegate(hall.union.docks)))
                .isEqualTo("only the chair of the congress can do this");
        assertThat(hall.union.reject(new CongressCommand.ElectBody(hall.congress, election, "stv-scottish", candidates,
                List.of(List.of(left))), hall.chair))
                .isEqualTo("election " + election + " is open for the delegates' ranked ballots: close it to count them");
        assertThat(hall.union.reject(new CongressCommand.CloseCongress(hall.congress), hall.chair))
                .isEqualTo("the election of 'national-executive' is open for ballots: close it first");
    }

    @Test
    void anyone_counts_the_ballots_again_from_the_record_and_finds_the_result_recorded() throws MalformedEntryException {
        open("stv-wigm", VoteMode.CARD);
        cast(hall.delegate(hall.union.docks), minority);
        majorityAndMinorityVote();
        close();
        List<Entry> exported = new ArrayList<>();
        for (Entry entry : hall.union.record) {
            exported.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        Congress rebuilt = Council.rebuild(hall.union.org, exported).state().congresses().find(hall.congress).orElseThrow();
        CongressEvent.BodyElected recorded = rebuilt.elections().getFirst();

        CountReport recount = CongressElection.recount(rebuilt.electionOpened(election).orElseThrow(), rebuilt.castBallots(election));

        assertThat(recount.elected().stream().map(MemberId::parse).toList()).isEqualTo(recorded.elected());
        assertThat(recount.rounds().stream().map(CongressElection::summary).toList()).isEqualTo(recorded.rounds());
        assertThat(rebuilt).isEqualTo(hall.state());
    }

    @Test
    void the_minutes_list_every_ballot_of_an_open_election_with_its_seat_and_weight() {
        open(null, VoteMode.CARD);
        majorityAndMinorityVote();
        close();

        String minutes = Minutes.write(hall.congress, hall.union.record, hall::name);

        assertThat(minutes).contains("Ballots cast one by one (an open election: every ballot is public), weighed in cards:");
        assertThat(minutes).contains("- " + hall.name(hall.delegate(hall.warehouse)) + " (8): " + hall.name(minority));
        assertThat(minutes).contains("- " + hall.name(hall.delegate(hall.union.docks)) + " (30): " + hall.name(left) + ", "
                + hall.name(centre) + ", " + hall.name(right));
    }
}
