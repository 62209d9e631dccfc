package org.smolny.count.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

class CdfTest {
    private static final String SAMPLE = """
            {
              "@type": "CVR.CastVoteRecordReport",
              "Election": [{
                "@id": "e1",
                "Candidate": [{"@id": "k1", "Name": "Alice"}, {"@id": "k2", "Name": "Bob"}, {"@id": "k3", "Name": "Carol"}],
                "Contest": [{"@id": "mayor", "Name": "Mayor", "ContestSelection": [
                  {"@id": "s1", "CandidateIds": ["k1"]}, {"@id": "s2", "CandidateIds": ["k2"]}, {"@id": "s3", "CandidateIds": ["k3"]}]}]
              }],
              "CVR": [
                {"CurrentSnapshotId": "b", "CVRSnapshot": [
                  {"@id": "a", "CVRContest": [{"ContestId": "mayor", "CVRContestSelection": [
                    {"ContestSelectionId": "s3", "SelectionPosition": [{"Rank": 1, "IsAllocable": "yes"}]}]}]},
                  {"@id": "b", "CVRContest": [{"ContestId": "mayor", "CVRContestSelection": [
                    {"ContestSelectionId": "s2", "SelectionPosition": [{"Rank": 1, "IsAllocable": "yes"}]},
                    {"ContestSelectionId": "s1", "SelectionPosition": [{"Rank": 3, "IsAllocable": "yes"}]},
                    {"ContestSelectionId": "s3", "SelectionPosition": [{"Rank": 2, "IsAllocable": "no"}]}]}]}]},
                {"CVRSnapshot": [{"@id": "c", "CVRContest": [{"ContestId": "mayor", "CVRContestSelection": [
                    {"ContestSelectionId": "s1", "SelectionPosition": [{"Rank": 1, "IsAllocable": "yes"}]},
                    {"ContestSelectionId": "s2", "SelectionPosition": [{"Rank": 1, "IsAllocable": "yes"}]},
                    {"ContestSelectionId": "s9", "SelectionPosition": [{"Rank": 2, "IsAllocable": "yes"}]}]}]}]}
              ]
            }
            """;

    @Test
    void reads_the_current_snapshot_ranks_and_leaves_out_positions_that_are_not_allocable() {
        BallotBox box = Cdf.read(SAMPLE);
        assertThat(box.title()).isEqualTo("Mayor");
        assertThat(box.candidates()).containsExactly("Alice", "Bob", "Carol");
        Ballot first = box.ballots().get(0);
        assertThat(first.rank(0)).containsExactly(1);
        assertThat(first.rank(1)).isEmpty();
        assertThat(first.rank(2)).containsExactly(0);
    }

    @Test
    void two_selections_at_one_rank_are_an_overvote_and_an_undeclared_selection_is_an_unknown_candidate() {
        Ballot second = Cdf.read(SAMPLE).ballots().get(1);
        assertThat(second.rank(0)).containsExactly(0, 1);
        assertThat(second.rank(1)).containsExactly(Ballot.UNKNOWN);
    }

    @Test
    void malformed_json_and_missing_parts_are_errors_on_their_line() {
        assertThatThrownBy(() -> Cdf.read("{\n  \"Election\": [\n    {\"Contest\": [}\n  ]\n}")).isInstanceOf(BallotFileException.class)
                .hasMessageStartingWith("line 3: malformed JSON");
        assertThatThrownBy(() -> Cdf.read("{\n\"Election\": [{\"Contest\": [{\"@id\": \"c\", \"ContestSelection\": []}]}]\n}"))
                .hasMessageStartingWith("line 1: the object is missing \"CVR\"");
        assertThatThrownBy(() -> Cdf.read(SAMPLE.replace("\"Rank\": 3", "\"Rank\": 0"))).hasMessageStartingWith("line 15: Rank must be at least 1");
    }

    @Test
    void writing_and_reading_back_gives_the_same_ballot_box() {
        BallotBox known = new BallotBox("Chair", List.of("Ana", "Ben", "Cai"), Set.of(), 1, List.of(
                new Ballot(1, new int[][] {{2}, {}, {0, 1}}, 0), Ballot.ranking(1, 1, 0), Ballot.ranking(1, 0)));
        BallotBox again = Cdf.read(Cdf.write(known, 1));
        assertThat(again.candidates()).isEqualTo(known.candidates());
        assertThat(again.title()).isEqualTo("Chair");
        assertThat(again.seats()).isEqualTo(1);
        assertThat(again.ballots()).isEqualTo(known.ballots());
    }

    @Test
    void reads_the_layout_rctab_writes_with_the_election_after_the_cvrs_and_allocability_unknown() {
        String text = """
                {
                  "@type" : "CVR.CastVoteRecordReport",
                  "CVR" : [ {
                    "@type" : "CVR.CVR", "BallotPrePrintedId" : "1", "CurrentSnapshotId" : "ballot-1", "ElectionId" : "election-001",
                    "CVRSnapshot" : [ { "@id" : "ballot-1", "@type" : "CVR.CVRSnapshot", "Type" : "original", "CVRContest" : [ {
                      "@type" : "CVR.CVRContest", "ContestId" : "contest-001", "CVRContestSelection" : [
                        { "@type" : "CVR.CVRContestSelection", "ContestSelectionId" : "cs-b", "SelectionPosition" : [
                          { "@type" : "CVR.SelectionPosition", "HasIndication" : "yes", "IsAllocable" : "unknown", "NumberVotes" : 1, "Rank" : 2 } ] },
                        { "@type" : "CVR.CVRContestSelection", "ContestSelectionId" : "cs-a", "SelectionPosition" : [
                          { "@type" : "CVR.SelectionPosition", "HasIndication" : "yes", "IsAllocable" : "unknown", "NumberVotes" : 1, "Rank" : 1 } ] } ] } ] } ]
                  } ],
                  "Election" : [ { "@id" : "election-001", "@type" : "CVR.Election",
                    "Candidate" : [ { "@id" : "candidate-a", "Name" : "Candidate A Name" }, { "@id" : "candidate-b", "Name" : "Candidate B Name" } ],
                    "Contest" : [ { "@id" : "contest-001", "@type" : "CandidateContest", "Name" : "Council",
                      "ContestSelection" : [ { "@id" : "cs-a", "@type" : "CandidateSelection", "CandidateIds" : [ "candidate-a" ] },
                                             { "@id" : "cs-b", "@type" : "CandidateSelection", "CandidateIds" : [ "candidate-b" ] } ] } ],
                    "ElectionScopeId" : "gpu-election" } ],
                  "GpUnit" : [ { "@id" : "gpu-election", "@type" : "CVR.GpUnit", "Type" : "other" } ],
                  "Version" : "1.0.0"
                }
                """;
        BallotBox box = Cdf.read(text, "Council");
        assertThat(box.candidates()).containsExactly("Candidate A Name", "Candidate B Name");
        assertThat(box.ballots()).singleElement().isEqualTo(Ballot.ranking(1, 0, 1));
    }

    @Test
    void weighted_ballots_cannot_be_written_as_cvrs() {
        BallotBox weighted = new BallotBox("", List.of("A"), Set.of(), 1, List.of(Ballot.ranking(5, 0)));
        assertThatThrownBy(() -> Cdf.write(weighted, 1)).hasMessageContaining("carry no weight");
    }
}
