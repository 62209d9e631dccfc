package org.smolny.council.congress;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a minority platform or counter-motion: a UUIDv7. */
public record PlatformId(UUID value) {

    public PlatformId {
        Uuid7.require(value, "a platform id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static PlatformId generate(Instant now) {
        return new PlatformId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static PlatformId parse(String text) {
        return new PlatformId(Uuid7.parse(text, "a platform id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
