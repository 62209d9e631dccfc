package org.smolny.council.congress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agenda item's time: the chair extends the item under discussion, with a reason on the record; once the time has
 * run out the extension counts from now, and speakers can be called again.
 */
class ItemTimeTest {

    private final CongressHall hall = new CongressHall();

    ItemTimeTest() {
        hall.inSessionOnFirstItem();
    }

    private CongressEvent.ItemExtended extend(int item, int minutes, String reason) {
        return (CongressEvent.ItemExtended) hall.union.accept(new CongressCommand.ExtendItem(hall.congress, item, minutes, reason),
                hall.chair).getFirst();
    }

    @Test
    void the_chair_extends_the_item_under_discussion_and_the_reason_goes_on_the_record() {
        Instant endsAt = hall.state().itemEndsAt();

        CongressEvent.ItemExtended extended = extend(1, 15, "eight delegates still wish to speak");

        assertThat(extended.endsAt()).isEqualTo(endsAt.plus(Duration.ofMinutes(15)));
        assertThat(extended.reason()).isEqualTo("eight delegates still wish to speak");
        assertThat(hall.state().itemEndsAt()).isEqualTo(endsAt.plus(Duration.ofMinutes(15)));
        assertThat(hall.state().extensions()).extracting(Congress.Extension::extended).containsExactly(extended);
        assertThat(Minutes.write(hall.congress, hall.union.record, hall::name))
                .contains("The chair extended the item's time by 15 minutes at ", ": eight delegates still wish to speak");
    }

    @Test
    void once_the_time_has_run_out_an_extension_counts_from_now_and_speakers_are_called_again() {
        hall.union.accept(new CongressCommand.AskToSpeak(hall.congress, Side.FOR), hall.delegate(hall.union.docks));
        hall.union.passDays(1);
        assertThat(hall.union.reject(new CongressCommand.CallNextSpeaker(hall.congress), hall.chair)).startsWith("the time for item 1 ran out at ");

        CongressEvent.ItemExtended extended = extend(1, 10, "the debate was cut short by a fire drill");

        assertThat(extended.endsAt()).isEqualTo(hall.union.clock.instant().plus(Duration.ofMinutes(10)));
        CongressEvent.SpeakerCalled called = (CongressEvent.SpeakerCalled) hall.union.accept(
                new CongressCommand.CallNextSpeaker(hall.congress), hall.chair).getFirst();
        assertThat(called.member()).isEqualTo(hall.delegate(hall.union.docks));
    }

    @Test
    void an_extension_needs_the_chair_a_reason_the_current_item_and_a_sensible_number_of_minutes() {
        int before = hall.union.record.size();

        assertThat(hall.union.reject(new CongressCommand.ExtendItem(hall.congress, 1, 10, "more speakers"), hall.delegate(hall.union.docks)))
                .isEqualTo("only the chair of the congress can do this");
        assertThat(hall.union.reject(new CongressCommand.ExtendItem(hall.congress, 1, 10, "  "), hall.chair))
                .isEqualTo("say why the item is extended: the reason goes on the record");
        assertThat(hall.union.reject(new CongressCommand.ExtendItem(hall.congress, 2, 10, "more candidates"), hall.chair))
                .isEqualTo("only the item under discussion (item 1) can be extended, not item 2");
        assertThat(hall.union.reject(new CongressCommand.ExtendItem(hall.congress, 1, 0, "nothing"), hall.chair))
                .isEqualTo("an item is extended by 1 to 240 minutes at a time, not 0");
        assertThat(hall.union.reject(new CongressCommand.ExtendItem(hall.congress, 1, 600, "all night"), hall.chair))
                .isEqualTo("an item is extended by 1 to 240 minutes at a time, not 600");
        assertThat(hall.union.record).hasSize(before);
    }
}
