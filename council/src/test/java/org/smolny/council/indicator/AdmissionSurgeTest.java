package org.smolny.council.indicator;

import org.junit.jupiter.api.Test;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D3: a flood of admissions is exposed by the cohort indicator and cannot outvote the existing members. */
class AdmissionSurgeTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> existing = union.admit(union.docks, 40);

    AdmissionSurgeTest() {
        union.admit(union.depot, 40);
        union.passProbation();
        union.passDays(200);
    }

    @Test
    void a_flood_of_admissions_raises_the_sudden_shift_indicator_of_the_unit() {
        Indicators before = new Indicators(union.council.state());
        assertThat(before.raisedSurges(union.clock.instant())).isEmpty();

        union.admit(union.docks, 60);

        Indicators after = new Indicators(union.council.state());
        assertThat(after.admissionSurge(union.docks, union.clock.instant()))
                .isEqualTo(new Indicators.AdmissionSurge(union.docks, 60, 100, true));
        assertThat(after.raisedSurges(union.clock.instant())).extracting(Indicators.AdmissionSurge::unit)
                .containsExactlyInAnyOrder(union.docks, union.north, union.national);
        assertThat(after.admissionSurge(union.depot, union.clock.instant()).raised()).isFalse();
    }

    @Test
    void membership_by_joining_cohort_is_public() {
        union.admit(union.docks, 60);
        assertThat(new Indicators(union.council.state()).membershipByCohort(union.docks))
                .containsExactly(java.util.Map.entry("2026-Q1", 40), java.util.Map.entry("2027-Q1", 60));
    }

    @Test
    void the_flood_cannot_vote_before_its_probation_ends() {
        List<MemberId> flood = union.admit(union.docks, 60);
        ElectionId election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(Duration.ofDays(10))), null);
        List<Ballot> ballots = new ArrayList<>();
        flood.forEach(newcomer -> ballots.add(new Ballot(newcomer, List.of(existing.get(0)))));

        String reason = union.reject(new ElectionCommand.HoldOpenElection(election, ballots), null);

        assertThat(reason).startsWith(flood.get(0) + " is not in the electorate 'branch-members'");
    }

    @Test
    void the_indicator_falls_once_the_window_has_passed() {
        union.admit(union.docks, 60);
        union.passDays(91);
        assertThat(new Indicators(union.council.state()).admissionSurge(union.docks, union.clock.instant()).raised()).isFalse();
    }
}
