package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.council.scenario.TestOrganisation.unanimous;

/**
 * Named and card votes, with quorum and majority from the statutes checked automatically; each result states the rule
 * that decided it. Docks has 30 members, Depot 12, Harbour 20, Warehouse 8, Airport 15.
 */
class VotesTest {

    private final CongressHall hall = new CongressHall();

    VotesTest() {
        hall.inSessionOnFirstItem();
    }

    private CongressEvent.VoteClosed vote(MotionId motion, VoteMode mode, Map<UnitId, Position> votes) {
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, mode), hall.chair);
        votes.forEach((branch, position) -> hall.union.accept(new CongressCommand.CastVote(hall.congress, position), hall.delegate(branch)));
        return (CongressEvent.VoteClosed) hall.union.accept(new CongressCommand.CloseVote(hall.congress), hall.chair).getFirst();
    }

    private Map<UnitId, Position> bigBranchesFor() {
        return Map.of(hall.union.docks, Position.FOR, hall.union.depot, Position.AGAINST, hall.union.harbour, Position.FOR,
                hall.warehouse, Position.AGAINST, hall.airport, Position.AGAINST);
    }

    @Test
    void a_named_vote_counts_delegates_and_a_card_vote_counts_the_members_they_represent() {
        MotionId named = hall.table(hall.delegate(hall.union.docks), "Named", DecisionType.ORDINARY, "Congress resolves one thing.");
        MotionId carded = hall.table(hall.delegate(hall.union.docks), "Carded", DecisionType.ORDINARY, "Congress resolves another.");

        CongressEvent.VoteClosed byName = vote(named, VoteMode.NAMED, bigBranchesFor());
        CongressEvent.VoteClosed byCard = vote(carded, VoteMode.CARD, bigBranchesFor());

        assertThat(byName.decision().passed()).isFalse();
        assertThat(byName.decision().sentence()).isEqualTo("Lost: 2 for, 3 against, 0 abstaining; the rule is a simple majority"
                + " (more for than against) (statutes, decisions.ordinary), counted in delegates' votes of 5 entitled, which needs at least 4 for.");
        assertThat(byCard.decision().passed()).isTrue();
        assertThat(byCard.decision().sentence()).isEqualTo("Carried: 50 for, 35 against, 0 abstaining; the rule is a simple majority"
                + " (more for than against) (statutes, decisions.ordinary), counted in cards (members represented) of 85 entitled,"
                + " which needs at least 36 for.");
        assertThat(byCard.text()).containsExactly("Congress resolves another.");
    }

    @Test
    void an_amendment_of_the_statutes_needs_two_thirds_of_those_voting_and_says_so() {
        MotionId motion = hall.table(hall.delegate(hall.union.docks), "Shorter terms", DecisionType.STATUTES_AMENDMENT,
                "Terms of congress delegates are 12 months.");

        CongressEvent.VoteClosed result = vote(motion, VoteMode.CARD, bigBranchesFor());

        assertThat(result.passed()).isFalse();
        assertThat(result.threshold()).isEqualTo(70);
        assertThat(result.rule()).isEqualTo("two thirds of those voting for or against (statutes, decisions.statutes_amendment),"
                + " counted in cards (members represented) of 85 entitled");
    }

    @Test
    void without_the_quorum_of_the_statutes_a_vote_decides_nothing() {
        MotionId motion = hall.table(hall.delegate(hall.union.docks), "Shorter terms", DecisionType.STATUTES_AMENDMENT,
                "Terms of congress delegates are 12 months.");
        for (UnitId branch : List.of(hall.union.depot, hall.warehouse, hall.airport)) {
            hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, hall.delegateMandates.get(branch), hall.delegate(branch), false), hall.chair);
        }

        CongressEvent.VoteClosed result = vote(motion, VoteMode.NAMED, Map.of(hall.union.docks, Position.FOR, hall.union.harbour, Position.FOR));

        assertThat(result.passed()).isFalse();
        assertThat(result.decision().sentence()).isEqualTo("Not decided: no quorum (quorum of 0.5 of the 5 seats"
                + " (statutes, decisions.statutes_amendment): 2 present, 3 needed). 2 for, 0 against, 0 abstaining.");
    }

    @Test
    void a_motion_may_ask_for_a_stricter_majority_than_the_statutes_never_a_weaker_one() {
        MotionId stricter = MotionId.generate(hall.union.clock.instant());
        hall.union.accept(new CongressCommand.TableMotion(hall.congress, stricter, 1, "Dissolve the depot section",
                MotionText.of("Congress dissolves the depot section."), DecisionType.ORDINARY, MajorityRule.TWO_THIRDS_OF_MEMBERS),
                hall.delegate(hall.union.docks));

        String reason = hall.union.reject(new CongressCommand.TableMotion(hall.congress, MotionId.generate(hall.union.clock.instant()), 1,
                "Quietly amend the statutes", MotionText.of("Terms are 48 months."), DecisionType.STATUTES_AMENDMENT, MajorityRule.SIMPLE),
                hall.delegate(hall.union.docks));

        assertThat(reason).isEqualTo("the statutes require two thirds of those voting for or against for decisions of type"
                + " 'statutes_amendment'; a motion may ask for more, never for less (a simple majority (more for than against))");
        CongressEvent.VoteClosed result = vote(stricter, VoteMode.NAMED, Map.of(hall.union.docks, Position.FOR, hall.union.depot,
                Position.FOR, hall.union.harbour, Position.FOR));
        assertThat(result.passed()).isFalse();
        assertThat(result.rule()).startsWith("two thirds of all entitled, present or not (the motion's own requirement, stricter than"
                + " the statutes' decisions.ordinary)");
    }

    @Test
    void each_delegates_vote_is_public_and_compared_with_their_branchs_instruction() {
        MotionId motion = hall.table(hall.delegate(hall.union.depot), "Merge Docks into Depot", DecisionType.ORDINARY,
                "Congress merges the Docks branch into the Depot branch.");
        MandateId docksDelegate = hall.delegateMandates.get(hall.union.docks);
        hall.union.accept(new MandateCommand.InstructDelegate(docksDelegate, hall.union.docks, motion, Position.AGAINST, unanimous(30)), null);

        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.CARD), hall.chair);
        CongressEvent.VoteCast cast = (CongressEvent.VoteCast) hall.union.accept(
                new CongressCommand.CastVote(hall.congress, Position.FOR), hall.delegate(hall.union.docks)).getFirst();

        assertThat(cast.instructed()).isEqualTo(Position.AGAINST);
        assertThat(cast.followedInstruction()).isFalse();
        assertThat(cast.cards()).isEqualTo(30);
        CouncilEvent.DelegateVoteRecorded recorded = hall.union.council.state().mandates().vote(docksDelegate, motion).orElseThrow();
        assertThat(recorded.followedInstruction()).isFalse();
        assertThat(hall.state().openVote().orElseThrow().casts()).containsKey(docksDelegate);
    }

    @Test
    void a_seat_votes_once_and_only_those_sitting_vote() {
        MotionId motion = hall.table(hall.delegate(hall.union.docks), "Once", DecisionType.ORDINARY, "Congress resolves once.");
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), hall.chair);
        MemberId docks = hall.delegate(hall.union.docks);
        hall.union.accept(new CongressCommand.CastVote(hall.congress, Position.FOR), docks);

        assertThat(hall.union.reject(new CongressCommand.CastVote(hall.congress, Position.AGAINST), docks))
                .isEqualTo("this seat has already voted on the question");
        assertThat(hall.union.reject(new CongressCommand.CastVote(hall.congress, Position.FOR), hall.members.get(hall.union.docks).get(7)))
                .isEqualTo("only a delegate or alternate present in the hall can do this");
        assertThat(hall.union.reject(new CongressCommand.TakeItem(hall.congress, 2), hall.chair)).isEqualTo("a vote is open: close it first");
    }

    @Test
    void an_alternate_votes_the_cards_of_the_seat_they_took() {
        MandateId seat = hall.delegateMandates.get(hall.union.harbour);
        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.harbour), false), hall.chair);
        hall.union.accept(new CongressCommand.SeatAlternate(hall.congress, seat, hall.alternateMandates.get(hall.union.harbour)), hall.chair);
        MotionId motion = hall.table(hall.delegate(hall.union.docks), "Alternates", DecisionType.ORDINARY, "Congress thanks the alternates.");
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.CARD), hall.chair);

        CongressEvent.VoteCast cast = (CongressEvent.VoteCast) hall.union.accept(
                new CongressCommand.CastVote(hall.congress, Position.FOR), hall.alternate(hall.union.harbour)).getFirst();

        assertThat(cast.seat()).isEqualTo(seat);
        assertThat(cast.voter()).isEqualTo(hall.alternate(hall.union.harbour));
        assertThat(cast.cards()).isEqualTo(20);
        assertThat(hall.union.reject(new CongressCommand.CastVote(hall.congress, Position.FOR), hall.delegate(hall.union.harbour)))
                .isEqualTo("only a delegate or alternate present in the hall can do this");
    }
}
