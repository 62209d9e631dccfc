package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.LineEdit;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Motions and amendments: voting order, amendments that fall, withdrawal, remittance, composites. */
class MotionsTest {

    private final CongressHall hall = new CongressHall();
    private final List<MemberId> delegates;
    private final MotionId motion;

    MotionsTest() {
        hall.inSessionOnFirstItem();
        delegates = hall.delegates();
        motion = hall.table(delegates.get(0), "A 35-hour week", DecisionType.ORDINARY,
                "Congress notes that overtime is unpaid in many depots.",
                "Congress believes the working week should be 35 hours.",
                "Congress instructs the executive to open negotiations.");
    }

    private AmendmentId move(MemberId mover, LineEdit edit) {
        AmendmentId amendment = AmendmentId.generate(hall.union.clock.instant());
        hall.union.accept(new CongressCommand.MoveAmendment(hall.congress, amendment, motion, edit), mover);
        return amendment;
    }

    private void everyoneVotes(Position position) {
        for (MemberId delegate : delegates) {
            hall.union.accept(new CongressCommand.CastVote(hall.congress, position), delegate);
        }
    }

    private void vote(AmendmentId amendment, Position position) {
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, amendment, VoteMode.NAMED), hall.chair);
        everyoneVotes(position);
        hall.union.accept(new CongressCommand.CloseVote(hall.congress), hall.chair);
    }

    @Test
    void amendments_are_voted_before_the_motion_the_most_far_reaching_first() {
        AmendmentId small = move(delegates.get(1), new LineEdit.Replace(2, 2, List.of("Congress believes the working week should be 32 hours.")));
        AmendmentId large = move(delegates.get(2), new LineEdit.Replace(2, 3, List.of("Congress demands a 30-hour week.",
                "Congress calls a national day of action.")));

        assertThat(hall.union.reject(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), hall.chair))
                .startsWith("amendments are voted before the motion, the most far-reaching first: next is the amendment to replace lines 2–3");
        assertThat(hall.union.reject(new CongressCommand.OpenVote(hall.congress, motion, small, VoteMode.NAMED), hall.chair))
                .startsWith("the most far-reaching amendment is voted first: next is the amendment to replace lines 2–3");
        assertThat(hall.state().votingOrder(motion).stream().map(Amendment::id).toList()).containsExactly(large, small);
    }

    @Test
    void a_carried_amendment_makes_an_amendment_to_the_same_lines_fall_and_the_motion_is_adopted_as_amended() {
        AmendmentId small = move(delegates.get(1), new LineEdit.Replace(2, 2, List.of("Congress believes the working week should be 32 hours.")));
        AmendmentId large = move(delegates.get(2), new LineEdit.Replace(2, 3, List.of("Congress demands a 30-hour week.",
                "Congress calls a national day of action.")));
        AmendmentId addition = move(delegates.get(3), new LineEdit.Insert(1, List.of("Congress thanks the depot reps.")));

        vote(large, Position.FOR);
        assertThat(hall.state().amendment(small).orElseThrow().fate()).isEqualTo(new Amendment.Fell(large));
        vote(addition, Position.AGAINST);
        vote(null, Position.FOR);

        Motion adopted = hall.state().motion(motion).orElseThrow();
        assertThat(adopted.fate()).isInstanceOf(Motion.Carried.class);
        assertThat(((Motion.Carried) adopted.fate()).adopted().lines()).containsExactly(
                "Congress notes that overtime is unpaid in many depots.",
                "Congress demands a 30-hour week.",
                "Congress calls a national day of action.");
        assertThat(hall.state().amendment(addition).orElseThrow().fate()).isInstanceOf(Amendment.Lost.class);
    }

    @Test
    void a_motion_is_voted_under_its_own_agenda_item() {
        hall.union.accept(new CongressCommand.TakeItem(hall.congress, 2), hall.chair);

        assertThat(hall.union.reject(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), hall.chair))
                .isEqualTo("motion 'A 35-hour week' belongs to agenda item 1: take that item first");
    }

    @Test
    void an_amendment_must_name_lines_the_motion_has() {
        String reason = hall.union.reject(new CongressCommand.MoveAmendment(hall.congress, AmendmentId.generate(hall.union.clock.instant()),
                motion, new LineEdit.Delete(3, 5)), delegates.get(1));

        assertThat(reason).isEqualTo("the amendment does not fit motion 'A 35-hour week': the motion has 3 line(s); the amendment names line 5");
    }

    @Test
    void only_the_mover_withdraws_a_motion_and_it_is_then_no_longer_before_the_congress() {
        assertThat(hall.union.reject(new CongressCommand.WithdrawMotion(hall.congress, motion), delegates.get(1)))
                .isEqualTo("only the mover of 'A 35-hour week' can withdraw it");

        hall.union.accept(new CongressCommand.WithdrawMotion(hall.congress, motion), delegates.get(0));

        assertThat(hall.state().motion(motion).orElseThrow().fate()).isInstanceOf(Motion.Withdrawn.class);
        assertThat(hall.union.reject(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), hall.chair))
                .isEqualTo("motion 'A 35-hour week' is no longer before the congress");
    }

    @Test
    void an_amendment_is_withdrawn_only_by_its_mover() {
        AmendmentId amendment = move(delegates.get(1), new LineEdit.Delete(1, 1));

        assertThat(hall.union.reject(new CongressCommand.WithdrawAmendment(hall.congress, amendment), delegates.get(0)))
                .isEqualTo("only the mover of an amendment can withdraw it");
        hall.union.accept(new CongressCommand.WithdrawAmendment(hall.congress, amendment), delegates.get(1));
        assertThat(hall.state().votingOrder(motion)).isEmpty();
    }

    @Test
    void the_mover_remits_a_motion_to_a_body_of_the_statutes() {
        assertThat(hall.union.reject(new CongressCommand.RemitMotion(hall.congress, motion, "politburo"), delegates.get(0)))
                .isEqualTo("the statutes define no body 'politburo' to remit the motion to");

        hall.union.accept(new CongressCommand.RemitMotion(hall.congress, motion, "national-executive"), delegates.get(0));

        assertThat(hall.state().motion(motion).orElseThrow().fate()).isEqualTo(new Motion.Remitted("national-executive"));
    }

    @Test
    void a_composite_motion_takes_the_place_of_its_parts_and_is_moved_by_all_their_movers() {
        MotionId second = hall.table(delegates.get(3), "Paid overtime", DecisionType.ORDINARY, "Congress demands that all overtime be paid.");
        MotionId composite = MotionId.generate(hall.union.clock.instant());

        hall.union.accept(new CongressCommand.CompositeMotions(hall.congress, composite, List.of(motion, second), "Hours and overtime",
                MotionText.of("Congress demands a 35-hour week.\nCongress demands that all overtime be paid.")), hall.chair);

        assertThat(hall.state().motion(motion).orElseThrow().fate()).isEqualTo(new Motion.Composited(composite));
        assertThat(hall.state().motion(second).orElseThrow().fate()).isEqualTo(new Motion.Composited(composite));
        Motion merged = hall.state().motion(composite).orElseThrow();
        assertThat(merged.movers()).containsExactly(delegates.get(0), delegates.get(3));
        assertThat(merged.pending()).isTrue();
    }

    @Test
    void motions_with_pending_amendments_are_not_composited() {
        MotionId second = hall.table(delegates.get(3), "Paid overtime", DecisionType.ORDINARY, "Congress demands that all overtime be paid.");
        move(delegates.get(1), new LineEdit.Delete(1, 1));

        String reason = hall.union.reject(new CongressCommand.CompositeMotions(hall.congress, MotionId.generate(hall.union.clock.instant()),
                List.of(motion, second), "Hours", MotionText.of("Congress demands a 35-hour week.")), hall.chair);

        assertThat(reason).startsWith("amendments to 'A 35-hour week' are pending");
    }
}
