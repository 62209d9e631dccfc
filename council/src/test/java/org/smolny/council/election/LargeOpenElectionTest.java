package org.smolny.council.election;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An open election of thousands of named voters goes on the record in parts, each within the record's 64 KiB entry limit. */
class LargeOpenElectionTest {

    private static final int ENTRY_LIMIT = 65_535;

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 5_000);
    private final ElectionId election = ElectionId.generate(union.clock.instant());
    private final List<Entry> held;

    LargeOpenElectionTest() {
        union.passProbation();
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-delegate", union.docks, 2,
                union.clock.instant().plus(Duration.ofDays(10))), null);
        List<Ballot> ballots = new ArrayList<>();
        for (int index = 0; index < docks.size(); index++) {
            ballots.add(new Ballot(docks.get(index), index % 3 == 0 ? List.of(docks.get(1)) : List.of(docks.get(1), docks.get(2 + index % 2))));
        }
        held = union.run(new ElectionCommand.HoldOpenElection(election, ballots), null).entries();
    }

    @Test
    void a_branch_of_five_thousand_elects_its_delegates_by_named_vote_with_every_entry_within_the_limit() throws MalformedEntryException {
        CouncilEvent.ElectionHeld result = (CouncilEvent.ElectionHeld) held.getFirst().event();
        assertThat(result.elected()).containsExactly(docks.get(1), docks.get(3));
        assertThat(result.ballots()).isEmpty();
        assertThat(result.ballotCount()).isEqualTo(5_000);
        List<CouncilEvent.NamedBallotsRecorded> parts = held.stream().map(Entry::event)
                .filter(CouncilEvent.NamedBallotsRecorded.class::isInstance).map(CouncilEvent.NamedBallotsRecorded.class::cast).toList();
        assertThat(parts).hasSize(result.ballotParts()).hasSizeGreaterThan(1);
        assertThat(parts.stream().flatMap(part -> part.ballots().stream()).map(Ballot::voter).toList()).isEqualTo(docks);
        for (Entry entry : held) {
            assertThat(EntryCodec.toJson(entry).getBytes(StandardCharsets.UTF_8).length).isLessThan(ENTRY_LIMIT);
        }
        assertThat(union.council.state().elections().find(election).orElseThrow()).isInstanceOf(Election.Held.class);
        assertThat(union.council.state().elections().ballotsAwaited()).isEmpty();
        assertThat(union.council.state().mandates().activeFor("branch-delegate", union.docks)).hasSize(2);
    }

    @Test
    void rebuilding_the_record_of_a_large_election_from_json_gives_the_identical_state() throws MalformedEntryException {
        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : union.record) {
            decoded.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        assertThat(Council.rebuild(union.org, decoded).state()).isEqualTo(union.council.state());
    }

    @Test
    void a_record_whose_ballot_parts_were_altered_does_not_fold() {
        List<Entry> altered = new ArrayList<>(union.record);
        int index = altered.indexOf(held.get(1));
        CouncilEvent.NamedBallotsRecorded part = (CouncilEvent.NamedBallotsRecorded) held.get(1).event();
        List<Ballot> changed = new ArrayList<>(part.ballots());
        changed.set(0, new Ballot(changed.getFirst().voter(), List.of(docks.get(4))));
        altered.set(index, new Entry(held.get(1).org(), held.get(1).unit(), held.get(1).at(), held.get(1).by(),
                new CouncilEvent.NamedBallotsRecorded(part.election(), part.unit(), part.part(), changed)));

        assertThatThrownBy(() -> Council.rebuild(union.org, altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not have the digest");
    }

    @Test
    void a_record_missing_a_part_of_the_ballots_does_not_fold() {
        List<Entry> missing = new ArrayList<>(union.record);
        missing.remove(held.get(2));

        assertThatThrownBy(() -> Council.rebuild(union.org, missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of order");
    }
}
