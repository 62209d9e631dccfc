package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.initiative.InitiativeCommand;
import org.smolny.council.initiative.InitiativeId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A motion the members put on the congress's agenda by initiative is dealt with, whatever the chair thinks. */
class MemberInitiativeTest {

    private static final String DIGEST = "9a0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1";

    @Test
    void the_congress_does_not_close_before_it_has_dealt_with_the_members_initiative() {
        CongressHall hall = new CongressHall();
        List<MemberId> docks = hall.members.get(hall.union.docks);
        MotionId motion = MotionId.generate(hall.union.clock.instant());
        InitiativeId initiative = InitiativeId.generate(hall.union.clock.instant());
        hall.union.accept(new InitiativeCommand.OpenInitiative(initiative, "congress", hall.union.national, motion,
                "Elect full-time officials for two years only", DIGEST), docks.get(15));
        hall.union.accept(new InitiativeCommand.SupportInitiative(initiative), docks.get(16));
        hall.inSessionOnFirstItem();

        assertThat(hall.union.reject(new CongressCommand.CloseCongress(hall.congress), hall.chair))
                .isEqualTo("the members put 'Elect full-time officials for two years only' on the congress's agenda by initiative:"
                        + " a delegate tables it (motion " + motion + ") and the congress deals with it before closing");
        hall.union.accept(new CongressCommand.TableMotion(hall.congress, motion, 1, "Elect full-time officials for two years only",
                MotionText.of("Full-time officials are elected for two years and may be recalled."), DecisionType.ORDINARY, null),
                hall.delegate(hall.union.docks));
        assertThat(hall.union.reject(new CongressCommand.CloseCongress(hall.congress), hall.chair)).startsWith("the members' initiative");
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), hall.chair);
        hall.union.accept(new CongressCommand.CastVote(hall.congress, Position.FOR), hall.delegate(hall.union.docks));
        hall.union.accept(new CongressCommand.CloseVote(hall.congress), hall.chair);

        hall.union.accept(new CongressCommand.CloseCongress(hall.congress), hall.chair);
        assertThat(hall.state().phase()).isInstanceOf(Congress.Closed.class);
    }
}
