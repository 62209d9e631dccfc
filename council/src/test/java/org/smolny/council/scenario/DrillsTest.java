package org.smolny.council.scenario;

import org.junit.jupiter.api.Test;
import org.smolny.council.command.Outcome;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.emergency.Powers;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.register.RegisterCommand;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.council.scenario.TestOrganisation.unanimous;

/**
 * The charter's drills against degeneration, each played as an attack on the domain core: the attack is refused,
 * or exposed on the record. (The HTTP end-to-end versions play the same scripts through the API.)
 */
class DrillsTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 20);

    DrillsTest() {
        union.passProbation();
    }

    @Test
    void drill_d3_a_flood_of_admissions_raises_the_indicator_and_cannot_vote_at_once() {
        List<MemberId> flood = union.admit(union.docks, 30);
        ElectionId election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(Duration.ofDays(7))), null);

        assertThat(union.reject(new ElectionCommand.HoldOpenElection(election, flood.stream()
                .map(newcomer -> new Ballot(newcomer, List.of(flood.getFirst()))).toList()), null)).contains("is not in the electorate");
        assertThat(new Indicators(union.council.state()).admissionSurge(union.docks, union.clock.instant()).raised()).isTrue();
    }

    @Test
    void drill_d4_the_leadership_cannot_expel_a_critic() {
        assertThat(union.reject(new ExpulsionCommand.ExpelDirectly(docks.getFirst(), union.national), null))
                .startsWith("no body above the member's own unit can expel a member");
        assertThat(union.council.state().members().active(docks.getFirst())).isPresent();
    }

    @Test
    void drill_d5_a_delegate_cannot_be_appointed_from_above() {
        assertThat(union.reject(new MandateCommand.AppointToPost(MandateId.generate(union.clock.instant()), "congress-delegate",
                union.docks, docks.getFirst()), null)).contains("is elective under the statutes").contains("an appointment is refused");
        assertThat(new Indicators(union.council.state()).mandateSources(union.national).appointed()).isZero();
    }

    @Test
    void drill_d6_emergency_powers_end_on_their_own() {
        MandateId secretary = union.elect("general-secretary", union.national, docks.getFirst(),
                List.of(union.council.state().mandates().find(union.elect("congress-delegate", union.docks, docks.getFirst(), docks))
                        .orElseThrow().holder()));
        PowersId powers = PowersId.generate(union.clock.instant());
        union.accept(new EmergencyCommand.GrantEmergencyPowers(powers, union.national, "national-executive", secretary,
                "run the union by decree", 60, unanimous(9)), null);
        union.passDays(60);

        union.tick();

        assertThat(union.council.state().emergencyPowers().find(powers).orElseThrow()).isInstanceOf(Powers.Expired.class);
        assertThat(union.events(CouncilEvent.EmergencyPowersExpired.class)).hasSize(1);
    }

    @Test
    void drill_d7_hidden_pay_above_the_cap_is_refused() {
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.getFirst(), docks);
        union.accept(new RegisterCommand.DeclareMedianWage(250_000, "EUR", "members' survey"), null);

        String reason = union.reject(new RegisterCommand.RecordPayment(PaymentId.generate(union.clock.instant()), docks.getFirst(),
                secretary, "2026-09", PaymentKind.BENEFIT, "a car all day", 400_000, "EUR", null), null);

        assertThat(reason).endsWith("refused unless the congress votes it");
        assertThat(union.council.state().register().payments()).isEmpty();
    }

    @Test
    void drill_d9_members_convene_the_body_the_leadership_stopped_convening() {
        union.passDays(100);
        assertThat(union.tick()).contains(new CouncilEvent.MeetingFlaggedOverdue("branch-meeting", union.docks,
                union.council.state().units().find(union.docks).orElseThrow().foundedAt().plus(Duration.ofDays(92))));
        ConveningId petition = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "branch-meeting", union.docks), docks.get(1));

        List<CouncilEvent> events = union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(2));

        assertThat(events).last().isInstanceOf(CouncilEvent.MeetingConvened.class);
    }

    @Test
    void drill_d10_a_delegate_who_ignores_the_branch_is_recalled_and_nobody_can_stop_it() {
        MandateId delegate = union.elect("congress-delegate", union.docks, docks.getFirst(), docks);
        MotionId motion = MotionId.generate(union.clock.instant());
        union.accept(new MandateCommand.InstructDelegate(delegate, union.docks, motion, Position.AGAINST, unanimous(20)), null);
        union.accept(new MandateCommand.RecordDelegateVote(delegate, motion, Position.FOR), docks.getFirst());
        PetitionId petition = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(petition, delegate), docks.get(1));
        assertThat(union.council.decide(new RecallCommand.VetoRecall(petition, union.national), docks.getFirst(), union.clock.instant()))
                .isInstanceOf(Outcome.Rejected.class);

        docks.subList(2, 5).forEach(signer -> union.accept(new RecallCommand.SignRecallPetition(petition), signer));
        union.accept(new RecallCommand.SignRecallPetition(petition), docks.get(5));

        assertThat(union.events(CouncilEvent.MandateRecalled.class)).containsExactly(new CouncilEvent.MandateRecalled(delegate, union.docks, petition));
        assertThat(union.council.state().mandates().active(delegate)).isEmpty();
    }
}
