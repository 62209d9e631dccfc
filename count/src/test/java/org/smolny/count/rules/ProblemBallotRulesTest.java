package org.smolny.count.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;

class ProblemBallotRulesTest {
    private static BallotBox blt(String ballots) {
        return Blt.read("3 1\n" + ballots + "0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n");
    }

    private static List<String> sequences(RankedBallots r) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < r.groups(); g++) {
            out.add(r.weights()[g] + ":" + Arrays.toString(Arrays.copyOfRange(r.prefs(), r.start()[g], r.start()[g + 1])));
        }
        return out;
    }

    @Test
    void an_overvote_exhausts_the_ballot_immediately_by_default_and_is_counted() {
        RankedBallots r = RankedBallots.from(blt("1 1=2 3 0\n1 3 1=2 2 0\n"), ProblemRules.defaults());
        assertThat(sequences(r)).containsExactly("1:[2]");
        assertThat(r.problems().overvotes()).isEqualTo(2);
        assertThat(r.problems().exhaustedByOvervote()).isEqualTo(2);
        assertThat(r.problems().validBallots()).isEqualTo(1);
    }

    @Test
    void with_skip_to_next_rank_the_overvoted_rank_is_passed_over() {
        RankedBallots r = RankedBallots.from(blt("1 1=2 3 0\n"), ProblemRules.defaults().withOvervote(OvervoteRule.SKIP_TO_NEXT_RANK));
        assertThat(sequences(r)).containsExactly("1:[2]");
        assertThat(r.problems().overvotes()).isEqualTo(1);
        assertThat(r.problems().exhaustedByOvervote()).isZero();
    }

    @Test
    void too_many_skipped_ranks_in_a_row_exhaust_the_ballot_there() {
        BallotBox box = blt("1 1 - - 2 0\n1 1 - 3 0\n");
        RankedBallots limited = RankedBallots.from(box, ProblemRules.defaults().withMaxSkippedRanks(1));
        assertThat(sequences(limited)).containsExactly("1:[0]", "1:[0, 2]");
        assertThat(limited.problems().skippedRanks()).isEqualTo(2);
        assertThat(limited.problems().exhaustedBySkippedRanks()).isEqualTo(1);
        RankedBallots unlimited = RankedBallots.from(box, ProblemRules.defaults());
        assertThat(sequences(unlimited)).containsExactly("1:[0, 1]", "1:[0, 2]");
        assertThat(unlimited.problems().exhaustedBySkippedRanks()).isZero();
    }

    @Test
    void a_repeated_candidate_is_skipped_or_exhausts_the_ballot_as_the_rule_says() {
        BallotBox box = blt("1 1 1 2 0\n");
        RankedBallots skip = RankedBallots.from(box, ProblemRules.defaults());
        assertThat(sequences(skip)).containsExactly("1:[0, 1]");
        assertThat(skip.problems().duplicates()).isEqualTo(1);
        RankedBallots exhaust = RankedBallots.from(box, ProblemRules.defaults().withDuplicate(DuplicateRule.EXHAUST_ON_DUPLICATE));
        assertThat(sequences(exhaust)).containsExactly("1:[0]");
        assertThat(exhaust.problems().exhaustedByDuplicate()).isEqualTo(1);
    }

    @Test
    void a_mark_for_an_unknown_candidate_is_a_skipped_rank_or_sets_the_ballot_aside() {
        BallotBox box = blt("2 7 2 0\n1 3 0\n");
        RankedBallots skip = RankedBallots.from(box, ProblemRules.defaults());
        assertThat(sequences(skip)).containsExactly("2:[1]", "1:[2]");
        assertThat(skip.problems().unknownCandidates()).isEqualTo(1);
        RankedBallots reject = RankedBallots.from(box, ProblemRules.defaults().withUnknown(UnknownCandidateRule.REJECT_BALLOT));
        assertThat(sequences(reject)).containsExactly("1:[2]");
        assertThat(reject.problems().rejectedForUnknown()).isEqualTo(1);
        assertThat(reject.problems().validWeight()).isEqualTo(1);
    }

    @Test
    void empty_ballots_are_counted_not_dropped() {
        RankedBallots r = RankedBallots.from(blt("4 - - 0\n1 2 0\n"), ProblemRules.defaults());
        assertThat(r.problems().ballots()).isEqualTo(2);
        assertThat(r.problems().emptyBallots()).isEqualTo(1);
        assertThat(r.problems().validBallots()).isEqualTo(1);
    }

    @Test
    void withdrawn_candidates_are_passed_over_without_counting_a_problem() {
        BallotBox box = Blt.read("3 1\n-1\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n");
        RankedBallots r = RankedBallots.from(box, ProblemRules.defaults().withMaxSkippedRanks(0));
        assertThat(sequences(r)).containsExactly("1:[1]");
        assertThat(r.problems().skippedRanks()).isZero();
    }

    @Test
    void identical_ballots_are_grouped_with_their_weights_added() {
        RankedBallots r = RankedBallots.from(blt("2 1 2 0\n3 1 2 0\n1 2 1 0\n"), ProblemRules.defaults());
        assertThat(sequences(r)).containsExactly("5:[0, 1]", "1:[1, 0]");
        assertThat(r.papers()).containsExactly(2, 1);
    }
}
