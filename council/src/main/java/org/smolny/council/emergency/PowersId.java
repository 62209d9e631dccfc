package org.smolny.council.emergency;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a grant of emergency powers: a UUIDv7. */
public record PowersId(UUID value) {

    public PowersId {
        Uuid7.require(value, "an emergency powers id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static PowersId generate(Instant now) {
        return new PowersId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static PowersId parse(String text) {
        return new PowersId(Uuid7.parse(text, "an emergency powers id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
