package org.smolny.council.indicator;

import org.junit.jupiter.api.Test;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicators of how offices are filled: contested elections and offices concentrated in few hands. */
class OfficeIndicatorsTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 6);

    OfficeIndicatorsTest() {
        union.passProbation();
    }

    @Test
    void unopposed_elections_show_in_the_share_of_contested_ones() {
        union.elect("branch-secretary", union.docks, docks.get(0), docks);
        ElectionId contested = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(contested, "congress-delegate", union.docks, 1,
                union.clock.instant().plus(Duration.ofDays(7))), null);
        union.accept(new ElectionCommand.HoldOpenElection(contested, List.of(new Ballot(docks.get(1), List.of(docks.get(2))),
                new Ballot(docks.get(3), List.of(docks.get(2))), new Ballot(docks.get(4), List.of(docks.get(5))))), null);

        assertThat(new Indicators(union.council.state()).contests()).isEqualTo(new Indicators.Contests(2, 1));
    }

    @Test
    void a_member_holding_several_offices_is_shown() {
        union.elect("branch-secretary", union.docks, docks.get(0), docks);
        union.elect("congress-delegate", union.docks, docks.get(0), docks);
        union.elect("regional-secretary", union.north, docks.get(0), docks);
        union.elect("branch-delegate", union.docks, docks.get(1), docks);

        assertThat(new Indicators(union.council.state()).concentration())
                .containsExactly(new Indicators.Concentration(docks.get(0), 3));
    }
}
