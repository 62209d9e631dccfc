package org.smolny.council.recall;

import org.junit.jupiter.api.Test;
import org.smolny.council.election.ElectionKind;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.VoteTally;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D10: a delegate who ignores their electors is recalled, and no body can stop it. */
class RecallTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 20);
    private final List<MemberId> depot = union.admit(union.depot, 4);
    private MandateId delegate;

    RecallTest() {
        union.passProbation();
        delegate = union.elect("branch-delegate", union.docks, docks.get(0), docks);
    }

    private PetitionId open(MemberId opener) {
        PetitionId petition = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(petition, delegate), opener);
        return petition;
    }

    @Test
    void electors_recall_their_delegate_when_petition_reaches_threshold() {
        PetitionId petition = open(docks.get(1));
        // 20 electors, threshold 0.25: five signatures recall the delegate.
        assertThat(union.events(CouncilEvent.RecallPetitionOpened.class).getFirst().signaturesNeeded()).isEqualTo(5);
        for (MemberId signer : docks.subList(2, 5)) {
            union.accept(new RecallCommand.SignRecallPetition(petition), signer);
        }
        assertThat(union.council.state().mandates().active(delegate)).isPresent();

        List<CouncilEvent> events = union.accept(new RecallCommand.SignRecallPetition(petition), docks.get(5));

        assertThat(events).hasSize(4);
        assertThat(events.get(1)).isInstanceOf(CouncilEvent.RecallPetitionSucceeded.class);
        assertThat(events.get(2)).isEqualTo(new CouncilEvent.MandateRecalled(delegate, union.docks, petition));
        CouncilEvent.ElectionScheduled byElection = (CouncilEvent.ElectionScheduled) events.get(3);
        assertThat(byElection.kind()).isEqualTo(ElectionKind.BY_ELECTION);
        assertThat(byElection.post()).isEqualTo("branch-delegate");
        assertThat(byElection.holdBy()).isEqualTo(union.clock.instant().plus(Duration.ofDays(42)));
        assertThat(union.council.state().mandates().find(delegate).orElseThrow())
                .isInstanceOfSatisfying(Mandate.Ended.class, ended -> assertThat(ended.ending()).isEqualTo(Mandate.Ending.RECALLED));
    }

    @Test
    void no_body_can_veto_a_recall_petition() {
        PetitionId petition = open(docks.get(1));

        String reason = union.reject(new RecallCommand.VetoRecall(petition, union.national), docks.get(0));

        assertThat(reason).startsWith("no body can veto, suspend or overturn a recall");
        assertThat(union.council.state().recallPetitions().find(petition).orElseThrow()).isInstanceOf(RecallPetition.Open.class);
    }

    @Test
    void a_recalled_delegate_cannot_be_put_back_by_appointment() {
        PetitionId petition = open(docks.get(1));
        docks.subList(2, 6).forEach(signer -> union.accept(new RecallCommand.SignRecallPetition(petition), signer));

        String reason = union.reject(new MandateCommand.AppointToPost(MandateId.generate(union.clock.instant()), "branch-delegate",
                union.docks, docks.get(0)), null);

        assertThat(reason).contains("post 'branch-delegate' is elective").contains("an appointment is refused");
    }

    @Test
    void only_electors_of_the_mandate_sign_its_recall_petition() {
        PetitionId petition = open(docks.get(1));

        String reason = union.reject(new RecallCommand.SignRecallPetition(petition), depot.get(0));

        assertThat(reason).startsWith("only electors of 'branch-members'");
    }

    @Test
    void only_an_elector_opens_a_recall_petition() {
        String reason = union.reject(new RecallCommand.OpenRecallPetition(PetitionId.generate(union.clock.instant()), delegate), depot.get(0));
        assertThat(reason).isEqualTo("only an elector of 'branch-members' can open a petition to recall this mandate");
    }

    @Test
    void each_elector_signs_a_petition_once() {
        PetitionId petition = open(docks.get(1));
        String reason = union.reject(new RecallCommand.SignRecallPetition(petition), docks.get(1));
        assertThat(reason).isEqualTo("you have already signed this petition");
    }

    @Test
    void members_admitted_after_the_petition_opened_neither_dilute_nor_sign_it() {
        PetitionId petition = open(docks.get(1));
        List<MemberId> flood = union.admit(union.docks, 40);
        union.passDays(30);

        String reason = union.reject(new RecallCommand.SignRecallPetition(petition), flood.get(0));

        assertThat(reason).startsWith("only electors of 'branch-members' as of the petition's opening");
        RecallPetition.Open open = (RecallPetition.Open) union.council.state().recallPetitions().find(petition).orElseThrow();
        assertThat(open.signaturesNeeded()).isEqualTo(5);
    }

    @Test
    void a_petition_that_does_not_reach_the_threshold_in_time_lapses() {
        PetitionId petition = open(docks.get(1));
        union.accept(new RecallCommand.SignRecallPetition(petition), docks.get(2));
        union.passDays(60);

        List<CouncilEvent> events = union.tick();

        assertThat(events).contains(new CouncilEvent.RecallPetitionLapsed(petition, union.docks, 2));
        assertThat(union.reject(new RecallCommand.SignRecallPetition(petition), docks.get(3)))
                .isEqualTo("the petition is no longer taking signatures");
        assertThat(union.council.state().mandates().active(delegate)).isPresent();
    }

    @Test
    void a_second_petition_against_the_same_mandate_is_refused_while_one_is_open() {
        PetitionId first = open(docks.get(1));
        String reason = union.reject(new RecallCommand.OpenRecallPetition(PetitionId.generate(union.clock.instant()), delegate), docks.get(2));
        assertThat(reason).isEqualTo("a petition to recall this mandate is already open: sign petition " + first);
    }

    @Test
    void appointed_post_holders_are_not_recalled_by_petition() {
        MandateId organiser = MandateId.generate(union.clock.instant());
        union.accept(new MandateCommand.AppointToPost(organiser, "regional-organiser", union.north, docks.get(7)), null);

        String reason = union.reject(new RecallCommand.OpenRecallPetition(PetitionId.generate(union.clock.instant()), organiser), docks.get(1));

        assertThat(reason).startsWith("this post is filled by appointment");
    }

    @Test
    void under_the_recall_vote_procedure_the_threshold_opens_a_vote_that_ends_the_mandate_if_carried() {
        TestOrganisation federation = TestOrganisation.cooperativeFederation();
        List<MemberId> workers = federation.admit(federation.docks, 10);
        federation.passProbation();
        MandateId coopDelegate = federation.elect("cooperative-delegate", federation.docks, workers.get(0), workers);
        PetitionId petition = PetitionId.generate(federation.clock.instant());
        federation.accept(new RecallCommand.OpenRecallPetition(petition, coopDelegate), workers.get(1));

        List<CouncilEvent> atThreshold = federation.accept(new RecallCommand.SignRecallPetition(petition), workers.get(2));

        assertThat(atThreshold).last().isEqualTo(new CouncilEvent.RecallVoteOpened(petition, federation.docks,
                federation.clock.instant().plus(java.time.Duration.ofDays(21))));
        assertThat(federation.council.state().mandates().active(coopDelegate)).isPresent();
        assertThat(federation.reject(new RecallCommand.DecideRecallVote(petition, new VoteTally(12, 8, 6, 2, 0)), null))
                .startsWith("the recall vote is of the electorate counted when the petition opened: 10 entitled");
        List<CouncilEvent> decided = federation.accept(new RecallCommand.DecideRecallVote(petition, new VoteTally(10, 8, 6, 2, 0)), null);

        assertThat(decided.get(1)).isEqualTo(new CouncilEvent.MandateRecalled(coopDelegate, federation.docks, petition));
        assertThat(decided.get(2)).isInstanceOf(CouncilEvent.ElectionScheduled.class);
    }

    @Test
    void a_recall_vote_that_is_not_carried_leaves_the_mandate_in_place() {
        TestOrganisation federation = TestOrganisation.cooperativeFederation();
        List<MemberId> workers = federation.admit(federation.docks, 10);
        federation.passProbation();
        MandateId coopDelegate = federation.elect("cooperative-delegate", federation.docks, workers.get(0), workers);
        PetitionId petition = PetitionId.generate(federation.clock.instant());
        federation.accept(new RecallCommand.OpenRecallPetition(petition, coopDelegate), workers.get(1));
        federation.accept(new RecallCommand.SignRecallPetition(petition), workers.get(2));

        List<CouncilEvent> decided = federation.accept(new RecallCommand.DecideRecallVote(petition, new VoteTally(10, 9, 3, 6, 0)), null);

        assertThat(decided).containsExactly(new CouncilEvent.RecallVoteDecided(petition, federation.docks, new VoteTally(10, 9, 3, 6, 0), false));
        assertThat(federation.council.state().mandates().active(coopDelegate)).isPresent();
    }

    @Test
    void a_pending_recall_vote_lapses_when_the_holder_leaves_the_post_first() {
        TestOrganisation federation = TestOrganisation.cooperativeFederation();
        List<MemberId> workers = federation.admit(federation.docks, 10);
        federation.passProbation();
        MandateId coopDelegate = federation.elect("cooperative-delegate", federation.docks, workers.get(0), workers);
        PetitionId petition = PetitionId.generate(federation.clock.instant());
        federation.accept(new RecallCommand.OpenRecallPetition(petition, coopDelegate), workers.get(1));
        federation.accept(new RecallCommand.SignRecallPetition(petition), workers.get(2));
        federation.accept(new MandateCommand.RelinquishMandate(coopDelegate, "resigned before the vote"), workers.get(0));

        assertThat(federation.reject(new RecallCommand.DecideRecallVote(petition, new VoteTally(10, 8, 6, 2, 0)), null))
                .isEqualTo("the mandate has already ended, so there is nothing left to recall");
        assertThat(federation.tick()).contains(new CouncilEvent.RecallPetitionLapsed(petition, federation.docks, 2));
        assertThat(federation.council.state().recallPetitions().find(petition).orElseThrow()).isInstanceOf(RecallPetition.Closed.class);
    }

    private record RecallVoteAtThreshold(TestOrganisation federation, List<MemberId> workers, MandateId mandate, PetitionId petition) {
    }

    /** What the clock did, leaving out the meetings it flagged overdue (the test's bodies do not meet). */
    private static List<CouncilEvent> withoutMeetings(List<CouncilEvent> events) {
        return events.stream().filter(event -> !(event instanceof CouncilEvent.MeetingFlaggedOverdue)).toList();
    }

    private static RecallVoteAtThreshold recallVoteOpen() {
        TestOrganisation federation = TestOrganisation.cooperativeFederation();
        List<MemberId> workers = federation.admit(federation.docks, 10);
        federation.passProbation();
        MandateId coopDelegate = federation.elect("cooperative-delegate", federation.docks, workers.get(0), workers);
        PetitionId petition = PetitionId.generate(federation.clock.instant());
        federation.accept(new RecallCommand.OpenRecallPetition(petition, coopDelegate), workers.get(1));
        federation.accept(new RecallCommand.SignRecallPetition(petition), workers.get(2));
        return new RecallVoteAtThreshold(federation, workers, coopDelegate, petition);
    }

    @Test
    void electors_vote_on_a_recall_and_at_the_statutory_deadline_the_clock_closes_the_vote_and_ends_the_mandate_if_carried() {
        RecallVoteAtThreshold vote = recallVoteOpen();
        TestOrganisation federation = vote.federation();
        for (MemberId elector : vote.workers().subList(1, 6)) {
            federation.accept(new RecallCommand.CastRecallVote(vote.petition(), Position.FOR), elector);
        }
        federation.accept(new RecallCommand.CastRecallVote(vote.petition(), Position.AGAINST), vote.workers().get(6));
        federation.passDays(20);
        assertThat(withoutMeetings(federation.tick())).isEmpty();
        assertThat(federation.council.state().mandates().active(vote.mandate())).isPresent();

        federation.passDays(1);
        List<CouncilEvent> closed = withoutMeetings(federation.tick());

        VoteTally tally = new VoteTally(10, 6, 5, 1, 0);
        assertThat(closed.get(0)).isEqualTo(new CouncilEvent.RecallVoteDecided(vote.petition(), federation.docks, tally, true));
        assertThat(closed.get(1)).isEqualTo(new CouncilEvent.MandateRecalled(vote.mandate(), federation.docks, vote.petition()));
        assertThat(closed.get(2)).isInstanceOf(CouncilEvent.ElectionScheduled.class);
        assertThat(federation.council.state().mandates().active(vote.mandate())).isEmpty();
        assertThat(federation.reject(new RecallCommand.CastRecallVote(vote.petition(), Position.FOR), vote.workers().get(8)))
                .isEqualTo("no recall vote is open on petition " + vote.petition());
    }

    @Test
    void a_recall_vote_that_misses_its_quorum_by_the_deadline_leaves_the_mandate_in_place() {
        RecallVoteAtThreshold vote = recallVoteOpen();
        TestOrganisation federation = vote.federation();
        for (MemberId elector : vote.workers().subList(1, 5)) {
            federation.accept(new RecallCommand.CastRecallVote(vote.petition(), Position.FOR), elector);
        }
        federation.passDays(21);

        assertThat(withoutMeetings(federation.tick())).containsExactly(new CouncilEvent.RecallVoteDecided(vote.petition(), federation.docks,
                new VoteTally(10, 4, 4, 0, 0), false));
        assertThat(federation.council.state().mandates().active(vote.mandate())).isPresent();
        assertThat(federation.council.state().recallPetitions().find(vote.petition()).orElseThrow()).isInstanceOf(RecallPetition.Closed.class);
    }

    @Test
    void each_elector_votes_once_on_a_recall_and_only_electors_vote() {
        RecallVoteAtThreshold vote = recallVoteOpen();
        TestOrganisation federation = vote.federation();
        federation.accept(new RecallCommand.CastRecallVote(vote.petition(), Position.AGAINST), vote.workers().get(3));

        assertThat(federation.reject(new RecallCommand.CastRecallVote(vote.petition(), Position.FOR), vote.workers().get(3)))
                .isEqualTo("elector " + vote.workers().get(3) + " has already voted on this recall");
        MemberId outsider = federation.admit(federation.depot);
        assertThat(federation.reject(new RecallCommand.CastRecallVote(vote.petition(), Position.FOR), outsider))
                .isEqualTo("only electors of the mandate's electorate vote on its recall");
        assertThat(federation.reject(new RecallCommand.DecideRecallVote(vote.petition(), new VoteTally(10, 8, 6, 2, 0)), null))
                .startsWith("electors are casting their votes on this recall one by one");
    }

    @Test
    void a_count_brought_after_the_recall_votes_deadline_is_refused() {
        RecallVoteAtThreshold vote = recallVoteOpen();
        vote.federation().passDays(21);

        assertThat(vote.federation().reject(new RecallCommand.DecideRecallVote(vote.petition(), new VoteTally(10, 8, 6, 2, 0)), null))
                .startsWith("the recall vote closed at its statutory deadline");
    }
}
