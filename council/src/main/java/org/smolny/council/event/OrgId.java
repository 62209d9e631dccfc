package org.smolny.council.event;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of an organisation: a UUIDv7. */
public record OrgId(UUID value) {

    public OrgId {
        Uuid7.require(value, "an organisation id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static OrgId generate(Instant now) {
        return new OrgId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static OrgId parse(String text) {
        return new OrgId(Uuid7.parse(text, "an organisation id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
