package org.smolny.council.expulsion;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a disciplinary charge: a UUIDv7. */
public record ChargeId(UUID value) {

    public ChargeId {
        Uuid7.require(value, "a charge id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static ChargeId generate(Instant now) {
        return new ChargeId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static ChargeId parse(String text) {
        return new ChargeId(Uuid7.parse(text, "a charge id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
