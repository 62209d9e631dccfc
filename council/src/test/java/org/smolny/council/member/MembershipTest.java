package org.smolny.council.member;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.VoteTally;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.council.scenario.TestOrganisation.unanimous;

/** Joining, probation, transfer, resignation and lapse. */
class MembershipTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final PersonalDataStore store = new InMemoryPersonalDataStore();

    private Commitment commitment(MemberId member) {
        return store.store(member, new PersonalData("Rosa Example", "rosa@example.org", "+44 20 7946 0000"));
    }

    @Test
    void a_branch_admits_a_member_by_its_vote_and_voting_rights_follow_probation() {
        MemberId member = MemberId.generate(union.clock.instant());

        List<CouncilEvent> events = union.accept(new MemberCommand.AdmitMember(member, union.docks, commitment(member), unanimous(20)), null);

        CouncilEvent.MemberAdmitted admitted = (CouncilEvent.MemberAdmitted) events.getFirst();
        assertThat(admitted.votingFrom()).isEqualTo(Instant.parse("2026-07-04T09:00:00Z"));
        Membership.Active active = union.council.state().members().active(member).orElseThrow();
        assertThat(active.votesAt(union.clock.instant())).isFalse();
        assertThat(active.votesAt(admitted.votingFrom())).isTrue();
    }

    @Test
    void admission_without_the_units_majority_is_refused() {
        MemberId member = MemberId.generate(union.clock.instant());
        String reason = union.reject(new MemberCommand.AdmitMember(member, union.docks, commitment(member), new VoteTally(20, 10, 4, 5, 1)), null);
        assertThat(reason).startsWith("not admitted: not carried: 4 for, 5 against");
    }

    @Test
    void members_join_branches_not_regions() {
        MemberId member = MemberId.generate(union.clock.instant());
        String reason = union.reject(new MemberCommand.AdmitMember(member, union.north, commitment(member), unanimous(20)), null);
        assertThat(reason).isEqualTo("members join a unit whose type admits members; 'North' is a region, which does not: members join [branch]");
    }

    @Test
    void a_transfer_keeps_seniority_and_voting_rights() {
        MemberId member = union.admit(union.docks);
        union.passProbation();
        union.accept(new MemberCommand.TransferMember(member, union.harbour, unanimous(8)), null);

        Membership.Active active = union.council.state().members().active(member).orElseThrow();
        assertThat(active.unit()).isEqualTo(union.harbour);
        assertThat(active.admittedAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(active.votesAt(union.clock.instant())).isTrue();
    }

    @Test
    void only_the_member_resigns_their_membership() {
        MemberId member = union.admit(union.docks);
        MemberId other = union.admit(union.docks);
        assertThat(union.reject(new MemberCommand.Resign(member), other)).isEqualTo("only the member can resign their own membership");
        union.accept(new MemberCommand.Resign(member), member);
        assertThat(union.council.state().members().find(member).orElseThrow())
                .isInstanceOfSatisfying(Membership.Former.class, former -> assertThat(former.departure()).isEqualTo(Membership.Departure.RESIGNED));
    }

    @Test
    void a_resigning_officer_leaves_their_post_to_a_by_election() {
        List<MemberId> docks = union.admit(union.docks, 5);
        union.passProbation();
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(0), docks);

        List<CouncilEvent> events = union.accept(new MemberCommand.Resign(docks.get(0)), docks.get(0));

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isEqualTo(new CouncilEvent.MandateRelinquished(secretary, union.docks, "the holder resigned from the organisation"));
        assertThat(events.get(2)).isInstanceOf(CouncilEvent.ElectionScheduled.class);
    }

    @Test
    void a_unit_records_a_lapsed_membership_with_its_reason() {
        MemberId member = union.admit(union.docks);
        union.accept(new MemberCommand.RecordLapse(member, "dues unpaid for six months"), null);
        assertThat(union.council.state().members().find(member).orElseThrow())
                .isInstanceOfSatisfying(Membership.Former.class, former -> assertThat(former.departure()).isEqualTo(Membership.Departure.LAPSED));
        assertThat(union.reject(new MemberCommand.RecordLapse(member, "again"), null)).isEqualTo("only a current membership can lapse");
    }

    @Test
    void a_member_id_is_never_reused() {
        MemberId member = union.admit(union.docks);
        String reason = union.reject(new MemberCommand.AdmitMember(member, union.depot, commitment(member), unanimous(5)), null);
        assertThat(reason).startsWith("member id " + member + " is already on the record");
    }

    @Test
    void a_member_who_transfers_away_leaves_the_posts_of_the_unit_they_left() {
        List<MemberId> docks = union.admit(union.docks, 5);
        union.passProbation();
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(0), docks);

        List<CouncilEvent> events = union.accept(new MemberCommand.TransferMember(docks.get(0), union.depot, unanimous(8)), null);

        assertThat(events.get(1)).isEqualTo(new CouncilEvent.MandateRelinquished(secretary, union.docks,
                "the holder transferred to a unit outside the electorate"));
        assertThat(events.get(2)).isInstanceOf(CouncilEvent.ElectionScheduled.class);
    }

    @Test
    void a_regional_officer_who_moves_to_another_branch_of_the_region_keeps_the_regional_post() {
        List<MemberId> docks = union.admit(union.docks, 5);
        union.passProbation();
        MandateId regional = union.elect("regional-secretary", union.north, docks.get(0), docks);

        List<CouncilEvent> events = union.accept(new MemberCommand.TransferMember(docks.get(0), union.depot, unanimous(8)), null);

        assertThat(events).hasSize(1);
        assertThat(union.council.state().mandates().active(regional)).isPresent();
    }
}
