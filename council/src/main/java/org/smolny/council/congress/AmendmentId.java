package org.smolny.council.congress;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of an amendment to a motion: a UUIDv7. */
public record AmendmentId(UUID value) {

    public AmendmentId {
        Uuid7.require(value, "an amendment id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static AmendmentId generate(Instant now) {
        return new AmendmentId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static AmendmentId parse(String text) {
        return new AmendmentId(Uuid7.parse(text, "an amendment id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
