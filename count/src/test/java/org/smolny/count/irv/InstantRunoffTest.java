package org.smolny.count.irv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.rules.OvervoteRule;
import org.smolny.count.rules.ProblemRules;

class InstantRunoffTest {
    private final InstantRunoff irv = new InstantRunoff();

    private static BallotBox blt(int candidates, String ballots) {
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < candidates; c++) names.append('"').append((char) ('A' + c)).append("\"\n");
        return Blt.read(candidates + " 1\n" + ballots + "0\n" + names + "\"T\"\n");
    }

    @Test
    void a_candidate_with_a_majority_of_first_preferences_wins_in_the_first_round() {
        CountReport r = irv.count(blt(3, "6 1 0\n3 2 0\n2 3 0\n"), CountOptions.seats(1));
        assertThat(r.rounds()).hasSize(1);
        assertThat(r.elected()).containsExactly("A");
        assertThat(r.round(1).quota()).isEqualTo("6");
    }

    @Test
    void a_tie_for_last_place_is_decided_by_the_previous_round_then_by_lot() {
        // round 1: A 5, B 4, C 3, D 1 (D > C); round 2: B 4, C 4 tie -> C had fewer in round 1
        CountReport r = irv.count(blt(4, "5 1 0\n4 2 0\n3 3 0\n1 4 3 0\n"), CountOptions.seats(1));
        assertThat(r.round(2).eliminated()).containsExactly("C");
        assertThat(r.tieBreaks()).singleElement().asString().contains("round 1");
        CountReport lot = irv.count(blt(3, "4 1 0\n2 2 0\n2 3 0\n"), CountOptions.seats(1).withLotOrder(List.of("C", "A", "B")));
        assertThat(lot.round(1).eliminated()).containsExactly("B");
        assertThat(lot.tieBreaks()).singleElement().asString().contains("decided by lot");
    }

    @Test
    void ballots_exhausted_by_an_overvote_leave_the_count_and_are_reported() {
        // C's card vote of weight 2 ranks C, then A and B together, then B
        BallotBox box = blt(3, "4 1 0\n3 2 0\n2 3 1=2 2 0\n");
        CountReport exhaust = irv.count(box, CountOptions.seats(1));
        assertThat(exhaust.problems().overvotes()).isEqualTo(1);
        assertThat(exhaust.round(2).exhausted()).isEqualTo("2");
        assertThat(exhaust.elected()).containsExactly("A");
        CountReport skip = irv.count(box, CountOptions.seats(1).withRules(ProblemRules.defaults().withOvervote(OvervoteRule.SKIP_TO_NEXT_RANK)));
        assertThat(skip.round(2).exhausted()).isEqualTo("0");
        assertThat(skip.round(2).votesOf("B")).isEqualTo("5");
        assertThat(skip.elected()).containsExactly("B");
    }

    @Test
    void instant_runoff_fills_exactly_one_seat() {
        assertThatThrownBy(() -> irv.count(blt(3, "1 1 0\n"), CountOptions.seats(2))).isInstanceOf(CountException.class).hasMessageContaining("one seat");
    }

    @Test
    void exhausted_ballots_are_reported_by_why_they_stopped_counting_as_rctab_reports_inactive_ballots() {
        // A 4, B 3, C 2 (one C > A=B overvote, one C alone); one ballot overvoted at its first rank never counts
        CountReport r = irv.count(blt(3, "4 1 0\n3 2 0\n1 3 1=2 0\n1 3 0\n1 1=2 0\n"), CountOptions.seats(1));
        assertThat(r.problems().neverCountedOvervote()).isEqualTo(1);
        assertThat(r.problems().exhaustedByOvervote()).isEqualTo(2);
        assertThat(r.round(1).exhaustedBy()).isEmpty();
        assertThat(r.round(2).eliminated()).isEmpty();
        assertThat(r.round(2).exhausted()).isEqualTo("2");
        assertThat(r.round(2).exhaustedBy()).containsExactly(
                java.util.Map.entry("no more preferences", "1"), java.util.Map.entry("overvote", "1"));
        assertThat(org.smolny.count.report.ReportText.write(r)).contains("Exhausted: 2 (no more preferences 1, overvote 1)");
        assertThat(org.smolny.count.report.ReportJson.write(r)).contains("\"exhaustedBy\": {\"no more preferences\": \"1\", \"overvote\": \"1\"}");
    }
}
