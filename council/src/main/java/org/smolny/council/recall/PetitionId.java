package org.smolny.council.recall;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a recall petition: a UUIDv7. */
public record PetitionId(UUID value) {

    public PetitionId {
        Uuid7.require(value, "a recall petition id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static PetitionId generate(Instant now) {
        return new PetitionId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static PetitionId parse(String text) {
        return new PetitionId(Uuid7.parse(text, "a recall petition id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
