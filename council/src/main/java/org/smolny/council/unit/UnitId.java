package org.smolny.council.unit;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a unit: a UUIDv7. */
public record UnitId(UUID value) {

    public UnitId {
        Uuid7.require(value, "a unit id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static UnitId generate(Instant now) {
        return new UnitId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static UnitId parse(String text) {
        return new UnitId(Uuid7.parse(text, "a unit id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
