package org.smolny.council.meeting;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a petition to convene a meeting: a UUIDv7. */
public record ConveningId(UUID value) {

    public ConveningId {
        Uuid7.require(value, "a convening petition id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static ConveningId generate(Instant now) {
        return new ConveningId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static ConveningId parse(String text) {
        return new ConveningId(Uuid7.parse(text, "a convening petition id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
