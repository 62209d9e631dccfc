package org.smolny.council.initiative;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.meeting.BodyInUnit;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Member initiative: a motion backed by the statutory share of members goes on the agenda. */
class InitiativeTest {

    private static final String TEXT_SHA256 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> members = union.admit(union.docks, 100);
    private final MotionId motion;

    InitiativeTest() {
        union.passProbation();
        motion = MotionId.generate(union.clock.instant());
    }

    private InitiativeId open() {
        InitiativeId initiative = InitiativeId.generate(union.clock.instant());
        union.accept(new InitiativeCommand.OpenInitiative(initiative, "congress", union.national, motion,
                "Thirty-two hour week without loss of pay", TEXT_SHA256), members.get(0));
        return initiative;
    }

    @Test
    void a_motion_backed_by_the_statutory_share_of_members_goes_on_the_agenda() {
        InitiativeId initiative = open();

        List<CouncilEvent> events = union.accept(new InitiativeCommand.SupportInitiative(initiative), members.get(1));

        // 100 members, threshold 0.02: two supporters table the motion.
        assertThat(events).last().isEqualTo(new CouncilEvent.InitiativeTabled(initiative, "congress", union.national, motion, 2));
        assertThat(union.council.state().initiatives().agenda(new BodyInUnit("congress", union.national)))
                .extracting(Initiative.Tabled::motion).containsExactly(motion);
    }

    @Test
    void an_initiative_short_of_support_lapses_at_its_closing_date() {
        TestOrganisation big = TestOrganisation.nationalUnion();
        List<MemberId> many = big.admit(big.docks, 200);
        big.passProbation();
        InitiativeId initiative = InitiativeId.generate(big.clock.instant());
        big.accept(new InitiativeCommand.OpenInitiative(initiative, "branch-meeting", big.docks, MotionId.generate(big.clock.instant()),
                "Open the books", TEXT_SHA256), many.get(0));
        big.accept(new InitiativeCommand.SupportInitiative(initiative), many.get(1));
        big.passDays(90);

        assertThat(big.tick()).contains(new CouncilEvent.InitiativeLapsed(initiative, big.docks, 2));
        assertThat(big.reject(new InitiativeCommand.SupportInitiative(initiative), many.get(2)))
                .isEqualTo("this initiative is no longer collecting support");
    }

    @Test
    void a_member_supports_an_initiative_once() {
        InitiativeId initiative = open();
        assertThat(union.reject(new InitiativeCommand.SupportInitiative(initiative), members.get(0))).isEqualTo("you already support this initiative");
    }

    @Test
    void an_initiative_refers_to_its_text_by_digest() {
        String reason = union.reject(new InitiativeCommand.OpenInitiative(InitiativeId.generate(union.clock.instant()), "congress",
                union.national, motion, "A motion", "not a digest"), members.get(0));
        assertThat(reason).isEqualTo("the motion text's digest must be a SHA-256 digest (64 lower-case hex digits)");
    }
}
