package org.smolny.council.congress;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a congress (one sitting of the sovereign body, from convocation to close): a UUIDv7. */
public record CongressId(UUID value) {

    public CongressId {
        Uuid7.require(value, "a congress id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static CongressId generate(Instant now) {
        return new CongressId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static CongressId parse(String text) {
        return new CongressId(Uuid7.parse(text, "a congress id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
