package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A congress meets by the statutory interval, or when the members' petition forces it (drill D9). */
class ConvocationTest {

    private final CongressHall hall = new CongressHall();

    private CongressCommand.ConveneCongress convocation(ConveningKind kind, Instant opensAt) {
        return new CongressCommand.ConveneCongress(hall.congress, hall.union.national, kind, "congress-delegate", null, hall.chair, opensAt);
    }

    @Test
    void a_regular_congress_must_open_by_the_date_the_statutory_interval_sets() {
        Instant founded = hall.union.council.state().units().find(hall.union.national).orElseThrow().foundedAt();
        Instant due = founded.plus(Duration.ofDays(731));

        String reason = hall.union.reject(convocation(ConveningKind.REGULAR, due.plus(Duration.ofDays(1))), null);

        assertThat(reason).isEqualTo("the statutes require the congress to meet every 731 days: it must open by " + due
                + ", not " + due.plus(Duration.ofDays(1)));
        hall.union.accept(convocation(ConveningKind.REGULAR, due), null);
        assertThat(hall.state().convocation().kind()).isEqualTo(ConveningKind.REGULAR);
    }

    @Test
    void a_congress_forced_by_petition_needs_a_petition_that_reached_the_threshold_and_then_needs_no_leadership() {
        Instant inAMonth = hall.union.clock.instant().plus(Duration.ofDays(30));
        assertThat(hall.union.reject(convocation(ConveningKind.PETITION, inAMonth), hall.chair))
                .isEqualTo("no petition of the members has convened the congress of 'General Union': it needs 0.05 of the members' signatures");

        List<MemberId> docks = hall.members.get(hall.union.docks);
        ConveningId petition = ConveningId.generate(hall.union.clock.instant());
        hall.union.accept(new MeetingCommand.OpenConveningPetition(petition, "congress", hall.union.national), docks.get(10));
        for (MemberId signer : docks.subList(11, 15)) {
            hall.union.accept(new MeetingCommand.SignConveningPetition(petition), signer);
        }
        assertThat(hall.union.events(CouncilEvent.MeetingConvened.class)).hasSize(1);

        MemberId petitioner = docks.get(10);
        hall.union.accept(new CongressCommand.ConveneCongress(hall.congress, hall.union.national, ConveningKind.PETITION,
                "congress-delegate", null, petitioner, inAMonth), petitioner);

        assertThat(hall.state().convocation().convening()).isEqualTo(petition);
        assertThat(hall.union.reject(convocation(ConveningKind.PETITION, inAMonth), hall.chair)).contains("already convened");
    }

    @Test
    void opening_the_congress_counts_as_the_meeting_the_statutes_require() {
        hall.convenedAndOpen();

        CouncilEvent.MeetingHeld held = hall.union.events(CouncilEvent.MeetingHeld.class).getLast();
        assertThat(held.body()).isEqualTo("congress");
        assertThat(held.unit()).isEqualTo(hall.union.national);
        assertThat(hall.union.council.state().meetings().lastHeld(new org.smolny.council.meeting.BodyInUnit("congress", hall.union.national)))
                .contains(hall.union.clock.instant());
    }

    @Test
    void only_an_officer_of_the_unit_or_the_administrator_convenes_a_regular_congress() {
        Instant inAWeek = hall.union.clock.instant().plus(Duration.ofDays(7));
        String refusal = "only an officer of 'General Union' (the holder of a mandate in force in it) or the administrator"
                + " convenes its regular congress; the members convene it by petition";
        long before = hall.union.record.size();

        assertThat(hall.union.reject(convocation(ConveningKind.REGULAR, inAWeek), hall.chair)).isEqualTo(refusal);
        assertThat(hall.union.reject(convocation(ConveningKind.REGULAR, inAWeek), hall.delegate(hall.union.docks)))
                .as("a branch's delegate holds a mandate of the branch, not of the union").isEqualTo(refusal);
        assertThat(hall.union.record).hasSize((int) before);

        MemberId secretary = hall.members.get(hall.union.depot).get(3);
        hall.union.elect("general-secretary", hall.union.national, secretary, hall.delegates());
        hall.union.accept(convocation(ConveningKind.REGULAR, inAWeek), secretary);

        assertThat(hall.state().convocation().kind()).isEqualTo(ConveningKind.REGULAR);
        assertThat(hall.union.record.getLast().by()).isEqualTo(secretary);
    }

    @Test
    void delegates_are_holders_of_an_elective_post_never_appointees() {
        String reason = hall.union.reject(new CongressCommand.ConveneCongress(hall.congress, hall.union.national, ConveningKind.REGULAR,
                "regional-organiser", null, hall.chair, hall.union.clock.instant().plus(Duration.ofDays(7))), null);

        assertThat(reason).isEqualTo("post 'regional-organiser' is filled by appointment: congress delegates are elected");
    }

    @Test
    void a_congress_is_convened_for_the_whole_organisation_not_a_branch() {
        String reason = hall.union.reject(new CongressCommand.ConveneCongress(hall.congress, hall.union.docks, ConveningKind.REGULAR,
                "congress-delegate", null, hall.chair, hall.union.clock.instant().plus(Duration.ofDays(7))), hall.chair);

        assertThat(reason).isEqualTo("the congress ('congress') is the body of units of type 'national', not of 'Docks' (a branch)");
    }
}
