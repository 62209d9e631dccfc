package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.member.MemberId;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agenda's time limits and the speakers' list: points of order first, then for and against in turn. */
class SpeakersListTest {

    private final CongressHall hall = new CongressHall();
    private final List<MemberId> delegates;

    SpeakersListTest() {
        hall.inSessionOnFirstItem();
        delegates = hall.delegates();
    }

    private void ask(MemberId delegate, Side side) {
        hall.union.accept(new CongressCommand.AskToSpeak(hall.congress, side), delegate);
    }

    private CongressEvent.SpeakerCalled callNext() {
        return (CongressEvent.SpeakerCalled) hall.union.accept(new CongressCommand.CallNextSpeaker(hall.congress), hall.chair).getFirst();
    }

    @Test
    void a_point_of_order_is_heard_first_then_speakers_alternate_for_and_against() {
        ask(delegates.get(0), Side.FOR);
        ask(delegates.get(1), Side.FOR);
        ask(delegates.get(2), Side.AGAINST);
        ask(delegates.get(3), Side.AGAINST);
        ask(delegates.get(4), Side.POINT_OF_ORDER);

        List<Side> sides = List.of(callNext(), callNext(), callNext(), callNext(), callNext()).stream()
                .map(CongressEvent.SpeakerCalled::side).toList();
        List<MemberId> speakers = hall.state().speeches().stream().map(Congress.Speech::member).toList();

        assertThat(sides).containsExactly(Side.POINT_OF_ORDER, Side.FOR, Side.AGAINST, Side.FOR, Side.AGAINST);
        assertThat(speakers).containsExactly(delegates.get(4), delegates.get(0), delegates.get(2), delegates.get(1), delegates.get(3));
        assertThat(hall.union.reject(new CongressCommand.CallNextSpeaker(hall.congress), hall.chair))
                .isEqualTo("nobody is waiting to speak on item 1");
    }

    @Test
    void when_nobody_waits_on_one_side_the_other_side_speaks_again() {
        ask(delegates.get(0), Side.AGAINST);
        ask(delegates.get(1), Side.AGAINST);

        assertThat(List.of(callNext().side(), callNext().side())).containsExactly(Side.AGAINST, Side.AGAINST);
    }

    @Test
    void each_speaker_has_the_items_speaking_time_and_a_point_of_order_two_minutes() {
        ask(delegates.get(0), Side.FOR);
        ask(delegates.get(1), Side.POINT_OF_ORDER);

        CongressEvent.SpeakerCalled pointOfOrder = callNext();
        CongressEvent.SpeakerCalled speech = callNext();

        assertThat(pointOfOrder.until()).isEqualTo(hall.union.clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(speech.until()).isEqualTo(hall.union.clock.instant().plus(Duration.ofMinutes(3)));
    }

    @Test
    void no_speaker_is_called_once_the_items_time_has_run_out() {
        ask(delegates.get(0), Side.FOR);
        hall.union.clock.advance(Duration.ofMinutes(60));

        String reason = hall.union.reject(new CongressCommand.CallNextSpeaker(hall.congress), hall.chair);

        assertThat(reason).startsWith("the time for item 1 ran out at ").endsWith(": put the question to the vote or take the next item");
    }

    @Test
    void only_those_sitting_in_the_hall_ask_to_speak() {
        MemberId visitor = hall.members.get(hall.union.docks).get(9);

        assertThat(hall.union.reject(new CongressCommand.AskToSpeak(hall.congress, Side.FOR), visitor))
                .isEqualTo("only a delegate or alternate present in the hall can do this");
    }
}
