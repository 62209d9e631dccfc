package org.smolny.council.mandate;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a motion on which delegates vote (the motion itself is recorded by the motion package): a UUIDv7. */
public record MotionId(UUID value) {

    public MotionId {
        Uuid7.require(value, "a motion id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static MotionId generate(Instant now) {
        return new MotionId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static MotionId parse(String text) {
        return new MotionId(Uuid7.parse(text, "a motion id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
