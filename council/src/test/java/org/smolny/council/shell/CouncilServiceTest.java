package org.smolny.council.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.projection.CouncilState;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.DatabaseAudit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CouncilServiceTest {

    @TempDir
    Path folder;
    private ShellOrganisation union;

    @AfterEach
    void close() {
        if (union != null) {
            union.close();
        }
    }

    @Test
    void an_accepted_command_is_on_the_record_and_in_the_query_tables_and_survives_a_restart() {
        union = new ShellOrganisation(folder);
        MemberId member = union.admit(union.docks);

        assertThat(union.store.size()).isEqualTo(5);
        assertThat(union.text(handle -> handle.createQuery(
                "SELECT status FROM council_member WHERE member_id = :m").bind("m", member.toString()).mapTo(String.class).one()))
                .isEqualTo("active");
        CouncilState before = union.council.read(state -> CouncilState.rebuild(List.of()));
        union.reopen();

        assertThat(union.activeMember(member)).isPresent();
        assertThat(union.council.read(CouncilState::entryCount).longValue()).isEqualTo(5);
        assertThat(before.entryCount()).isZero();
    }

    @Test
    void a_refused_command_writes_nothing_and_says_why() {
        union = new ShellOrganisation(folder);
        MemberId member = union.admit(union.docks);
        long size = union.store.size();

        CommandResult result = union.council.execute(new MemberCommand.Resign(member), MemberId.generate(union.clock.instant()));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Refused.class, refused -> assertThat(refused.reason()).isNotBlank());
        assertThat(union.store.size()).isEqualTo(size);
        assertThat(union.activeMember(member)).isPresent();
    }

    @Test
    void rebuild_check_finds_the_live_tables_identical_to_the_record_and_names_a_tampered_row() throws Exception {
        union = new ShellOrganisation(folder);
        List<MemberId> docks = union.admit(union.docks, 8);
        union.passProbation();
        MandateId delegate = union.elect("branch-delegate", union.docks, docks.get(0), docks);
        PetitionId petition = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(petition, delegate), docks.get(1));
        union.accept(new RecallCommand.SignRecallPetition(petition), docks.get(2));

        assertThat(Rebuild.check(union.store, folder.resolve("work"))).isInstanceOf(Rebuild.Identical.class);

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + union.database);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE council_mandate SET status = 'expired' WHERE mandate_id = '" + delegate + "'");
        }
        Rebuild.Report report = Rebuild.check(union.store, folder.resolve("work"));

        assertThat(report).isInstanceOfSatisfying(Rebuild.Different.class, different -> assertThat(different.difference())
                .contains("council_mandate").contains("status").contains("'expired' in the live table").contains("'recalled' rebuilt from the record"));

        Rebuild.inPlace(union.store);
        assertThat(Rebuild.check(union.store, folder.resolve("work"))).isInstanceOf(Rebuild.Identical.class);
    }

    @Test
    void a_recall_at_the_threshold_ends_the_mandate_in_the_state_and_the_tables() {
        union = new ShellOrganisation(folder);
        List<MemberId> docks = union.admit(union.docks, 8);
        union.passProbation();
        MandateId delegate = union.elect("branch-delegate", union.docks, docks.get(0), docks);
        PetitionId petition = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(petition, delegate), docks.get(1));

        union.accept(new RecallCommand.SignRecallPetition(petition), docks.get(2));

        assertThat(union.mandate(delegate)).isInstanceOf(Mandate.Ended.class);
        assertThat(union.text(handle -> handle.createQuery(
                "SELECT status FROM council_mandate WHERE mandate_id = :m").bind("m", delegate.toString()).mapTo(String.class).one()))
                .isEqualTo("recalled");
        assertThat(union.text(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM council_election WHERE kind = 'by-election' AND status = 'scheduled'").mapTo(String.class).one()))
                .isEqualTo("1");
    }

    @Test
    void erasing_a_member_removes_their_personal_data_and_the_record_still_verifies() throws Exception {
        union = new ShellOrganisation(folder);
        MemberId member = union.admit(union.docks);
        var commitment = union.council.read(state -> state.members().active(member).orElseThrow().commitment());
        assertThat(union.council.opening(member).orElseThrow().opens(commitment)).isTrue();

        assertThat(union.council.erase(member)).isTrue();

        assertThat(union.council.person(member)).isEmpty();
        assertThat(union.council.erase(member)).isFalse();
        assertThat(union.activeMember(member)).isPresent();
        AuditReport audit = DatabaseAudit.auditSqlite(union.database, org.smolny.record.audit.TrustedKeys.none());
        assertThat(audit.problems()).isEmpty();
        assertThat(audit.entries()).isEqualTo(5);
        String record = new String(union.store.entry(4).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(record).contains(member.toString()).contains(commitment.sha256()).doesNotContain("Member 1").doesNotContain("m1@example.org");
    }

    @Test
    void an_open_election_of_eight_hundred_named_voters_is_recorded_in_parts_the_record_can_hold() {
        union = new ShellOrganisation(folder);
        List<MemberId> docks = new java.util.ArrayList<>();
        List<java.util.concurrent.CompletableFuture<CommandResult>> admissions = new java.util.ArrayList<>();
        for (int index = 0; index < 800; index++) {
            MemberId member = MemberId.generate(union.clock.instant());
            docks.add(member);
            admissions.add(union.council.admitAsync(member, union.docks,
                    new org.smolny.council.member.PersonalData("Member " + index, "", ""), new org.smolny.council.statutes.VoteTally(12, 12, 12, 0, 0), null));
        }
        admissions.forEach(admission -> assertThat(admission.join()).isInstanceOf(CommandResult.Recorded.class));
        union.passProbation();
        org.smolny.council.election.ElectionId election = org.smolny.council.election.ElectionId.generate(union.clock.instant());
        union.accept(new org.smolny.council.election.ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(java.time.Duration.ofDays(14))), null);
        long size = union.store.size();

        CommandResult result = union.council.execute(new org.smolny.council.election.ElectionCommand.HoldOpenElection(election,
                docks.stream().map(voter -> new org.smolny.council.election.Ballot(voter, List.of(docks.get(0)))).toList()), null);

        assertThat(result).isInstanceOf(CommandResult.Recorded.class);
        long parts = union.store.size() - size - 2;
        assertThat(parts).isGreaterThan(1);
        for (long index = size; index < union.store.size(); index++) {
            assertThat(union.store.entry(index).bytes().length).isLessThan(65_535);
        }
        CouncilState live = union.council.read(state -> state);
        assertThat(live.elections().find(election).orElseThrow()).isInstanceOf(org.smolny.council.election.Election.Held.class);
        assertThat(live.elections().ballotsAwaited()).isEmpty();
        union.reopen();
        org.smolny.council.election.Election reopened = union.council.read(state -> state.elections().find(election).orElseThrow());
        java.util.Set<org.smolny.council.election.ElectionId> awaited = union.council.read(state -> state.elections().ballotsAwaited());
        List<MemberId> holders = union.council.read(state -> state.mandates().activeFor("branch-secretary", union.docks).stream()
                .map(org.smolny.council.mandate.Mandate::holder).toList());
        assertThat(reopened).isInstanceOf(org.smolny.council.election.Election.Held.class);
        assertThat(awaited).isEmpty();
        assertThat(holders).containsExactly(docks.get(0));
    }
}
