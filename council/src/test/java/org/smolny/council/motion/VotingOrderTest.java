package org.smolny.council.motion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Amendments are voted most far-reaching first, then by the line they start at, then in the order moved. */
class VotingOrderTest {

    @Test
    void the_most_far_reaching_amendment_is_voted_first() {
        List<String> order = VotingOrder.order(List.of(
                new VotingOrder.Pending<>("change one word", new LineEdit.Replace(2, 2, List.of("x")), 0),
                new VotingOrder.Pending<>("delete three lines", new LineEdit.Delete(2, 4), 1),
                new VotingOrder.Pending<>("rewrite two lines as four", new LineEdit.Replace(1, 2, List.of("a", "b", "c", "d")), 2)));

        assertThat(order).containsExactly("rewrite two lines as four", "delete three lines", "change one word");
    }

    @Test
    void amendments_reaching_as_far_are_voted_in_the_order_of_the_text_then_the_order_moved() {
        List<String> order = VotingOrder.order(List.of(
                new VotingOrder.Pending<>("line 5, moved first", new LineEdit.Delete(5, 5), 0),
                new VotingOrder.Pending<>("line 2, moved second", new LineEdit.Delete(2, 2), 1),
                new VotingOrder.Pending<>("line 2, moved third", new LineEdit.Insert(2, List.of("x")), 2)));

        assertThat(order).containsExactly("line 2, moved second", "line 2, moved third", "line 5, moved first");
    }
}
