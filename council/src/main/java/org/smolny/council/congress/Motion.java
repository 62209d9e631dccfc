package org.smolny.council.congress;

import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.Decision;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;

import java.time.Instant;
import java.util.List;

/**
 * A motion before a congress, with its fate. Immutable; the projection replaces it as its fate changes.
 *
 * @param id the motion
 * @param item the agenda item it belongs to
 * @param movers who moved it (several for a composite)
 * @param title its title
 * @param text its text as tabled
 * @param decision the type of decision, whose quorum the statutes set
 * @param majority the majority it needs
 * @param tabledAt when it was tabled
 * @param fate what became of it
 */
public record Motion(MotionId id, int item, List<MemberId> movers, String title, MotionText text, DecisionType decision,
                     MajorityRule majority, Instant tabledAt, Fate fate) {

    public Motion {
        movers = List.copyOf(movers);
    }

    /** What became of a motion. Each state is its own type. */
    public sealed interface Fate {
    }

    /** Before the congress; amendments may be moved and it may be put to the vote. */
    public record Pending() implements Fate {
    }

    /** Carried, as {@code adopted} (the text with the amendments carried). */
    public record Carried(MotionText adopted, Decision decision) implements Fate {
    }

    /** Lost (or not decided for want of a quorum). */
    public record Lost(Decision decision) implements Fate {
    }

    /** Withdrawn by its mover. */
    public record Withdrawn() implements Fate {
    }

    /** Remitted to a body, with the mover's agreement. */
    public record Remitted(String body) implements Fate {
    }

    /** Merged into a composite motion. */
    public record Composited(MotionId into) implements Fate {
    }

    public boolean pending() {
        return fate instanceof Pending;
    }

    Motion withFate(Fate next) {
        return new Motion(id, item, movers, title, text, decision, majority, tabledAt, next);
    }
}
