package org.smolny.council.statutes;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.mandate.Position;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.OrgId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing the statutes is itself an act on the record, decided by the congress. */
class StatutesAmendmentTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final String current = TestOrganisation.read(TestOrganisation.NATIONAL_UNION);

    private boolean delegateElected;

    /** A congress of one delegate votes {@code position} on a statutes-amendment motion naming {@code text}'s digest. */
    private CongressVoteRef congressVotes(String text, Position position) {
        return congress(DecisionType.STATUTES_AMENDMENT, "Amend the statutes to version " + digest(text), position);
    }

    private CongressVoteRef congress(DecisionType type, String title, Position position) {
        if (!delegateElected) {
            var depot = union.admit(union.depot, 3);
            union.passProbation();
            union.elect("congress-delegate", union.depot, depot.get(0), depot);
            delegateElected = true;
        }
        return union.congressVotes(type, title, position);
    }

    private CongressVoteRef congressCarries(String text) {
        return congressVotes(text, Position.FOR);
    }

    private static String digest(String text) {
        return ((StatutesCheck.Valid) StatutesReader.read(text)).statutes().sha256();
    }

    private String version2(String change) {
        return current.replace("version = 1", "version = 2").replace("threshold = 0.25", change);
    }

    @Test
    void the_congress_amends_the_statutes_by_two_thirds_and_the_new_version_is_in_force() {
        String text = version2("threshold = 0.2");
        CongressVoteRef vote = congressCarries(text);

        List<CouncilEvent> events = union.accept(new StatutesCommand.AmendStatutes(text, vote), null);

        CouncilEvent.StatutesAmended amended = (CouncilEvent.StatutesAmended) events.getFirst();
        assertThat(amended.version()).isEqualTo(2);
        Statutes inForce = union.council.state().statutes().current().orElseThrow();
        assertThat(inForce.recall().threshold()).isEqualTo(Share.of("0.2"));
        assertThat(amended.sha256()).isEqualTo(inForce.sha256());
        assertThat(amended.congressVote()).isEqualTo(vote);
    }

    @Test
    void an_amendment_the_congress_voted_down_is_refused() {
        String text = version2("threshold = 0.2");
        CongressVoteRef lost = congressVotes(text, Position.AGAINST);

        String reason = union.reject(new StatutesCommand.AmendStatutes(text, lost), null);

        assertThat(reason).startsWith("the congress vote does not amend the statutes: the congress did not carry motion " + lost.motion())
                .contains("two thirds");
    }

    @Test
    void an_amendment_needs_a_statutes_amendment_motion_naming_this_very_text() {
        String text = version2("threshold = 0.2");
        CongressVoteRef otherText = congressCarries(version2("threshold = 0.3"));
        CongressVoteRef ordinary = congress(DecisionType.ORDINARY, "Amend the statutes to version " + digest(text), Position.FOR);

        assertThat(union.reject(new StatutesCommand.AmendStatutes(text, otherText), null))
                .startsWith("the congress vote does not amend the statutes: motion " + otherText.motion() + " does not name "
                        + digest(text));
        assertThat(union.reject(new StatutesCommand.AmendStatutes(text, ordinary), null))
                .contains("was a decision of type 'ordinary', not 'statutes_amendment'");
        assertThat(union.reject(new StatutesCommand.AmendStatutes(text, null), null))
                .isEqualTo("only the congress amends the statutes: name the congress and the motion it carried");
    }

    @Test
    void an_amendment_is_the_next_version() {
        String reason = union.reject(new StatutesCommand.AmendStatutes(current.replace("version = 1", "version = 3"),
                null), null);
        assertThat(reason).isEqualTo("the amended statutes must be version 2, not 3");
    }

    @Test
    void invalid_statutes_are_refused_with_their_lines() {
        String reason = union.reject(new StatutesCommand.AmendStatutes(version2("threshold = 2"), null), null);
        assertThat(reason).startsWith("the statutes are invalid: line ").contains("recall.threshold is a share");
    }

    @Test
    void an_amendment_cannot_drop_a_unit_type_in_use() {
        String text = current.replace("version = 1", "version = 2").replace("name = \"branch\"                 # a workplace or local branch",
                "name = \"section\"").replace("unit_type = \"branch\"", "unit_type = \"section\"").replace("\"branch-delegate\"", "\"branch-delegate\"");
        String reason = union.reject(new StatutesCommand.AmendStatutes(text, null), null);
        assertThat(reason).startsWith("the amended statutes drop unit type 'branch'");
    }

    @Test
    void statutes_are_adopted_once_and_nothing_happens_before() {
        Council council = new Council(OrgId.generate(Instant.parse("2026-01-01T00:00:00Z")));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(council.execute(new UnitCommand.FoundUnit(UnitId.generate(now), "national", null, "Union"), null, now).reason())
                .isEqualTo("the organisation has no statutes yet: adopt them first");
        assertThat(union.reject(new StatutesCommand.AdoptStatutes(current), null))
                .startsWith("the organisation already has statutes");
    }

    @Test
    void an_amendment_cannot_drop_a_post_whose_holders_are_in_office() {
        var members = union.admit(union.docks, 3);
        union.passProbation();
        union.elect("branch-secretary", union.docks, members.get(0), members);
        String text = current.replace("version = 1", "version = 2").replace("name = \"branch-secretary\"", "name = \"branch-convenor\"");

        String reason = union.reject(new StatutesCommand.AmendStatutes(text, null), null);

        assertThat(reason).startsWith("the amended statutes drop post 'branch-secretary', which has mandates in force");
    }

    @Test
    void an_election_scheduled_for_a_post_the_amendment_made_appointive_is_refused_with_a_reason() {
        String text = current.replace("version = 1", "version = 2").replace(
                "name = \"branch-secretary\"\nunit_type = \"branch\"\nelective = true\nelectorate = \"branch-members\"\nterm_months = 24",
                "name = \"branch-secretary\"\nunit_type = \"branch\"\nelective = false");
        CongressVoteRef vote = congressCarries(text);
        var members = union.admit(union.docks, 3);
        union.passProbation();
        var election = org.smolny.council.election.ElectionId.generate(union.clock.instant());
        union.accept(new org.smolny.council.election.ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(java.time.Duration.ofDays(30))), null);
        union.accept(new StatutesCommand.AmendStatutes(text, vote), null);

        String reason = union.reject(new org.smolny.council.election.ElectionCommand.HoldOpenElection(election,
                java.util.List.of(new org.smolny.council.election.Ballot(members.get(0), java.util.List.of(members.get(1))))), null);

        assertThat(reason).isEqualTo("post 'branch-secretary' is no longer elective under the statutes in force");
    }
}
