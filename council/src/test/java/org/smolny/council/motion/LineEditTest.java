package org.smolny.council.motion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amendments change lines of a motion; several carried at once all name the lines of the motion as tabled. */
class LineEditTest {

    private static final MotionText MOTION = MotionText.of("""
            Congress notes that overtime is unpaid in many depots.
            Congress believes the working week should be 35 hours.
            Congress instructs the executive to open negotiations.
            Congress instructs the executive to report to the next congress.
            """);

    @Test
    void replacing_a_line_changes_only_that_line() {
        MotionText amended = new LineEdit.Replace(2, 2, List.of("Congress believes the working week should be 32 hours.")).applyTo(MOTION);

        assertThat(amended.lines()).containsExactly(MOTION.line(1), "Congress believes the working week should be 32 hours.",
                MOTION.line(3), MOTION.line(4));
    }

    @Test
    void inserting_after_a_line_and_at_the_start_keeps_every_other_line() {
        MotionText amended = AmendedText.apply(MOTION, List.of(new LineEdit.Insert(0, List.of("Preamble.")),
                new LineEdit.Insert(3, List.of("Congress calls a day of action if talks fail."))));

        assertThat(amended.lines()).containsExactly("Preamble.", MOTION.line(1), MOTION.line(2), MOTION.line(3),
                "Congress calls a day of action if talks fail.", MOTION.line(4));
    }

    @Test
    void several_carried_amendments_apply_to_the_line_numbers_of_the_motion_as_tabled() {
        MotionText amended = AmendedText.apply(MOTION, List.of(
                new LineEdit.Delete(1, 1),
                new LineEdit.Replace(3, 4, List.of("Congress instructs the executive to strike.")),
                new LineEdit.Insert(2, List.of("Congress rejects any loss of pay."))));

        assertThat(amended.lines()).containsExactly(MOTION.line(2), "Congress rejects any loss of pay.",
                "Congress instructs the executive to strike.");
    }

    @Test
    void an_insertion_right_before_a_replaced_range_does_not_overlap_it() {
        LineEdit replace = new LineEdit.Replace(3, 4, List.of("X"));
        LineEdit insertBefore = new LineEdit.Insert(2, List.of("Y"));
        LineEdit insertInside = new LineEdit.Insert(3, List.of("Z"));

        assertThat(replace.overlaps(insertBefore)).isFalse();
        assertThat(insertInside.overlaps(replace)).isTrue();
        assertThat(AmendedText.apply(MOTION, List.of(replace, insertBefore)).lines())
                .containsExactly(MOTION.line(1), MOTION.line(2), "Y", "X");
    }

    @Test
    void overlapping_amendments_cannot_both_be_applied() {
        assertThatThrownBy(() -> AmendedText.apply(MOTION, List.of(new LineEdit.Delete(2, 3), new LineEdit.Replace(3, 3, List.of("X")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("change the same lines");
    }

    @Test
    void an_amendment_naming_a_line_beyond_the_motion_is_refused_with_the_line() {
        assertThatThrownBy(() -> new LineEdit.Delete(3, 7).applyTo(MOTION))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the motion has 4 line(s); the amendment names line 7");
        assertThatThrownBy(() -> new LineEdit.Replace(3, 2, List.of("X")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3–2");
    }

    @Test
    void deleting_the_whole_motion_is_not_an_amendment() {
        assertThatThrownBy(() -> new LineEdit.Delete(1, 4).applyTo(MOTION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vote against it instead");
    }

    @Test
    void a_motion_text_refuses_line_breaks_inside_a_line_and_a_blank_text() {
        assertThatThrownBy(() -> new MotionText(List.of("one", "two\nthree")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2 of the motion contains a line break");
        assertThatThrownBy(() -> MotionText.of("  \n ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MotionText.of("fine\nbell\u0007here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2 of the motion contains a control character (U+0007) at column 5");
    }
}
