package org.smolny.council.election;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of an election: a UUIDv7. */
public record ElectionId(UUID value) {

    public ElectionId {
        Uuid7.require(value, "an election id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static ElectionId generate(Instant now) {
        return new ElectionId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static ElectionId parse(String text) {
        return new ElectionId(Uuid7.parse(text, "an election id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
