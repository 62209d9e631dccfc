package org.smolny.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;

class WigmAndMeekTest {
    private static BallotBox blt(int candidates, String ballots) {
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < candidates; c++) names.append('"').append((char) ('A' + c)).append("\"\n");
        return Blt.read(candidates + " 1\n" + ballots + "0\n" + names + "\"T\"\n");
    }

    @Test
    void wigm_keeps_transfer_values_as_exact_fractions_so_nothing_is_lost_to_rounding() {
        CountReport r = new WigmStv().count(blt(3, "4 1 2 0\n3 1 3 0\n1 2 0\n1 3 0\n"), CountOptions.seats(2));
        Round second = r.round(2);
        assertThat(second.transfers()).extracting(t -> t.to() + "@" + t.transferValue() + "=" + t.votes())
                .containsExactly("B@3/7=12/7", "C@3/7=9/7");
        assertThat(second.exhausted()).isEqualTo("0");
        assertThat(second.votesOf("B")).isEqualTo("19/7");
    }

    @Test
    void meek_gives_an_elected_candidate_a_keep_factor_that_brings_its_votes_to_the_quota() {
        // 20 voters, 2 seats: A 12 (A > B), B 2, C 6. A is elected; its keep factor falls, its surplus lifts B past C.
        CountReport r = new MeekStv().count(blt(3, "12 1 2 0\n2 2 0\n6 3 0\n"), CountOptions.seats(2));
        assertThat(r.elected()).containsExactly("A", "B");
        Round last = r.rounds().get(r.rounds().size() - 1);
        Tally a = last.tallies().get(0);
        BigDecimal quota = new BigDecimal(last.quota());
        assertThat(new BigDecimal(a.keep())).isLessThan(BigDecimal.ONE).isGreaterThan(BigDecimal.ZERO);
        assertThat(new BigDecimal(a.votes()).subtract(quota).abs()).isLessThan(new BigDecimal("0.00001"));
    }

    @Test
    void meek_excludes_the_weakest_candidate_once_surpluses_have_converged_and_gives_it_keep_factor_zero() {
        CountReport r = new MeekStv().count(blt(4, "12 1 2 0\n3 2 0\n6 3 0\n2 4 2 0\n"), CountOptions.seats(2));
        Round exclusion = r.rounds().stream().filter(x -> !x.eliminated().isEmpty()).findFirst().orElseThrow();
        assertThat(exclusion.eliminated()).containsExactly("D");
        // the exclusion round shows D's votes when defeated; its ballots move on (to B) in the next round
        assertThat(exclusion.tallies().get(3).keep()).isEqualTo("0.000000000");
        assertThat(exclusion.tallies().get(3).votes()).isEqualTo("2.000000000");
        Round next = r.round(exclusion.number() + 1);
        assertThat(next.votesOf("D")).isEqualTo("0.000000000");
        assertThat(new BigDecimal(next.votesOf("B"))).isGreaterThan(new BigDecimal(exclusion.votesOf("B")));
        assertThat(r.elected()).containsExactly("A", "B");
    }

    @Test
    void meek_treats_candidates_within_the_total_surplus_of_the_lowest_as_tied_and_lets_the_lot_decide() {
        // 9 voters, 2 seats: 2 A > B, 2 B, 1 C, 4 A > C. Once A's surplus converges B has 2.999999998 and C 2.999999996,
        // less than the total surplus (0.000000005) apart: a tie by PRF B.3, so the lot decides, not the 2e-9 difference.
        BallotBox box = blt(3, "2 1 2 0\n2 2 0\n1 3 0\n4 1 3 0\n");
        CountReport cDefeated = new MeekStv().count(box, CountOptions.seats(2).withLotOrder(java.util.List.of("A", "B", "C")));
        CountReport bDefeated = new MeekStv().count(box, CountOptions.seats(2).withLotOrder(java.util.List.of("A", "C", "B")));
        assertThat(cDefeated.elected()).containsExactly("A", "B");
        assertThat(bDefeated.elected()).containsExactly("A", "C");
        assertThat(cDefeated.tieBreaks()).singleElement().asString().contains("lowest votes between B, C");
    }

    @Test
    void meek_never_credits_more_votes_than_were_cast() {
        CountReport r = new MeekStv().count(blt(4, "7 1 2 3 0\n3 2 3 0\n5 3 4 0\n2 4 1 0\n4 1 3 0\n"), CountOptions.seats(2));
        for (Round round : r.rounds()) {
            BigDecimal sum = new BigDecimal(round.exhausted());
            for (Tally t : round.tallies()) sum = sum.add(new BigDecimal(t.votes()));
            assertThat(sum).isLessThanOrEqualTo(new BigDecimal(21)).isGreaterThan(new BigDecimal("20.99999"));
        }
    }
}
