package org.smolny.council.initiative;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a member initiative: a UUIDv7. */
public record InitiativeId(UUID value) {

    public InitiativeId {
        Uuid7.require(value, "an initiative id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static InitiativeId generate(Instant now) {
        return new InitiativeId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static InitiativeId parse(String text) {
        return new InitiativeId(Uuid7.parse(text, "an initiative id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
