package org.smolny.council.meeting;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D9: the leadership stops convening a body; the overdue meeting is flagged and members convene it themselves. */
class MeetingsTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 30);
    private final Instant founded = union.council.state().units().find(union.docks).orElseThrow().foundedAt();

    MeetingsTest() {
        union.passProbation();
    }

    private List<CouncilEvent> flagsFor(List<CouncilEvent> events, String body) {
        return events.stream().filter(event -> event instanceof CouncilEvent.MeetingFlaggedOverdue flagged
                && flagged.body().equals(body) && flagged.unit().equals(union.docks)).toList();
    }

    @Test
    void a_body_that_does_not_meet_within_its_statutory_interval_is_flagged_once() {
        List<CouncilEvent> events = union.tick();

        assertThat(flagsFor(events, "branch-meeting")).containsExactly(
                new CouncilEvent.MeetingFlaggedOverdue("branch-meeting", union.docks, founded.plus(Duration.ofDays(92))));
        assertThat(flagsFor(union.tick(), "branch-meeting")).isEmpty();
        assertThat(new Indicators(union.council.state()).overdueMeetings(union.clock.instant()))
                .contains(new Indicators.OverdueMeeting("branch-meeting", union.docks, founded.plus(Duration.ofDays(92))));
    }

    @Test
    void a_meeting_resets_the_statutory_interval() {
        union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), null);
        union.passDays(92);
        assertThat(flagsFor(union.tick(), "branch-meeting")).isEmpty();
        union.passDays(1);
        assertThat(flagsFor(union.tick(), "branch-meeting")).hasSize(1);
    }

    @Test
    void members_convene_their_branch_meeting_by_petition_without_the_leadership() {
        ConveningId petition = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "branch-meeting", union.docks), docks.get(0));
        // 30 members, threshold 0.1: three signatures convene the meeting.
        union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(1));

        List<CouncilEvent> events = union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(2));

        assertThat(events).last().isEqualTo(new CouncilEvent.MeetingConvened(petition, "branch-meeting", union.docks,
                union.clock.instant().plus(Duration.ofDays(14))));
        List<CouncilEvent> held = union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), docks.get(0));
        assertThat(held).containsExactly(new CouncilEvent.MeetingHeld("branch-meeting", union.docks, petition));
    }

    @Test
    void a_convened_meeting_that_is_not_held_in_time_is_flagged() {
        union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), null);
        ConveningId petition = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "branch-meeting", union.docks), docks.get(0));
        union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(1));
        union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(2));
        Instant meetBy = union.clock.instant().plus(Duration.ofDays(14));
        union.passDays(15);

        assertThat(flagsFor(union.tick(), "branch-meeting")).containsExactly(
                new CouncilEvent.MeetingFlaggedOverdue("branch-meeting", union.docks, meetBy));
    }

    @Test
    void members_on_probation_do_not_petition() {
        MemberId newcomer = union.admit(union.docks);
        String reason = union.reject(new MeetingCommand.OpenConveningPetition(ConveningId.generate(union.clock.instant()),
                "branch-meeting", union.docks), newcomer);
        assertThat(reason).isEqualTo("only a full member of 'Docks' (past probation) can petition to convene its branch-meeting");
    }

    @Test
    void a_petition_is_signed_once_per_member() {
        ConveningId petition = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "branch-meeting", union.docks), docks.get(0));
        assertThat(union.reject(new MeetingCommand.SignConveningPetition(petition), docks.get(0))).isEqualTo("you have already signed this petition");
    }

    @Test
    void a_body_of_another_unit_type_is_refused() {
        String reason = union.reject(new MeetingCommand.HoldMeeting("congress", union.docks), null);
        assertThat(reason).isEqualTo("body 'congress' belongs to units of type 'national', not to 'Docks'");
    }

    @Test
    void members_convene_an_extraordinary_congress() {
        ConveningId petition = ConveningId.generate(union.clock.instant());
        // The congress convening threshold is 5% of all members: 30 members, so two signatures.
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "congress", union.national), docks.get(0));
        List<CouncilEvent> events = union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(1));
        assertThat(events).last().isEqualTo(new CouncilEvent.MeetingConvened(petition, "congress", union.national,
                union.clock.instant().plus(Duration.ofDays(90))));
    }

    @Test
    void a_meeting_held_on_the_officers_call_names_no_petition_once_the_convened_meeting_has_met() {
        ConveningId petition = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(petition, "branch-meeting", union.docks), docks.get(0));
        union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(1));
        union.accept(new MeetingCommand.SignConveningPetition(petition), docks.get(2));
        assertThat(union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), null))
                .containsExactly(new CouncilEvent.MeetingHeld("branch-meeting", union.docks, petition));
        union.passDays(30);

        assertThat(union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), null))
                .containsExactly(new CouncilEvent.MeetingHeld("branch-meeting", union.docks, null));
    }
}
