package org.smolny.count.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

class CsvTest {
    private static final String SAMPLE = """
            #title,"Executive, 2026"
            #seats,2
            #candidates,Alice,Bob,"Carol ""CJ"" Jones"
            weight,1,2,3
            12,Alice,"Carol ""CJ"" Jones",
            1,Bob|Alice,,Zed
            3,,,
            """;

    @Test
    void reads_weights_quoted_names_overvotes_skipped_ranks_and_unknown_candidates() {
        BallotBox box = Csv.read(SAMPLE);
        assertThat(box.title()).isEqualTo("Executive, 2026");
        assertThat(box.seats()).isEqualTo(2);
        assertThat(box.candidates()).containsExactly("Alice", "Bob", "Carol \"CJ\" Jones");
        Ballot first = box.ballots().get(0);
        assertThat(first.weight()).isEqualTo(12);
        assertThat(first.rankCount()).isEqualTo(2);
        assertThat(first.rank(1)).containsExactly(2);
        Ballot second = box.ballots().get(1);
        assertThat(second.rank(0)).containsExactly(1, 0);
        assertThat(second.rank(1)).isEmpty();
        assertThat(second.rank(2)).containsExactly(Ballot.UNKNOWN);
        assertThat(box.ballots().get(2).isEmpty()).isTrue();
    }

    @Test
    void without_declared_candidates_the_names_met_are_the_candidates_in_order() {
        BallotBox box = Csv.read("1,2\nBob,Alice\nAlice,Carol\n");
        assertThat(box.candidates()).containsExactly("Bob", "Alice", "Carol");
        assertThat(box.ballots()).allSatisfy(b -> assertThat(b.weight()).isEqualTo(1));
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_or_a_bad_weight_is_an_error_on_its_line() {
        assertThatThrownBy(() -> Csv.read("weight,1,2\n1,A,B\n2,A\n")).isInstanceOf(BallotFileException.class)
                .hasMessage("line 3: expected 3 cells as in the header, found 2");
        assertThatThrownBy(() -> Csv.read("weight,1\n1,A\nten,B\n")).hasMessageStartingWith("line 3: weight must be a whole number");
        assertThatThrownBy(() -> Csv.read("weight,1\n0,A\n")).hasMessageStartingWith("line 2: weight must be positive");
        assertThatThrownBy(() -> Csv.read("1,2\n\"A,B\n")).hasMessageStartingWith("line 2: unterminated double quote");
        assertThatThrownBy(() -> Csv.read("#seats,x\n1\nA\n")).hasMessageStartingWith("line 1: #seats must be a whole number");
    }

    @Test
    void writing_and_reading_back_gives_the_same_ballot_box() {
        BallotBox known = Csv.read(SAMPLE.replace("Zed", "Alice"));
        BallotBox again = Csv.read(Csv.write(known, 2));
        assertThat(again.candidates()).isEqualTo(known.candidates());
        assertThat(again.title()).isEqualTo(known.title());
        assertThat(again.ballots()).isEqualTo(known.ballots());
    }
}
