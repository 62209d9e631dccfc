package org.smolny.count.schulze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Csv;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;

class SchulzeTest {
    @Test
    void candidates_ranked_equally_prefer_neither_and_unranked_candidates_come_last() {
        BallotBox box = Csv.read("weight,1,2\n3,A|B,C\n2,C,\n");
        CountReport r = new Schulze().count(box, CountOptions.seats(1));
        List<List<Long>> d = r.pairwise().preferences();
        assertThat(d.get(0).get(1)).isZero();
        assertThat(d.get(0).get(2)).isEqualTo(3);
        assertThat(d.get(2).get(0)).isEqualTo(2);
        assertThat(d.get(2).get(1)).isEqualTo(2);
    }

    @Test
    void a_tie_between_potential_winners_is_broken_by_the_tie_breaking_ranking_given_as_data() {
        BallotBox box = Csv.read("1,2\nA,B\nB,A\n");
        CountReport first = new Schulze().count(box, CountOptions.seats(1).withLotOrder(List.of("B", "A")));
        assertThat(first.elected()).containsExactly("B");
        assertThat(first.tieBreaks()).singleElement().asString().contains("tie-breaking ranking").contains("B > A");
        CountReport second = new Schulze().count(box, CountOptions.seats(1).withLotOrder(List.of("A", "B")));
        assertThat(second.elected()).containsExactly("A");
    }

    @Test
    void several_seats_go_to_the_top_of_the_schulze_ranking() {
        BallotBox box = Csv.read("weight,1,2,3\n5,A,B,C\n4,B,C,A\n2,C,A,B\n");
        CountReport r = new Schulze().count(box, CountOptions.seats(2));
        // cycle A > B (7:4), B > C (9:2), C > A (6:5); the weakest defeat C > A is overruled: A, B, C
        assertThat(r.ranking()).containsExactly("A", "B", "C");
        assertThat(r.elected()).containsExactly("A", "B");
    }
}
