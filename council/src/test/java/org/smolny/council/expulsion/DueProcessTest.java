package org.smolny.council.expulsion;

import org.junit.jupiter.api.Test;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.mandate.Position;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.VoteTally;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D4: a leadership tries to expel its critics; only due process in the member's own unit can expel. */
class DueProcessTest {

    private static final String DOCUMENT = "5f0c2a1e9d3b47c68a1f2e3d4c5b6a79880706f5e4d3c2b1a09f8e7d6c5b4a39";

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 12);
    private final List<MemberId> depot = union.admit(union.depot, 3);
    private final MemberId critic;
    private final MemberId accuser;

    DueProcessTest() {
        union.passProbation();
        critic = docks.get(0);
        accuser = docks.get(1);
        union.elect("congress-delegate", union.depot, depot.get(0), depot);
    }

    private ChargeId appealed() {
        ChargeId charge = heard();
        union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null);
        union.passDays(10);
        union.accept(new ExpulsionCommand.Appeal(charge), critic);
        return charge;
    }

    private ChargeId bring() {
        ChargeId charge = ChargeId.generate(union.clock.instant());
        union.accept(new ExpulsionCommand.BringCharge(charge, critic, union.docks, DOCUMENT, "rule 14.2"), accuser);
        return charge;
    }

    private ChargeId heard() {
        ChargeId charge = bring();
        Instant hearing = union.clock.instant().plus(Duration.ofDays(14));
        union.accept(new ExpulsionCommand.NotifyCharge(charge, hearing), null);
        union.passDays(14);
        union.accept(new ExpulsionCommand.HearCharge(charge), null);
        return charge;
    }

    @Test
    void a_body_above_the_unit_cannot_charge_a_member() {
        String reason = union.reject(new ExpulsionCommand.BringCharge(ChargeId.generate(union.clock.instant()), critic, union.national,
                DOCUMENT, "rule 14.2"), accuser);
        assertThat(reason).isEqualTo("no body above the member's own unit can bring a charge against a member: "
                + "'The whole organisation' is above 'Docks'; only 'Docks' can, by due process");
    }

    @Test
    void no_body_can_expel_directly() {
        assertThat(union.reject(new ExpulsionCommand.ExpelDirectly(critic, union.north), null))
                .isEqualTo("no body above the member's own unit can expel a member: 'North' is above 'Docks'; only 'Docks' can, by due process");
        assertThat(union.reject(new ExpulsionCommand.ExpelDirectly(critic, union.docks), null))
                .startsWith("a member is expelled only by due process");
        assertThat(union.council.state().members().active(critic)).isPresent();
    }

    @Test
    void a_unit_expels_only_after_written_charge_notice_and_hearing_and_the_member_may_appeal() {
        ChargeId charge = heard();

        List<CouncilEvent> events = union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 10, 7, 3, 0)), null);

        assertThat(events.get(0)).isEqualTo(new CouncilEvent.ChargeDecided(charge, union.docks, new VoteTally(12, 10, 7, 3, 0), true));
        assertThat(events.get(1)).isEqualTo(new CouncilEvent.MemberExpelled(critic, union.docks, charge,
                union.clock.instant().plus(Duration.ofDays(42))));
        assertThat(union.council.state().members().find(critic).orElseThrow()).isInstanceOf(Membership.Former.class);
        assertThat(union.record).extracting(entry -> entry.type()).containsSubsequence(
                "charge.brought", "charge.notified", "charge.heard", "charge.decided", "member.expelled");
    }

    @Test
    void the_notice_period_of_the_statutes_is_kept() {
        ChargeId charge = bring();
        String reason = union.reject(new ExpulsionCommand.NotifyCharge(charge, union.clock.instant().plus(Duration.ofDays(3))), null);
        assertThat(reason).startsWith("the statutes give the member at least 14 days' notice");
    }

    @Test
    void no_vote_without_a_hearing() {
        ChargeId charge = bring();
        union.accept(new ExpulsionCommand.NotifyCharge(charge, union.clock.instant().plus(Duration.ofDays(20))), null);
        assertThat(union.reject(new ExpulsionCommand.HearCharge(charge), null)).startsWith("the hearing was notified for");
        assertThat(union.reject(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null))
                .isEqualTo("the unit votes on a charge only after it has been notified and heard");
    }

    @Test
    void a_body_above_the_unit_cannot_vote_an_expulsion() {
        ChargeId charge = heard();
        String reason = union.reject(new ExpulsionCommand.VoteOnCharge(charge, union.north, new VoteTally(40, 40, 40, 0, 0)), null);
        assertThat(reason).startsWith("no body above the member's own unit can vote on the expulsion of a member");
    }

    @Test
    void a_charge_without_a_two_thirds_majority_is_dismissed() {
        ChargeId charge = heard();
        List<CouncilEvent> events = union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 10, 6, 4, 0)), null);
        assertThat(events).containsExactly(new CouncilEvent.ChargeDecided(charge, union.docks, new VoteTally(12, 10, 6, 4, 0), false));
        assertThat(union.council.state().members().active(critic)).isPresent();
        assertThat(new Indicators(union.council.state()).expulsions().dismissed()).isEqualTo(1);
    }

    @Test
    void a_vote_without_quorum_decides_nothing() {
        ChargeId charge = heard();
        assertThat(union.reject(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 2, 2, 0, 0)), null))
                .startsWith("no decision: no quorum");
    }

    @Test
    void the_congress_reinstates_an_expelled_member_on_appeal() {
        ChargeId charge = heard();
        union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null);
        union.passDays(10);
        assertThat(union.reject(new ExpulsionCommand.Appeal(charge), accuser)).isEqualTo("only the expelled member can lodge an appeal");
        union.accept(new ExpulsionCommand.Appeal(charge), critic);

        CongressVoteRef congress = union.congressCarries(DecisionType.EXPULSION_APPEAL, "Uphold the appeal on charge " + charge);
        List<CouncilEvent> events = union.accept(new ExpulsionCommand.DecideAppeal(charge, congress), null);

        assertThat(events).last().isEqualTo(new CouncilEvent.MemberReinstated(critic, union.docks, charge));
        Membership.Active reinstated = union.council.state().members().active(critic).orElseThrow();
        assertThat(reinstated.admittedAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(new Indicators(union.council.state()).expulsions().reinstated()).isEqualTo(1);
    }

    @Test
    void the_congress_voting_the_appeal_down_confirms_the_expulsion() {
        ChargeId charge = appealed();
        CongressVoteRef congress = union.congressVotes(DecisionType.EXPULSION_APPEAL, "Uphold the appeal on charge " + charge,
                Position.AGAINST);

        List<CouncilEvent> events = union.accept(new ExpulsionCommand.DecideAppeal(charge, congress), null);

        assertThat(events).containsExactly(new CouncilEvent.AppealDecided(charge, union.docks, congress, false));
        assertThat(union.council.state().members().active(critic)).isEmpty();
        assertThat(new Indicators(union.council.state()).expulsions().reinstated()).isZero();
    }

    @Test
    void an_appeal_is_decided_only_by_a_closed_congress_vote_on_a_motion_naming_the_charge() {
        ChargeId charge = appealed();
        CongressVoteRef otherQuestion = union.congressCarries(DecisionType.EXPULSION_APPEAL, "Uphold the appeal of the depot's treasurer");
        CongressVoteRef ordinary = union.congressCarries(DecisionType.ORDINARY, "Uphold the appeal on charge " + charge);
        CongressVoteRef noCongress = new CongressVoteRef(CongressId.generate(union.clock.instant()), otherQuestion.motion());

        assertThat(union.reject(new ExpulsionCommand.DecideAppeal(charge, otherQuestion), null))
                .startsWith("the congress vote does not decide this appeal: motion " + otherQuestion.motion() + " does not name " + charge);
        assertThat(union.reject(new ExpulsionCommand.DecideAppeal(charge, ordinary), null))
                .contains("was a decision of type 'ordinary', not 'expulsion_appeal'");
        assertThat(union.reject(new ExpulsionCommand.DecideAppeal(charge, noCongress), null))
                .isEqualTo("the congress vote does not decide this appeal: there is no congress " + noCongress.congress());
        assertThat(union.reject(new ExpulsionCommand.DecideAppeal(charge, null), null))
                .isEqualTo("an appeal is decided by a vote of the congress: name the congress and the motion it voted on");
    }

    @Test
    void an_appeal_after_the_statutory_window_is_refused() {
        ChargeId charge = heard();
        union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null);
        union.passDays(43);
        assertThat(union.reject(new ExpulsionCommand.Appeal(charge), critic)).startsWith("the appeal window closed on");
    }

    @Test
    void an_expelled_officer_loses_the_mandate_and_a_by_election_is_scheduled() {
        MandateId secretary = union.elect("branch-secretary", union.docks, critic, docks);
        ChargeId charge = heard();

        List<CouncilEvent> events = union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null);

        assertThat(events).contains(new CouncilEvent.MandateRelinquished(secretary, union.docks, "the holder was expelled"));
        assertThat(events).last().isInstanceOf(CouncilEvent.ElectionScheduled.class);
    }

    @Test
    void only_a_member_of_the_unit_brings_a_charge() {
        String reason = union.reject(new ExpulsionCommand.BringCharge(ChargeId.generate(union.clock.instant()), critic, union.docks,
                DOCUMENT, "rule 14.2"), depot.get(0));
        assertThat(reason).isEqualTo("a charge is brought by a member of the charged member's own unit");
    }

    @Test
    void a_charge_against_someone_who_has_left_the_unit_is_not_voted_on() {
        ChargeId charge = heard();
        union.accept(new org.smolny.council.member.MemberCommand.Resign(critic), critic);

        String reason = union.reject(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(12, 12, 12, 0, 0)), null);

        assertThat(reason).isEqualTo("the member charged is no longer a member of this unit; a charge is decided by the member's own unit");
    }
}
