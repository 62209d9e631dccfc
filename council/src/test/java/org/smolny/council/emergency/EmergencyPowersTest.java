package org.smolny.council.emergency;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.VoteTally;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.council.scenario.TestOrganisation.unanimous;

/** Drill D6: emergency powers carry a sunset; they expire on their own unless the congress ratifies them. */
class EmergencyPowersTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 5);
    private final MandateId generalSecretary;

    EmergencyPowersTest() {
        union.passProbation();
        List<MemberId> delegates = List.of(docks.get(0));
        union.elect("congress-delegate", union.docks, docks.get(0), docks);
        generalSecretary = union.elect("general-secretary", union.national, docks.get(1), delegates);
    }

    private PowersId grant(int days) {
        PowersId powers = PowersId.generate(union.clock.instant());
        union.accept(new EmergencyCommand.GrantEmergencyPowers(powers, union.national, "national-executive", generalSecretary,
                "call and settle the national strike", days, unanimous(9)), null);
        return powers;
    }

    private static List<CouncilEvent> expiries(List<CouncilEvent> events) {
        return events.stream().filter(CouncilEvent.EmergencyPowersExpired.class::isInstance).toList();
    }

    @Test
    void emergency_powers_expire_at_their_sunset_unless_ratified() {
        PowersId powers = grant(60);
        union.passDays(59);
        assertThat(expiries(union.tick())).isEmpty();

        union.passDays(1);
        List<CouncilEvent> events = expiries(union.tick());

        assertThat(events).containsExactly(new CouncilEvent.EmergencyPowersExpired(powers, union.national));
        assertThat(union.council.state().emergencyPowers().find(powers).orElseThrow()).isInstanceOf(Powers.Expired.class);
        assertThat(union.record).filteredOn(entry -> entry.type().equals("emergency-powers.expired"))
                .singleElement().satisfies(entry -> assertThat(entry.by()).isNull());
    }

    @Test
    void emergency_powers_cannot_be_granted_for_longer_than_the_statutes_allow() {
        String reason = union.reject(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(union.clock.instant()), union.national,
                "national-executive", generalSecretary, "indefinite", 365, unanimous(9)), null);
        assertThat(reason).isEqualTo("emergency powers last from 1 to 60 days under the statutes, not 365");
    }

    @Test
    void the_congress_ratifies_for_at_most_the_statutory_length_and_they_still_expire() {
        PowersId powers = grant(30);
        union.passDays(20);
        union.accept(new EmergencyCommand.RatifyEmergencyPowers(powers, 60, new VoteTally(300, 250, 200, 40, 10)), null);
        union.passDays(59);
        assertThat(expiries(union.tick())).isEmpty();
        union.passDays(1);
        assertThat(expiries(union.tick())).containsExactly(new CouncilEvent.EmergencyPowersExpired(powers, union.national));
    }

    @Test
    void the_body_cannot_renew_its_own_grant() {
        grant(60);
        String renewal = union.reject(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(union.clock.instant()), union.national,
                "national-executive", generalSecretary, "again", 60, unanimous(9)), null);
        assertThat(renewal).contains("only the congress can extend them, by ratification");

        union.passDays(60);
        union.tick();
        String chained = union.reject(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(union.clock.instant()), union.national,
                "national-executive", generalSecretary, "again", 60, unanimous(9)), null);
        assertThat(chained).contains("expired unratified").contains("cannot grant new ones for 60 days");
    }

    @Test
    void expired_powers_cannot_be_revived_by_ratification() {
        PowersId powers = grant(10);
        union.clock.advance(Duration.ofDays(10));
        String reason = union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, new VoteTally(300, 250, 250, 0, 0)), null);
        assertThat(reason).isEqualTo("these emergency powers have expired: they cannot be revived by ratification");
    }

    @Test
    void a_ratification_needs_the_congress_majority() {
        PowersId powers = grant(30);
        String reason = union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, new VoteTally(300, 100, 100, 0, 0)), null);
        assertThat(reason).startsWith("the congress did not ratify: no quorum");
    }

    @Test
    void a_branch_cannot_hand_emergency_powers_to_a_national_officer() {
        String reason = union.reject(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(union.clock.instant()), union.docks,
                "branch-meeting", generalSecretary, "run the branch", 10, unanimous(5)), null);
        assertThat(reason).isEqualTo("a body grants emergency powers only to the holder of a mandate in its own unit or a unit below it");
    }
}
