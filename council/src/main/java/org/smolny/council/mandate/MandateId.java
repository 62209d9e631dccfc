package org.smolny.council.mandate;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a mandate: a UUIDv7. */
public record MandateId(UUID value) {

    public MandateId {
        Uuid7.require(value, "a mandate id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static MandateId generate(Instant now) {
        return new MandateId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static MandateId parse(String text) {
        return new MandateId(Uuid7.parse(text, "a mandate id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
