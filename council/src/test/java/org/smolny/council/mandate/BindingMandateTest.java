package org.smolny.council.mandate;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.VoteTally;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.council.scenario.TestOrganisation.unanimous;

/** Binding mandates: a unit instructs its delegate, and the delegate's actual vote is compared with the instruction. */
class BindingMandateTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 10);
    private final MotionId motion;
    private final MandateId delegate;

    BindingMandateTest() {
        union.passProbation();
        delegate = union.elect("congress-delegate", union.docks, docks.get(0), docks);
        motion = MotionId.generate(union.clock.instant());
    }

    @Test
    void a_delegate_voting_against_the_branch_instruction_is_shown_as_such() {
        union.accept(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.AGAINST, unanimous(10)), null);

        List<CouncilEvent> events = union.accept(new MandateCommand.RecordDelegateVote(delegate, motion, Position.FOR), docks.get(0));

        CouncilEvent.DelegateVoteRecorded vote = (CouncilEvent.DelegateVoteRecorded) events.getFirst();
        assertThat(vote.instructed()).isEqualTo(Position.AGAINST);
        assertThat(vote.followedInstruction()).isFalse();
        assertThat(new Indicators(union.council.state()).instructions()).isEqualTo(new Indicators.Instructions(1, 1));
    }

    @Test
    void a_delegate_following_the_instruction_is_shown_as_following_it() {
        union.accept(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.FOR, unanimous(10)), null);
        List<CouncilEvent> events = union.accept(new MandateCommand.RecordDelegateVote(delegate, motion, Position.FOR), docks.get(0));
        assertThat(((CouncilEvent.DelegateVoteRecorded) events.getFirst()).followedInstruction()).isTrue();
    }

    @Test
    void only_the_unit_that_elected_the_delegate_instructs_them() {
        String reason = union.reject(new MandateCommand.InstructDelegate(delegate, union.north, motion, Position.FOR, unanimous(10)), null);
        assertThat(reason).isEqualTo("only the unit that elected this delegate, 'Docks', can instruct them");
    }

    @Test
    void an_instruction_needs_the_units_decision() {
        String reason = union.reject(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.FOR,
                new VoteTally(100, 5, 5, 0, 0)), null);
        assertThat(reason).startsWith("the unit did not decide the instruction: no quorum");
    }

    @Test
    void an_instruction_after_the_delegate_voted_is_refused() {
        union.accept(new MandateCommand.RecordDelegateVote(delegate, motion, Position.ABSTAIN), docks.get(0));
        String reason = union.reject(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.FOR, unanimous(10)), null);
        assertThat(reason).isEqualTo("the delegate has already voted on this motion");
    }

    @Test
    void the_electors_see_each_delegates_votes_against_their_instructions() {
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(1), docks);
        MotionId second = MotionId.generate(union.clock.instant());
        union.accept(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.AGAINST, unanimous(10)), null);
        union.accept(new MandateCommand.InstructDelegate(delegate, union.docks, second, Position.FOR, unanimous(10)), null);
        union.accept(new MandateCommand.RecordDelegateVote(delegate, motion, Position.FOR), docks.get(0));
        union.accept(new MandateCommand.RecordDelegateVote(delegate, second, Position.FOR), docks.get(0));

        assertThat(new Indicators(union.council.state()).delegateRecords(union.docks)).containsExactly(
                new Indicators.DelegateRecord(secretary, "branch-secretary", docks.get(1), 0, 0),
                new Indicators.DelegateRecord(delegate, "congress-delegate", docks.get(0), 2, 1));
    }
}
