package org.smolny.council.emergency;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.mandate.Position;
import org.smolny.council.statutes.DecisionType;
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
        union.accept(new EmergencyCommand.RatifyEmergencyPowers(powers, 60,
                union.congressCarries(DecisionType.EMERGENCY_RATIFICATION, "Ratify the emergency powers " + powers)), null);
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
        CongressVoteRef ratified = union.congressCarries(DecisionType.EMERGENCY_RATIFICATION, "Ratify the emergency powers " + powers);
        union.clock.advance(Duration.ofDays(10));
        String reason = union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, ratified), null);
        assertThat(reason).isEqualTo("these emergency powers have expired: they cannot be revived by ratification");
    }

    @Test
    void a_ratification_needs_a_closed_congress_vote_that_carried_a_motion_to_ratify_these_powers() {
        PowersId powers = grant(30);
        CongressVoteRef lost = union.congressVotes(DecisionType.EMERGENCY_RATIFICATION, "Ratify the emergency powers " + powers,
                Position.AGAINST);
        CongressVoteRef otherPowers = union.congressCarries(DecisionType.EMERGENCY_RATIFICATION, "Ratify the regional emergency powers");

        assertThat(union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, lost), null))
                .isEqualTo("the congress did not ratify: the congress did not carry motion " + lost.motion() + " ("
                        + union.council.state().congresses().find(lost.congress()).orElseThrow().results().getFirst().rule() + ")");
        assertThat(union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, otherPowers), null))
                .endsWith("does not name " + powers + ": the congress voted on another question");
        assertThat(union.reject(new EmergencyCommand.RatifyEmergencyPowers(powers, 30, null), null))
                .isEqualTo("only a vote of the congress ratifies emergency powers");
    }

    @Test
    void a_branch_cannot_hand_emergency_powers_to_a_national_officer() {
        String reason = union.reject(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(union.clock.instant()), union.docks,
                "branch-meeting", generalSecretary, "run the branch", 10, unanimous(5)), null);
        assertThat(reason).isEqualTo("a body grants emergency powers only to the holder of a mandate in its own unit or a unit below it");
    }
}
