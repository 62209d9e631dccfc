package org.smolny.count.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

class BltTest {
    private static final String SAMPLE = """
            4 2
            -4
            3 1 3 0
            (b7) 1 2=3 - 4 0
            2 9 1 0
            0
            "Alice"
            "Bob"
            "Carol"
            "Dmitri"
            "Union executive"
            """;

    @Test
    void reads_header_withdrawn_candidates_weights_equal_ranks_skips_and_names() {
        BallotBox box = Blt.read(SAMPLE);
        assertThat(box.seats()).isEqualTo(2);
        assertThat(box.candidates()).containsExactly("Alice", "Bob", "Carol", "Dmitri");
        assertThat(box.withdrawn()).containsExactly(3);
        assertThat(box.title()).isEqualTo("Union executive");
        assertThat(box.ballots()).hasSize(3);
        Ballot second = box.ballots().get(1);
        assertThat(second.weight()).isEqualTo(1);
        assertThat(second.rank(0)).containsExactly(1, 2);
        assertThat(second.rank(1)).isEmpty();
        assertThat(second.rank(2)).containsExactly(3);
        assertThat(second.line()).isEqualTo(4);
    }

    @Test
    void a_candidate_number_beyond_the_candidates_is_read_as_an_unknown_candidate() {
        assertThat(Blt.read(SAMPLE).ballots().get(2).rank(0)).containsExactly(Ballot.UNKNOWN);
    }

    @Test
    void a_ballot_without_its_zero_terminator_is_an_error_on_its_line() {
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 2 0\n1 2 1\n0\n\"A\"\n\"B\"\n\"T\"\n"))
                .isInstanceOf(BallotFileException.class).hasMessage("line 3: a ballot must end with 0")
                .extracting(e -> ((BallotFileException) e).line()).isEqualTo(3);
    }

    @Test
    void a_weight_that_is_not_a_positive_whole_number_is_an_error_on_its_line() {
        assertThatThrownBy(() -> Blt.read("2 1\n1.5 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n")).hasMessageStartingWith("line 2: ballot weight must be a whole number");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 0\n-3 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n")).hasMessageStartingWith("line 3: ballot weight must be positive");
    }

    @Test
    void a_file_with_a_bad_header_missing_end_marker_or_missing_names_names_the_line() {
        assertThatThrownBy(() -> Blt.read("two 1\n")).hasMessageStartingWith("line 1: number of candidates must be a whole number");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 0\n1 2 0\n")).hasMessageContaining("must end with a line '0'");
        assertThatThrownBy(() -> Blt.read("3 1\n1 1 0\n0\n\"A\"\n\"B\"\n")).hasMessageStartingWith("line 5: expected 3 candidate names");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 x 0\n0\n\"A\"\n\"B\"\n\"T\"\n")).hasMessageStartingWith("line 2: a preference must be a candidate number");
        assertThatThrownBy(() -> Blt.read("2 1\n-5\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n")).hasMessageStartingWith("line 2: withdrawn candidate -5");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 0\n0\nA\n\"B\"\n\"T\"\n")).hasMessageStartingWith("line 4: names and the title must be in double quotes");
    }

    @Test
    void a_source_and_a_comment_may_follow_the_title_as_in_wichmanns_files_but_nothing_more() {
        BallotBox box = Blt.read("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n\"Brian Wichmann\"\n\"validation data\"\n");
        assertThat(box.title()).isEqualTo("T");
        assertThat(box.candidates()).containsExactly("A", "B");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n\"S\"\n\"C\"\n\"more\"\n"))
                .hasMessageStartingWith("line 9: unexpected text after the title");
        assertThatThrownBy(() -> Blt.read("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n\"S\"\n\"C\"\nFirst Prefs\n"))
                .hasMessageStartingWith("line 9: names and the title must be in double quotes");
    }

    @Test
    void writing_and_reading_back_gives_the_same_ballot_box() {
        BallotBox known = Blt.read(SAMPLE.replace("2 9 1 0", "2 4 1 0"));
        BallotBox again = Blt.read(Blt.write(known, 2));
        assertThat(again.candidates()).isEqualTo(known.candidates());
        assertThat(again.withdrawn()).isEqualTo(known.withdrawn());
        assertThat(again.title()).isEqualTo(known.title());
        assertThat(again.seats()).isEqualTo(2);
        assertThat(again.ballots()).isEqualTo(known.ballots());
    }
}
