package org.smolny.council.statutes;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
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

    private String version2(String change) {
        return current.replace("version = 1", "version = 2").replace("threshold = 0.25", change);
    }

    @Test
    void the_congress_amends_the_statutes_by_two_thirds_and_the_new_version_is_in_force() {
        String text = version2("threshold = 0.2");

        List<CouncilEvent> events = union.accept(new StatutesCommand.AmendStatutes(text, new VoteTally(300, 240, 200, 40, 0)), null);

        CouncilEvent.StatutesAmended amended = (CouncilEvent.StatutesAmended) events.getFirst();
        assertThat(amended.version()).isEqualTo(2);
        Statutes inForce = union.council.state().statutes().current().orElseThrow();
        assertThat(inForce.recall().threshold()).isEqualTo(Share.of("0.2"));
        assertThat(amended.sha256()).isEqualTo(inForce.sha256());
    }

    @Test
    void an_amendment_short_of_two_thirds_is_refused() {
        String reason = union.reject(new StatutesCommand.AmendStatutes(version2("threshold = 0.2"), new VoteTally(300, 240, 150, 90, 0)), null);
        assertThat(reason).startsWith("the congress vote does not amend the statutes: not carried");
    }

    @Test
    void an_amendment_is_the_next_version() {
        String reason = union.reject(new StatutesCommand.AmendStatutes(current.replace("version = 1", "version = 3"),
                new VoteTally(300, 300, 300, 0, 0)), null);
        assertThat(reason).isEqualTo("the amended statutes must be version 2, not 3");
    }

    @Test
    void invalid_statutes_are_refused_with_their_lines() {
        String reason = union.reject(new StatutesCommand.AmendStatutes(version2("threshold = 2"), new VoteTally(300, 300, 300, 0, 0)), null);
        assertThat(reason).startsWith("the statutes are invalid: line ").contains("recall.threshold is a share");
    }

    @Test
    void an_amendment_cannot_drop_a_unit_type_in_use() {
        String text = current.replace("version = 1", "version = 2").replace("name = \"branch\"                 # a workplace or local branch",
                "name = \"section\"").replace("unit_type = \"branch\"", "unit_type = \"section\"").replace("\"branch-delegate\"", "\"branch-delegate\"");
        String reason = union.reject(new StatutesCommand.AmendStatutes(text, new VoteTally(300, 300, 300, 0, 0)), null);
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

        String reason = union.reject(new StatutesCommand.AmendStatutes(text, new VoteTally(300, 300, 300, 0, 0)), null);

        assertThat(reason).startsWith("the amended statutes drop post 'branch-secretary', which has mandates in force");
    }

    @Test
    void an_election_scheduled_for_a_post_the_amendment_made_appointive_is_refused_with_a_reason() {
        var members = union.admit(union.docks, 3);
        union.passProbation();
        var election = org.smolny.council.election.ElectionId.generate(union.clock.instant());
        union.accept(new org.smolny.council.election.ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(java.time.Duration.ofDays(30))), null);
        String text = current.replace("version = 1", "version = 2").replace(
                "name = \"branch-secretary\"\nunit_type = \"branch\"\nelective = true\nelectorate = \"branch-members\"\nterm_months = 24",
                "name = \"branch-secretary\"\nunit_type = \"branch\"\nelective = false");
        union.accept(new StatutesCommand.AmendStatutes(text, new VoteTally(300, 300, 300, 0, 0)), null);

        String reason = union.reject(new org.smolny.council.election.ElectionCommand.HoldOpenElection(election,
                java.util.List.of(new org.smolny.council.election.Ballot(members.get(0), java.util.List.of(members.get(1))))), null);

        assertThat(reason).isEqualTo("post 'branch-secretary' is no longer elective under the statutes in force");
    }
}
