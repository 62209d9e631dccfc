package org.smolny.council.congress;

import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.Decision;
import org.smolny.council.motion.LineEdit;

/**
 * An amendment to lines of a motion, with its fate. Immutable.
 *
 * @param id the amendment
 * @param motion the motion it amends
 * @param mover who moved it
 * @param edit what it does to the motion's lines (as tabled)
 * @param movedIndex its place in the order amendments were moved at this congress
 * @param fate what became of it
 */
public record Amendment(AmendmentId id, MotionId motion, MemberId mover, LineEdit edit, int movedIndex, Fate fate) {

    /** What became of an amendment. Each state is its own type. */
    public sealed interface Fate {
    }

    /** Waiting for its vote. */
    public record Pending() implements Fate {
    }

    /** Carried: the motion is amended. */
    public record Carried(Decision decision) implements Fate {
    }

    /** Lost. */
    public record Lost(Decision decision) implements Fate {
    }

    /** Withdrawn by its mover. */
    public record Withdrawn() implements Fate {
    }

    /** Fell without a vote: a carried amendment changed the same lines. */
    public record Fell(AmendmentId because) implements Fate {
    }

    public boolean pending() {
        return fate instanceof Pending;
    }

    Amendment withFate(Fate next) {
        return new Amendment(id, motion, mover, edit, movedIndex, next);
    }
}
