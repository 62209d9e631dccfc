package org.smolny.count.plurality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Csv;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;

class SingleRoundCountTest {
    private static final BallotBox BOX = Csv.read("""
            #candidates,Ana,Ben,Cai,Dee
            weight,1,2,3
            40,Ana,Ben,
            25,Ben,Cai,Dee
            20,Cai,,
            15,Dee,Ben,Ana
            """);

    @Test
    void plurality_elects_the_candidates_with_the_most_first_preferences_by_weight() {
        CountReport r = new SingleRoundCount(SingleRoundCount.Kind.PLURALITY).count(BOX, CountOptions.seats(2));
        assertThat(r.elected()).containsExactly("Ana", "Ben");
        assertThat(r.round(1).votesOf("Cai")).isEqualTo("20");
        assertThat(r.ranking()).containsExactly("Ana", "Ben", "Cai", "Dee");
    }

    @Test
    void approval_counts_every_marked_candidate_once() {
        CountReport r = new SingleRoundCount(SingleRoundCount.Kind.APPROVAL).count(BOX, CountOptions.seats(1));
        assertThat(r.round(1).votesOf("Ben")).isEqualTo("80");
        assertThat(r.elected()).containsExactly("Ben");
    }

    @Test
    void a_block_ballot_marking_more_candidates_than_seats_is_set_aside_and_counted_as_an_overvote() {
        CountReport r = new SingleRoundCount(SingleRoundCount.Kind.BLOCK).count(BOX, CountOptions.seats(2));
        assertThat(r.problems().rejectedOvervotes()).isEqualTo(2);
        assertThat(r.round(1).votesOf("Ben")).isEqualTo("40");
        assertThat(r.round(1).votesOf("Dee")).isEqualTo("0");
        assertThat(r.problems().validWeight()).isEqualTo(60);
    }

    @Test
    void a_tie_for_the_last_seat_is_decided_by_lot_and_recorded() {
        BallotBox tie = Csv.read("1\nAna\nBen\nCai\nCai\n");
        CountReport r = new SingleRoundCount(SingleRoundCount.Kind.PLURALITY).count(tie, CountOptions.seats(2).withLotOrder(List.of("Ben", "Cai", "Ana")));
        assertThat(r.elected()).containsExactly("Cai", "Ben");
        assertThat(r.tieBreaks()).singleElement().asString().contains("decided by lot for Ben");
    }
}
