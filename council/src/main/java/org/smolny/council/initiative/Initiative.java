package org.smolny.council.initiative;

import org.smolny.council.mandate.MotionId;
import org.smolny.council.meeting.BodyInUnit;

import java.time.Instant;

/** A member initiative: collecting support, on the agenda, or lapsed. */
public sealed interface Initiative {

    InitiativeId id();

    BodyInUnit body();

    MotionId motion();

    /** Collecting support until {@code closesAt}. */
    record Open(InitiativeId id, BodyInUnit body, MotionId motion, String title, Instant openedAt, Instant closesAt,
                int electorateSize, int supportNeeded) implements Initiative {
    }

    /** Reached the threshold: the motion is on the body's agenda. */
    record Tabled(InitiativeId id, BodyInUnit body, MotionId motion, String title, int supporters) implements Initiative {
    }

    /** Its time ran out below the threshold. */
    record Lapsed(InitiativeId id, BodyInUnit body, MotionId motion, String title, int supporters) implements Initiative {
    }
}
