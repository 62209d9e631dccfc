package org.smolny.count.stv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;

class ScottishStvTest {
    private final ScottishStv stv = new ScottishStv();

    private static BallotBox blt(int candidates, String ballots) {
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < candidates; c++) names.append('"').append((char) ('A' + c)).append("\"\n");
        return Blt.read(candidates + " 1\n" + ballots + "0\n" + names + "\"T\"\n");
    }

    @Test
    void the_quota_is_valid_papers_over_seats_plus_one_ignoring_decimals_plus_one() {
        // Edinburgh council's illustration: 1,000 votes, 2 seats -> 334; and rule 46 for 5,000 votes, 4 seats: 1000 + 1.
        assertThat(stv.count(blt(3, "500 1 0\n300 2 0\n200 3 0\n"), CountOptions.seats(2)).round(1).quota()).isEqualTo("334.00000");
        assertThat(stv.count(blt(5, "1500 1 0\n1200 2 0\n1000 3 0\n800 4 0\n500 5 0\n"), CountOptions.seats(4)).round(1).quota()).isEqualTo("1001.00000");
    }

    @Test
    void transfer_values_are_truncated_to_five_decimal_places_and_the_remainder_is_lost() {
        // 9 votes, 2 seats: quota 4; A has 7, surplus 3; value 3 x 1 / 7 = 0.428571... -> 0.42857
        CountReport r = stv.count(blt(3, "4 1 2 0\n3 1 3 0\n1 2 0\n1 3 0\n"), CountOptions.seats(2));
        Round second = r.round(2);
        assertThat(second.transfers()).extracting(t -> t.to() + "@" + t.transferValue() + "=" + t.votes())
                .containsExactly("B@0.42857=1.71428", "C@0.42857=1.28571");
        assertThat(second.votesOf("A")).isEqualTo("4.00000");
        assertThat(second.exhausted()).isEqualTo("0.00001");
    }

    @Test
    void a_tie_for_exclusion_is_decided_by_the_most_recent_earlier_stage_with_unequal_votes() {
        // stage 1: A 5, B 3, C 2, D 1 (D > C); D excluded; stage 2: B 3, C 3 tie; at stage 1 C had fewer
        CountReport r = stv.count(blt(4, "5 1 0\n3 2 0\n2 3 0\n1 4 3 0\n"), CountOptions.seats(1));
        assertThat(r.round(2).eliminated()).containsExactly("D");
        assertThat(r.round(3).eliminated()).containsExactly("C");
        assertThat(r.tieBreaks()).singleElement().asString().contains("stage 1").doesNotContain("lot");
        assertThat(r.elected()).containsExactly("A");
    }

    @Test
    void a_tie_equal_at_every_stage_is_decided_by_lot_and_recorded() {
        BallotBox box = blt(3, "4 1 0\n2 2 0\n2 3 0\n");
        CountReport one = stv.count(box, CountOptions.seats(1).withLotOrder(List.of("B", "C", "A")));
        assertThat(one.round(2).eliminated()).containsExactly("C");
        assertThat(one.tieBreaks()).singleElement().asString().contains("decided by lot").contains("B > C > A");
        CountReport other = stv.count(box, CountOptions.seats(1).withLotOrder(List.of("C", "B", "A")));
        assertThat(other.round(2).eliminated()).containsExactly("B");
    }

    @Test
    void a_seeded_lot_gives_the_same_result_every_time() {
        BallotBox box = blt(3, "4 1 0\n2 2 0\n2 3 0\n");
        CountReport first = stv.count(box, CountOptions.seats(1).withLotSeed("congress-2026"));
        CountReport second = stv.count(box, CountOptions.seats(1).withLotSeed("congress-2026"));
        assertThat(first.round(2).eliminated()).isEqualTo(second.round(2).eliminated());
        assertThat(first.tieBreaks()).isEqualTo(second.tieBreaks()).singleElement().asString().contains("congress-2026");
    }

    @Test
    void a_card_vote_of_weight_w_counts_as_w_identical_ballots() {
        BallotBox weighted = blt(4, "7 1 2 0\n3 2 3 0\n5 3 4 0\n2 4 1 0\n");
        StringBuilder repeated = new StringBuilder();
        for (String line : List.of("7 1 2 0", "3 2 3 0", "5 3 4 0", "2 4 1 0")) {
            int w = Integer.parseInt(line.substring(0, 1));
            for (int i = 0; i < w; i++) repeated.append("1").append(line.substring(1)).append('\n');
        }
        CountReport a = stv.count(weighted, CountOptions.seats(2));
        CountReport b = stv.count(blt(4, repeated.toString()), CountOptions.seats(2));
        assertThat(a.elected()).isEqualTo(b.elected());
        assertThat(a.rounds()).extracting(Round::tallies).isEqualTo(b.rounds().stream().map(Round::tallies).toList());
    }

    @Test
    void votes_held_plus_votes_exhausted_equal_the_valid_votes_at_every_stage() {
        Random random = new Random(42);
        for (int election = 0; election < 30; election++) {
            int candidates = 4 + random.nextInt(6);
            StringBuilder ballots = new StringBuilder();
            long total = 0;
            for (int b = 0; b < 60; b++) {
                int w = 1 + random.nextInt(9);
                total += w;
                ballots.append(w);
                List<Integer> order = new java.util.ArrayList<>();
                for (int c = 1; c <= candidates; c++) order.add(c);
                java.util.Collections.shuffle(order, random);
                for (int k = 0; k < 1 + random.nextInt(candidates); k++) ballots.append(' ').append(order.get(k));
                ballots.append(" 0\n");
            }
            int seats = 1 + random.nextInt(candidates - 1);
            CountReport r = stv.count(blt(candidates, ballots.toString()), CountOptions.seats(seats));
            assertThat(r.elected()).hasSize(seats).doesNotHaveDuplicates();
            for (Round round : r.rounds()) {
                BigDecimal sum = new BigDecimal(round.exhausted());
                for (Tally t : round.tallies()) sum = sum.add(new BigDecimal(t.votes()));
                assertThat(sum).as("election %d round %d", election, round.number()).isEqualByComparingTo(BigDecimal.valueOf(total));
            }
        }
    }

    @Test
    void more_seats_than_standing_candidates_cannot_be_counted() {
        assertThatThrownBy(() -> stv.count(blt(2, "1 1 0\n"), CountOptions.seats(3))).isInstanceOf(CountException.class)
                .hasMessageContaining("cannot fill 3 seats with 2");
    }
}
