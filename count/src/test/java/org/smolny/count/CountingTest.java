package org.smolny.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountOptions;

class CountingTest {
    @Test
    void every_method_the_rulebooks_need_is_available_by_name() {
        assertThat(Counting.methodNames()).containsExactly("plurality", "block", "approval", "irv", "stv-scottish", "stv-meek", "stv-wigm", "schulze");
        assertThatThrownBy(() -> Counting.method("borda")).isInstanceOf(CountException.class).hasMessageContaining("choose one of");
    }

    @Test
    void no_method_elects_anyone_from_a_box_without_a_valid_ballot() {
        BallotBox empty = Blt.read("2 1\n3 - 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"T\"\n");
        for (String method : Counting.methodNames()) {
            assertThatThrownBy(() -> Counting.count(method, empty, CountOptions.seats(1))).as(method)
                    .isInstanceOf(CountException.class).hasMessage("no valid ballots to count");
        }
    }
}
